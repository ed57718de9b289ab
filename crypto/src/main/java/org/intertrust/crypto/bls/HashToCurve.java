package org.intertrust.crypto.bls;

import supranational.blst.P1;
import supranational.blst.P1_Affine;

/**
 * RFC 9380 hash_to_curve for G1 with suite BLS12381G1_XMD:SHA-256_SSWU_RO_ (random oracle variant),
 * delegated to blst. The DST is always explicit: each {@code SigningDomain} pins its own.
 */
final class HashToCurve {
  private static final byte[] NO_AUGMENTATION = new byte[0];

  private HashToCurve() {}

  static P1_Affine g1(byte[] message, String dst) {
    return new P1().hash_to(message, dst, NO_AUGMENTATION).to_affine();
  }
}
