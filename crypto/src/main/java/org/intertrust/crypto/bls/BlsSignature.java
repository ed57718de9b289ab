package org.intertrust.crypto.bls;

import java.util.Arrays;
import supranational.blst.P1;
import supranational.blst.P1_Affine;

/**
 * A BLS signature: a point of G1 in the prime-order subgroup, never infinity. Immutable.
 *
 * <p>Encoded as the 48-byte compressed point. Instances are validated once, at construction.
 */
public final class BlsSignature {
  /** Length of the compressed encoding. */
  public static final int BYTES = Points.G1_COMPRESSED_BYTES;

  private final P1_Affine point;
  private final byte[] encoded;

  private BlsSignature(P1_Affine point, byte[] encoded) {
    this.point = point;
    this.encoded = encoded;
  }

  /**
   * Decodes a compressed G1 point.
   *
   * @throws BlsDecodingException on a wrong length, a bad encoding, a point off the curve or
   *     outside the subgroup, or infinity
   */
  public static BlsSignature fromBytes(byte[] bytes) throws BlsDecodingException {
    byte[] copy = bytes == null ? null : bytes.clone();
    return new BlsSignature(Points.decodeG1(copy, "signature"), copy);
  }

  /**
   * Wraps a point computed inside this package. A combination of valid points can be infinity (for
   * example, a Byzantine share chosen to cancel the others); that is returned as a signature that
   * never verifies rather than as an exception, so that callers take the usual failure path.
   */
  static BlsSignature fromPoint(P1 point) {
    P1_Affine affine = point.to_affine();
    return new BlsSignature(affine, affine.compress());
  }

  /** Wraps a point that has passed the full decoding checks (on curve, subgroup, not infinity). */
  static BlsSignature fromCheckedPoint(P1_Affine point) {
    return new BlsSignature(point, point.compress());
  }

  /** The compressed encoding (a copy). */
  public byte[] toBytes() {
    return encoded.clone();
  }

  /** The validated point. blst points mutate themselves: callers must {@code dup()} first. */
  P1_Affine point() {
    return point;
  }

  boolean isInfinity() {
    return point.is_inf();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof BlsSignature && Arrays.equals(encoded, ((BlsSignature) other).encoded);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(encoded);
  }

  @Override
  public String toString() {
    return "BlsSignature[" + Points.hexPrefix(encoded) + "]";
  }
}
