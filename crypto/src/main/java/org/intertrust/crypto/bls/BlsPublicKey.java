package org.intertrust.crypto.bls;

import java.util.Arrays;
import supranational.blst.P2;
import supranational.blst.P2_Affine;

/**
 * A BLS public key: a point of G2 in the prime-order subgroup, never infinity. Immutable.
 *
 * <p>Encoded as the 96-byte compressed point (the ZCash serialization the IETF BLS draft uses).
 * Every instance has passed the subgroup check once, at construction, so verification need not
 * repeat it.
 */
public final class BlsPublicKey {
  /** Length of the compressed encoding. */
  public static final int BYTES = Points.G2_COMPRESSED_BYTES;

  private final P2_Affine point;
  private final byte[] encoded;

  private BlsPublicKey(P2_Affine point, byte[] encoded) {
    this.point = point;
    this.encoded = encoded;
  }

  /**
   * Decodes a compressed G2 point.
   *
   * @throws BlsDecodingException on a wrong length, a bad encoding, a point off the curve or
   *     outside the subgroup, or infinity
   */
  public static BlsPublicKey fromBytes(byte[] bytes) throws BlsDecodingException {
    byte[] copy = bytes == null ? null : bytes.clone();
    return new BlsPublicKey(Points.decodeG2(copy, "public key"), copy);
  }

  /** Wraps a point computed inside this package from valid points; rejects infinity. */
  static BlsPublicKey fromPoint(P2 point) {
    if (point.is_inf()) {
      throw new IllegalArgumentException("public key at infinity");
    }
    P2_Affine affine = point.to_affine();
    return new BlsPublicKey(affine, affine.compress());
  }

  /** The compressed encoding (a copy). */
  public byte[] toBytes() {
    return encoded.clone();
  }

  /** The validated point. blst points mutate themselves: callers must {@code dup()} first. */
  P2_Affine point() {
    return point;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof BlsPublicKey && Arrays.equals(encoded, ((BlsPublicKey) other).encoded);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(encoded);
  }

  @Override
  public String toString() {
    return "BlsPublicKey[" + Points.hexPrefix(encoded) + "]";
  }
}
