package org.intertrust.crypto.bls;

import com.sun.jna.Memory;
import supranational.blst.P1;
import supranational.blst.P1_Affine;
import supranational.blst.P2;
import supranational.blst.P2_Affine;
import supranational.blst.Scalar;

/**
 * Multi-scalar multiplication {@code sum(s_i * P_i)} in G1 and G2 through blst's native Pippenger.
 *
 * <p>Scalars arrive as one contiguous little-endian buffer with {@code (nbits + 7) / 8} bytes per
 * scalar, the layout blst reads. Points must be valid, non-infinity group elements (every point in
 * this module comes from a validated decode or a computation on such points). Fewer than two points
 * take the plain scalar multiplication, because blst's Pippenger reads one point ahead.
 */
final class MultiScalarMultiplication {
  private MultiScalarMultiplication() {}

  /** Returns {@code sum(scalars[i] * points[i])} in G1. */
  static P1 g1(P1_Affine[] points, byte[] scalars, int nbits) {
    int stride = checkShape(points.length, scalars, nbits);
    if (points.length < 2) {
      return points.length == 0
          ? new P1()
          : single(points[0].to_jacobian(), scalars, stride, nbits);
    }
    long n = points.length;
    try (Memory pointMemory = new Memory(n * BlstNative.P1_AFFINE_BYTES);
        Memory scalarMemory = new Memory(scalars.length);
        Memory scratch = new Memory(BlstNative.blst_p1s_mult_pippenger_scratch_sizeof(n));
        Memory result = new Memory(BlstNative.P1_BYTES)) {
      long[] limbs = new long[points.length * (BlstNative.P1_AFFINE_BYTES / Long.BYTES)];
      int words = BlstNative.P1_AFFINE_BYTES / Long.BYTES;
      for (int i = 0; i < points.length; i++) {
        System.arraycopy(BlstAccess.limbs(points[i]), 0, limbs, i * words, words);
      }
      pointMemory.write(0, limbs, 0, limbs.length);
      scalarMemory.write(0, scalars, 0, scalars.length);
      BlstNative.blst_p1s_mult_pippenger(
          result,
          BlstNative.contiguous(pointMemory),
          n,
          BlstNative.contiguous(scalarMemory),
          nbits,
          scratch);
      return BlstAccess.p1(result.getLongArray(0, BlstNative.P1_BYTES / Long.BYTES));
    }
  }

  /** Returns {@code sum(scalars[i] * points[i])} in G2. */
  static P2 g2(P2_Affine[] points, byte[] scalars, int nbits) {
    int stride = checkShape(points.length, scalars, nbits);
    if (points.length < 2) {
      return points.length == 0
          ? new P2()
          : single(points[0].to_jacobian(), scalars, stride, nbits);
    }
    long n = points.length;
    try (Memory pointMemory = new Memory(n * BlstNative.P2_AFFINE_BYTES);
        Memory scalarMemory = new Memory(scalars.length);
        Memory scratch = new Memory(BlstNative.blst_p2s_mult_pippenger_scratch_sizeof(n));
        Memory result = new Memory(BlstNative.P2_BYTES)) {
      int words = BlstNative.P2_AFFINE_BYTES / Long.BYTES;
      long[] limbs = new long[points.length * words];
      for (int i = 0; i < points.length; i++) {
        System.arraycopy(BlstAccess.limbs(points[i]), 0, limbs, i * words, words);
      }
      pointMemory.write(0, limbs, 0, limbs.length);
      scalarMemory.write(0, scalars, 0, scalars.length);
      BlstNative.blst_p2s_mult_pippenger(
          result,
          BlstNative.contiguous(pointMemory),
          n,
          BlstNative.contiguous(scalarMemory),
          nbits,
          scratch);
      return BlstAccess.p2(result.getLongArray(0, BlstNative.P2_BYTES / Long.BYTES));
    }
  }

  private static int checkShape(int points, byte[] scalars, int nbits) {
    if (nbits < 1 || nbits > 256) {
      throw new IllegalArgumentException("nbits must be in 1..256, was " + nbits);
    }
    int stride = (nbits + 7) / 8;
    if (scalars.length != points * stride) {
      throw new IllegalArgumentException(
          "expected " + points + " scalars of " + stride + " bytes, got " + scalars.length);
    }
    return stride;
  }

  private static P1 single(P1 point, byte[] scalars, int stride, int nbits) {
    return point.mult(scalar(scalars, stride));
  }

  private static P2 single(P2 point, byte[] scalars, int stride, int nbits) {
    return point.mult(scalar(scalars, stride));
  }

  private static Scalar scalar(byte[] scalars, int stride) {
    byte[] padded = new byte[32];
    System.arraycopy(scalars, 0, padded, 0, stride);
    return new Scalar().from_lendian(padded);
  }
}
