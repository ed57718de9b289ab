package org.intertrust.gateway.protocol.attestation;

import org.intertrust.gateway.tee.Quote;

/**
 * The roots of trust for one kind of platform: which platform keys are trusted, and how their
 * signatures over quotes are checked. One implementation per backend ({@link
 * SoftwarePlatformTrust}; a TPM implementation checks the attestation key's certificate chain).
 */
public interface PlatformTrust {
  /** Whether the quote comes from a backend and platform key this trust accepts. */
  boolean trusts(Quote quote);

  /** Whether the platform's signature over the quote verifies. */
  boolean signatureValid(Quote quote);
}
