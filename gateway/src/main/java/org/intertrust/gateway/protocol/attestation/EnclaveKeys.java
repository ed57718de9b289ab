package org.intertrust.gateway.protocol.attestation;

import java.util.Objects;
import org.intertrust.crypto.identity.AgreementPublicKey;
import org.intertrust.crypto.identity.IdentityPublicKey;

/**
 * The public keys of a gateway's enclave: Ed25519 (it signs dealing records and relays) and X25519
 * (the dealer's share-encryption key).
 *
 * @param identity the enclave's Ed25519 key
 * @param agreement the enclave's X25519 key
 */
public record EnclaveKeys(IdentityPublicKey identity, AgreementPublicKey agreement) {
  /** Checks that both keys are present. */
  public EnclaveKeys {
    Objects.requireNonNull(identity, "identity");
    Objects.requireNonNull(agreement, "agreement");
  }
}
