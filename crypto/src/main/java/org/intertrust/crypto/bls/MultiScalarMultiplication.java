package org.intertrust.crypto.bls;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import java.util.function.Function;
import java.util.function.LongUnaryOperator;
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

  /** blst's {@code blst_pXs_mult_pippenger}. */
  @FunctionalInterface
  private interface Pippenger {
    void run(Pointer ret, Pointer points, long n, Pointer scalars, long nbits, Pointer scratch);
  }

  /** Returns {@code sum(scalars[i] * points[i])} in G1. */
  static P1 g1(P1_Affine[] points, byte[] scalars, int nbits) {
    checkShape(points.length, scalars, nbits);
    if (points.length < 2) {
      return points.length == 0 ? new P1() : points[0].to_jacobian().mult(first(scalars, nbits));
    }
    long[] result =
        pippenger(
            points,
            BlstAccess::limbs,
            BlstNative.P1_AFFINE_BYTES,
            BlstNative.P1_BYTES,
            scalars,
            nbits,
            BlstNative::blst_p1s_mult_pippenger_scratch_sizeof,
            BlstNative::blst_p1s_mult_pippenger);
    return BlstAccess.p1(result);
  }

  /** Returns {@code sum(scalars[i] * points[i])} in G2. */
  static P2 g2(P2_Affine[] points, byte[] scalars, int nbits) {
    checkShape(points.length, scalars, nbits);
    if (points.length < 2) {
      return points.length == 0 ? new P2() : points[0].to_jacobian().mult(first(scalars, nbits));
    }
    long[] result =
        pippenger(
            points,
            BlstAccess::limbs,
            BlstNative.P2_AFFINE_BYTES,
            BlstNative.P2_BYTES,
            scalars,
            nbits,
            BlstNative::blst_p2s_mult_pippenger_scratch_sizeof,
            BlstNative::blst_p2s_mult_pippenger);
    return BlstAccess.p2(result);
  }

  /** Copies the points' limbs and the scalars to native memory, runs the kernel, reads the sum. */
  private static <T> long[] pippenger(
      T[] points,
      Function<T, long[]> limbs,
      int pointBytes,
      int resultBytes,
      byte[] scalars,
      int nbits,
      LongUnaryOperator scratchSize,
      Pippenger kernel) {
    long n = points.length;
    int words = pointBytes / Long.BYTES;
    long[] packed = new long[points.length * words];
    for (int i = 0; i < points.length; i++) {
      System.arraycopy(limbs.apply(points[i]), 0, packed, i * words, words);
    }
    try (Memory pointMemory = new Memory(n * pointBytes);
        Memory scalarMemory = new Memory(scalars.length);
        Memory scratch = new Memory(scratchSize.applyAsLong(n));
        Memory result = new Memory(resultBytes);
        Memory pointArray = BlstNative.contiguous(pointMemory);
        Memory scalarArray = BlstNative.contiguous(scalarMemory)) {
      pointMemory.write(0, packed, 0, packed.length);
      scalarMemory.write(0, scalars, 0, scalars.length);
      kernel.run(result, pointArray, n, scalarArray, nbits, scratch);
      return result.getLongArray(0, resultBytes / Long.BYTES);
    }
  }

  private static void checkShape(int points, byte[] scalars, int nbits) {
    if (nbits < 1 || nbits > 256) {
      throw new IllegalArgumentException("nbits must be in 1..256, was " + nbits);
    }
    int stride = (nbits + 7) / 8;
    if (scalars.length != points * stride) {
      throw new IllegalArgumentException(
          "expected " + points + " scalars of " + stride + " bytes, got " + scalars.length);
    }
  }

  /** The first scalar of the buffer, zero-padded to 32 bytes. */
  private static Scalar first(byte[] scalars, int nbits) {
    byte[] padded = new byte[32];
    System.arraycopy(scalars, 0, padded, 0, (nbits + 7) / 8);
    return new Scalar().from_lendian(padded);
  }
}
