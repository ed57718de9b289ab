package org.intertrust.crypto.bls;

import org.intertrust.crypto.encoding.SigningDomain;
import supranational.blst.P1_Affine;

/**
 * A message hashed to G1 in its signing domain (RFC 9380, the domain's DST): what every signer of
 * the same statement computes first. Hashing once and signing many times with {@link
 * KeyShare#signPartial(HashedMessage)} gives exactly the signatures {@link
 * KeyShare#signPartial(SigningDomain, byte[])} gives; simulations use it to make the shares of many
 * replicas without repeating the hash. Immutable.
 */
public final class HashedMessage {
  private final P1_Affine point;

  private HashedMessage(P1_Affine point) {
    this.point = point;
  }

  /** Hashes {@code message} in {@code domain}. */
  public static HashedMessage of(SigningDomain domain, byte[] message) {
    return new HashedMessage(HashToCurve.g1(message, domain.blsDst()));
  }

  /** The point. blst points mutate themselves: callers must {@code dup()} first. */
  P1_Affine point() {
    return point;
  }
}
