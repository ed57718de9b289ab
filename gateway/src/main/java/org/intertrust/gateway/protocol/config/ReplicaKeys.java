package org.intertrust.gateway.protocol.config;

import java.util.Objects;
import org.intertrust.crypto.identity.AgreementPublicKey;
import org.intertrust.crypto.identity.IdentityPublicKey;

/**
 * The public keys of one replica: Ed25519 for its identity (it wraps its shares with it) and X25519
 * for share delivery (dealt shares are encrypted to it).
 *
 * @param identity the replica's Ed25519 key
 * @param agreement the replica's X25519 key
 */
public record ReplicaKeys(IdentityPublicKey identity, AgreementPublicKey agreement) {
  /** Checks that both keys are present. */
  public ReplicaKeys {
    Objects.requireNonNull(identity, "identity");
    Objects.requireNonNull(agreement, "agreement");
  }
}
