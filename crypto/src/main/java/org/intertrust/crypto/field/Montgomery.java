package org.intertrust.crypto.field;

import static org.intertrust.crypto.field.Limbs.borrowOut;
import static org.intertrust.crypto.field.Limbs.carryOut;
import static org.intertrust.crypto.field.Limbs.multiplyAddHigh;
import static org.intertrust.crypto.field.Limbs.multiplyAddLow;
import static org.intertrust.crypto.field.Limbs.unsignedMultiplyHigh;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * The arithmetic kernels behind {@link Fr}: four-limb Montgomery arithmetic modulo r with {@code R
 * = 2^256}.
 *
 * <p>Every kernel reads all its inputs into locals before writing {@code out}, so {@code out} may
 * alias any input, and none branches on limb values. Multiplication is the coarsely integrated
 * operand scanning (CIOS) method of Koç, Acar and Kaliski, "Analyzing and comparing Montgomery
 * multiplication algorithms" (IEEE Micro, 1996), with the "no-carry" shortcut that holds because
 * the top limb of r is below {@code 2^63 - 1}.
 */
final class Montgomery {
  static final int LIMBS = 4;

  static final long R0 = 0xffffffff00000001L;
  static final long R1 = 0x53bda402fffe5bfeL;
  static final long R2 = 0x3339d80809a1d805L;
  static final long R3 = 0x73eda753299d7d48L;

  /** {@code -r^-1 mod 2^64}, the per-word Montgomery reduction factor. */
  private static final long REDUCTION_FACTOR = 0xfffffffeffffffffL;

  /**
   * {@code floor(2^318 / r)}, the reciprocal that estimates quotients in {@link #mulSmallPartial}.
   */
  private static final long QUOTIENT_RECIPROCAL = 0x8d54253b7fb78ddfL;

  private static final VarHandle LONG_LITTLE_ENDIAN =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final VarHandle LONG_BIG_ENDIAN =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

  private Montgomery() {}

  /** Whether the four-limb integer {@code t} is below r. */
  static boolean isBelowModulus(long t0, long t1, long t2, long t3) {
    long borrow = borrowOut(t0, R0, t0 - R0);
    borrow = borrowOut(t1, R1, t1 - R1 - borrow);
    borrow = borrowOut(t2, R2, t2 - R2 - borrow);
    return borrowOut(t3, R3, t3 - R3 - borrow) != 0;
  }

  /** Sets {@code out = a + b mod r} for a, b in {@code [0, r)}. */
  static void add(long[] a, long[] b, long[] out) {
    long a0 = a[0];
    long a1 = a[1];
    long a2 = a[2];
    long a3 = a[3];
    long b0 = b[0];
    long b1 = b[1];
    long b2 = b[2];
    long b3 = b[3];
    long s0 = a0 + b0;
    long carry = carryOut(a0, b0, s0);
    long s1 = a1 + b1 + carry;
    carry = carryOut(a1, b1, s1);
    long s2 = a2 + b2 + carry;
    carry = carryOut(a2, b2, s2);
    // a + b < 2r < 2^256, so the top limb cannot carry out.
    long s3 = a3 + b3 + carry;
    subtractModulusIfNotBelow(s0, s1, s2, s3, out);
  }

  /** Sets {@code out = a - b mod r} for a, b in {@code [0, r)}. */
  static void sub(long[] a, long[] b, long[] out) {
    long a0 = a[0];
    long a1 = a[1];
    long a2 = a[2];
    long a3 = a[3];
    long b0 = b[0];
    long b1 = b[1];
    long b2 = b[2];
    long b3 = b[3];
    long d0 = a0 - b0;
    long borrow = borrowOut(a0, b0, d0);
    long d1 = a1 - b1 - borrow;
    borrow = borrowOut(a1, b1, d1);
    long d2 = a2 - b2 - borrow;
    borrow = borrowOut(a2, b2, d2);
    long d3 = a3 - b3 - borrow;
    borrow = borrowOut(a3, b3, d3);
    addModulusMasked(d0, d1, d2, d3, -borrow, out);
  }

  /** Sets {@code out = -a mod r} for a in {@code [0, r)}. */
  static void neg(long[] a, long[] out) {
    long a0 = a[0];
    long a1 = a[1];
    long a2 = a[2];
    long a3 = a[3];
    long any = a0 | a1 | a2 | a3;
    long nonZero = (any | -any) >> 63;
    long d0 = R0 - a0;
    long borrow = borrowOut(R0, a0, d0);
    long d1 = R1 - a1 - borrow;
    borrow = borrowOut(R1, a1, d1);
    long d2 = R2 - a2 - borrow;
    borrow = borrowOut(R2, a2, d2);
    long d3 = R3 - a3 - borrow;
    out[0] = d0 & nonZero;
    out[1] = d1 & nonZero;
    out[2] = d2 & nonZero;
    out[3] = d3 & nonZero;
  }

  /** Sets {@code out = a * b / 2^256 mod r} for a, b in {@code [0, r)}. */
  static void mul(long[] a, long[] b, long[] out) {
    long a0 = a[0];
    long a1 = a[1];
    long a2 = a[2];
    long a3 = a[3];
    long t0 = 0;
    long t1 = 0;
    long t2 = 0;
    long t3 = 0;
    for (int i = 0; i < LIMBS; i++) {
      long bi = b[i];
      long productCarry = multiplyAddHigh(t0, a0, bi, 0);
      long u0 = t0 + a0 * bi;
      long m = u0 * REDUCTION_FACTOR;
      long reduceCarry = multiplyAddHigh(u0, m, R0, 0);
      long u1 = multiplyAddLow(t1, a1, bi, productCarry);
      productCarry = multiplyAddHigh(t1, a1, bi, productCarry);
      t0 = multiplyAddLow(u1, m, R1, reduceCarry);
      reduceCarry = multiplyAddHigh(u1, m, R1, reduceCarry);
      long u2 = multiplyAddLow(t2, a2, bi, productCarry);
      productCarry = multiplyAddHigh(t2, a2, bi, productCarry);
      t1 = multiplyAddLow(u2, m, R2, reduceCarry);
      reduceCarry = multiplyAddHigh(u2, m, R2, reduceCarry);
      long u3 = multiplyAddLow(t3, a3, bi, productCarry);
      productCarry = multiplyAddHigh(t3, a3, bi, productCarry);
      t2 = multiplyAddLow(u3, m, R3, reduceCarry);
      reduceCarry = multiplyAddHigh(u3, m, R3, reduceCarry);
      t3 = reduceCarry + productCarry;
    }
    subtractModulusIfNotBelow(t0, t1, t2, t3, out);
  }

  /**
   * Sets {@code out} to a value in {@code [0, 2r)} congruent to {@code a * magnitude mod r}, for
   * {@code a} in {@code [0, 2r)} (it need not be fully reduced) and {@code 0 <= magnitude < 2^62}.
   * Leaving the last subtraction of r to the caller lets a chain of multiplications skip it at
   * every step.
   */
  static void mulSmallPartial(long[] a, long magnitude, long[] out) {
    long a0 = a[0];
    long a1 = a[1];
    long a2 = a[2];
    long a3 = a[3];
    // magnitude is non-negative, so only a limb's own sign bit needs the unsigned correction.
    long high0 = Math.multiplyHigh(a0, magnitude) + ((a0 >> 63) & magnitude);
    long high1 = Math.multiplyHigh(a1, magnitude) + ((a1 >> 63) & magnitude);
    long high2 = Math.multiplyHigh(a2, magnitude) + ((a2 >> 63) & magnitude);
    long high3 = Math.multiplyHigh(a3, magnitude) + ((a3 >> 63) & magnitude);
    long low1 = a1 * magnitude;
    long low2 = a2 * magnitude;
    long low3 = a3 * magnitude;
    long t1 = low1 + high0;
    long carry = carryOut(low1, high0, t1);
    long t2 = low2 + high1 + carry;
    carry = carryOut(low2, high1, t2);
    long t3 = low3 + high2 + carry;
    carry = carryOut(low3, high2, t3);
    subtractEstimatedQuotientMultiple(a0 * magnitude, t1, t2, t3, high3 + carry, out);
  }

  /** Replaces {@code a} in {@code [0, 2r)} by {@code a mod r}. */
  static void reduceOnce(long[] a) {
    subtractModulusIfNotBelow(a[0], a[1], a[2], a[3], a);
  }

  /**
   * Converts {@code a} out of Montgomery form by four word-wise reductions (a times one) and writes
   * the canonical integer as 32 bytes at {@code offset}. No final subtraction is needed: the result
   * {@code (a + M r) / 2^256} with {@code M < 2^256} is at most r, and equals r only if a is zero,
   * which instead yields zero.
   */
  static void writeCanonical(long[] a, byte[] destination, int offset, boolean bigEndian) {
    long t0 = a[0];
    long t1 = a[1];
    long t2 = a[2];
    long t3 = a[3];
    for (int i = 0; i < LIMBS; i++) {
      long m = t0 * REDUCTION_FACTOR;
      long carry = multiplyAddHigh(t0, m, R0, 0);
      long u0 = multiplyAddLow(t1, m, R1, carry);
      carry = multiplyAddHigh(t1, m, R1, carry);
      long u1 = multiplyAddLow(t2, m, R2, carry);
      carry = multiplyAddHigh(t2, m, R2, carry);
      t2 = multiplyAddLow(t3, m, R3, carry);
      t3 = multiplyAddHigh(t3, m, R3, carry);
      t0 = u0;
      t1 = u1;
    }
    VarHandle order = bigEndian ? LONG_BIG_ENDIAN : LONG_LITTLE_ENDIAN;
    int step = bigEndian ? -8 : 8;
    int first = bigEndian ? offset + 24 : offset;
    order.set(destination, first, t0);
    order.set(destination, first + step, t1);
    order.set(destination, first + 2 * step, t2);
    order.set(destination, first + 3 * step, t3);
  }

  /**
   * Reads a four-limb integer from 32 bytes, in the given byte order, into {@code out} without
   * reducing it.
   */
  static void readLimbs(byte[] source, boolean bigEndian, long[] out) {
    for (int i = 0; i < LIMBS; i++) {
      out[i] =
          bigEndian
              ? (long) LONG_BIG_ENDIAN.get(source, 8 * (LIMBS - 1 - i))
              : (long) LONG_LITTLE_ENDIAN.get(source, 8 * i);
    }
  }

  /** Writes {@code t - r} to {@code out} if {@code t >= r}, else {@code t}; requires t < 2^256. */
  private static void subtractModulusIfNotBelow(long t0, long t1, long t2, long t3, long[] out) {
    long d0 = t0 - R0;
    long borrow = borrowOut(t0, R0, d0);
    long d1 = t1 - R1 - borrow;
    borrow = borrowOut(t1, R1, d1);
    long d2 = t2 - R2 - borrow;
    borrow = borrowOut(t2, R2, d2);
    long d3 = t3 - R3 - borrow;
    borrow = borrowOut(t3, R3, d3);
    long keep = -borrow;
    out[0] = (t0 & keep) | (d0 & ~keep);
    out[1] = (t1 & keep) | (d1 & ~keep);
    out[2] = (t2 & keep) | (d2 & ~keep);
    out[3] = (t3 & keep) | (d3 & ~keep);
  }

  /** Writes {@code t + (r & mask) mod 2^256} to {@code out}. */
  private static void addModulusMasked(long t0, long t1, long t2, long t3, long mask, long[] out) {
    long m0 = R0 & mask;
    long m1 = R1 & mask;
    long m2 = R2 & mask;
    long s0 = t0 + m0;
    long carry = carryOut(t0, m0, s0);
    long s1 = t1 + m1 + carry;
    carry = carryOut(t1, m1, s1);
    long s2 = t2 + m2 + carry;
    carry = carryOut(t2, m2, s2);
    out[0] = s0;
    out[1] = s1;
    out[2] = s2;
    out[3] = t3 + (R3 & mask) + carry;
  }

  /**
   * Writes {@code t - q * r} to {@code out}, for a five-limb {@code t < 2r * 2^62} and the estimate
   * {@code q = floor((t >> 254) * floor(2^318 / r) / 2^64)} of {@code floor(t / r)}; the result
   * lies in {@code [0, 2r)}.
   *
   * <p>q never exceeds {@code floor(t / r)} and falls short of it by at most one: the dropped low
   * bits of t add less than {@code 2^254 / r < 0.553} to {@code t / r}, and the truncated
   * reciprocal less than {@code (t >> 254) / 2^64 * 0.0554 < 0.056}. As the remainder is below
   * {@code 2r < 2^256}, it is computed modulo {@code 2^256}; and {@code q <= t / r < 2^63}.
   */
  private static void subtractEstimatedQuotientMultiple(
      long t0, long t1, long t2, long t3, long t4, long[] out) {
    long quotient = unsignedMultiplyHigh((t4 << 2) | (t3 >>> 62), QUOTIENT_RECIPROCAL);
    // quotient < 2^63 and R1, R2 < 2^63: only R0, whose top bit is set, needs the correction.
    long high0 = Math.multiplyHigh(quotient, R0) + quotient;
    long high1 = Math.multiplyHigh(quotient, R1);
    long high2 = Math.multiplyHigh(quotient, R2);
    long low0 = quotient * R0;
    long low1 = quotient * R1;
    long low2 = quotient * R2;
    long m1 = low1 + high0;
    long carry = carryOut(low1, high0, m1);
    long m2 = low2 + high1 + carry;
    carry = carryOut(low2, high1, m2);
    long m3 = quotient * R3 + high2 + carry;
    long d0 = t0 - low0;
    long borrow = borrowOut(t0, low0, d0);
    long d1 = t1 - m1 - borrow;
    borrow = borrowOut(t1, m1, d1);
    long d2 = t2 - m2 - borrow;
    borrow = borrowOut(t2, m2, d2);
    out[0] = d0;
    out[1] = d1;
    out[2] = d2;
    out[3] = t3 - m3 - borrow;
  }
}
