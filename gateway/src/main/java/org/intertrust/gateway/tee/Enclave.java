package org.intertrust.gateway.tee;

import org.intertrust.crypto.secret.SecretAccess;

/**
 * The trusted-execution port (DESIGN.md §6, issue #4). The gateway's secret-handling part (its
 * enclave keys, the dealing seed; dealing, signing relays) runs behind it; everything else of the
 * gateway is untrusted host code.
 *
 * <p>Contract, which every backend must meet:
 *
 * <ul>
 *   <li>{@link #measurement()} is fixed for the enclave's lifetime and identifies its code.
 *   <li>{@link #quote} returns evidence, checkable against the platform's root of trust, that code
 *       with this measurement produced the caller data, for this nonce, at about this time.
 *   <li>{@link #seal} output opens only with {@link #unseal} on the same platform, for the same
 *       measurement and label; any change to the sealed bytes makes unsealing fail.
 *   <li>The counter never decreases, even when the enclave restarts or old sealed data is loaded.
 * </ul>
 *
 * Backends: {@link SoftwareEnclave} (protects nothing); a TPM 2.0 backend (quote = TPM2_Quote by an
 * attestation key over PCRs with qualifying data = SHA-256 of the request; seal = TPM2_Create under
 * a PCR policy; counter = an NV counter index) fits the same methods.
 */
public interface Enclave {
  /** The kind of hardware, written into every quote. */
  Backend backend();

  /** The code measurement. */
  Measurement measurement();

  /** An attestation quote over {@code request}, signed by the platform. */
  Quote quote(QuoteRequest request);

  /**
   * Seals {@code plaintext} to this platform and measurement under {@code label} (a purpose, such
   * as {@code "gateway-keys"}).
   */
  byte[] seal(String label, byte[] plaintext, SecretAccess access);

  /**
   * Opens what {@link #seal} produced with the same label.
   *
   * @throws EnclaveException UNSEAL_FAILED or MALFORMED
   */
  byte[] unseal(String label, byte[] sealed, SecretAccess access) throws EnclaveException;

  /** Increments the monotonic counter and returns its new value. */
  long incrementCounter();

  /** Returns the counter's current value (0 before the first increment). */
  long readCounter();
}
