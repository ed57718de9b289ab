package org.intertrust.gateway.protocol.collect;

import java.util.Objects;
import org.intertrust.crypto.bls.ShareIndex;
import org.intertrust.crypto.identity.IdentityPublicKey;

/**
 * A replica named as the sender of a bad share; {@code evidence} carries its own Ed25519 wrap, so
 * the blame is attributable to anyone who checks it.
 *
 * @param index the share index
 * @param sender the replica's identity
 * @param evidence the wrapped share it sent
 */
public record Blame(ShareIndex index, IdentityPublicKey sender, WrappedShare evidence) {
  /** Checks the fields. */
  public Blame {
    Objects.requireNonNull(index, "index");
    Objects.requireNonNull(sender, "sender");
    Objects.requireNonNull(evidence, "evidence");
  }
}
