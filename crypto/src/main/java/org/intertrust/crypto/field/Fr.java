package org.intertrust.crypto.field;

import java.math.BigInteger;
import java.util.Objects;

/**
 * The BLS12-381 scalar field: integers modulo the prime group order {@link #MODULUS r}.
 *
 * <p>An element is a {@code long[4]} of little-endian 64-bit limbs holding {@code a·2^256 mod r}
 * (Montgomery form, Montgomery 1985, "Modular multiplication without trial division"), always fully
 * reduced to {@code [0, r)}. Only arrays produced by this class are valid inputs; the operations do
 * not re-validate them, so that hot loops pay nothing but the arithmetic. Operations that take an
 * {@code out} array write the result there and allow {@code out} to alias any input.
 *
 * <p>Addition, subtraction, negation, multiplication and inversion run in time independent of the
 * element values; {@link #mulSmall} branches only on the sign of its public small factor.
 *
 * <p>Byte encodings are of the canonical integer in {@code [0, r)}, never of the Montgomery form;
 * the little-endian form is what blst's {@code blst_scalar} holds.
 */
public final class Fr {
  /** The field modulus r, the prime order of the BLS12-381 groups G1 and G2 (255 bits). */
  public static final BigInteger MODULUS =
      new BigInteger("73eda753299d7d483339d80809a1d80553bda402fffe5bfeffffffff00000001", 16);

  /** Length in bytes of an encoded element. */
  public static final int BYTES = 32;

  /** Exclusive bound on the magnitude of the factor accepted by {@link #mulSmall}. */
  public static final long SMALL_FACTOR_LIMIT = 1L << 62;

  private static final int LIMBS = Montgomery.LIMBS;

  /** {@code 2^512 mod r}: multiplying a canonical integer by it yields its Montgomery form. */
  private static final long[] MONTGOMERY_SQUARE = {
    0xc999e990f3f29c6dL, 0x2b6cedcb87925c23L, 0x05d314967254398fL, 0x0748d9d99f59ff11L
  };

  /** {@code 2^256 mod r}: the Montgomery form of one. */
  private static final long[] MONTGOMERY_ONE = {
    0x00000001fffffffeL, 0x5884b7fa00034802L, 0x998c4fefecbc4ff5L, 0x1824b159acc5056fL
  };

  /** The limbs of {@code r - 2}, the Fermat inversion exponent. */
  private static final long[] INVERSION_EXPONENT = {
    0xfffffffeffffffffL, Montgomery.R1, Montgomery.R2, Montgomery.R3
  };

  private Fr() {}

  /** Returns a new element equal to zero. */
  public static long[] zero() {
    return new long[LIMBS];
  }

  /** Returns a new element equal to one. */
  public static long[] one() {
    return MONTGOMERY_ONE.clone();
  }

  /** Returns {@code value mod r} as a new element; negative and oversized values are reduced. */
  public static long[] fromBigInteger(BigInteger value) {
    BigInteger reduced = value.mod(MODULUS);
    long[] limbs = new long[LIMBS];
    for (int i = 0; i < LIMBS; i++) {
      limbs[i] = reduced.shiftRight(64 * i).longValue();
    }
    Montgomery.mul(limbs, MONTGOMERY_SQUARE, limbs);
    return limbs;
  }

  /** Returns {@code value mod r} as a new element, treating {@code value} as signed. */
  public static long[] fromLong(long value) {
    long[] limbs = {value < 0 ? -value : value, 0, 0, 0};
    Montgomery.mul(limbs, MONTGOMERY_SQUARE, limbs);
    if (value < 0) {
      Montgomery.neg(limbs, limbs);
    }
    return limbs;
  }

  /** Returns the canonical integer in {@code [0, r)} that {@code a} represents. */
  public static BigInteger toBigInteger(long[] a) {
    return new BigInteger(1, toBytesBE(a));
  }

  /** Whether {@code a} is zero. */
  public static boolean isZero(long[] a) {
    return (a[0] | a[1] | a[2] | a[3]) == 0;
  }

  /** Whether {@code a} and {@code b} are the same element, compared in constant time. */
  public static boolean equals(long[] a, long[] b) {
    return ((a[0] ^ b[0]) | (a[1] ^ b[1]) | (a[2] ^ b[2]) | (a[3] ^ b[3])) == 0;
  }

  /** Sets {@code out = a + b mod r}. */
  public static void add(long[] a, long[] b, long[] out) {
    Montgomery.add(a, b, out);
  }

  /** Sets {@code out = a - b mod r}. */
  public static void sub(long[] a, long[] b, long[] out) {
    Montgomery.sub(a, b, out);
  }

  /** Sets {@code out = -a mod r}. */
  public static void neg(long[] a, long[] out) {
    Montgomery.neg(a, out);
  }

  /** Sets {@code out = a * b mod r}. */
  public static void mul(long[] a, long[] b, long[] out) {
    Montgomery.mul(a, b, out);
  }

  /** Sets {@code out = a * a mod r}. */
  public static void square(long[] a, long[] out) {
    Montgomery.mul(a, a, out);
  }

  /**
   * Sets {@code out = a * factor mod r} for a small signed integer factor, at a fraction of the
   * cost of {@link #mul}: the factor is used as a plain integer, not converted to Montgomery form.
   *
   * @throws IllegalArgumentException if {@code |factor| >= 2^62}
   */
  public static void mulSmall(long[] a, long factor, long[] out) {
    if (factor >= SMALL_FACTOR_LIMIT || factor <= -SMALL_FACTOR_LIMIT) {
      throw new IllegalArgumentException("small factor out of range (|x| < 2^62): " + factor);
    }
    Montgomery.mulSmallPartial(a, Math.abs(factor), out);
    Montgomery.reduceOnce(out);
    if (factor < 0) {
      Montgomery.neg(out, out);
    }
  }

  /**
   * Returns {@code a^-1 mod r} as a new element, by Fermat's little theorem ({@code a^(r-2)}); the
   * exponent is public, so the running time does not depend on {@code a}.
   *
   * @throws ArithmeticException if {@code a} is zero
   */
  public static long[] inverse(long[] a) {
    if (isZero(a)) {
      throw new ArithmeticException("zero has no inverse in Fr");
    }
    long[] result = one();
    for (int bit = 254; bit >= 0; bit--) {
      Montgomery.mul(result, result, result);
      if (((INVERSION_EXPONENT[bit >>> 6] >>> (bit & 63)) & 1) != 0) {
        Montgomery.mul(result, a, result);
      }
    }
    return result;
  }

  /**
   * Replaces every element of {@code values} with its inverse, in place, with one inversion and
   * {@code 3(n-1)} multiplications (Montgomery's trick: Montgomery 1987, "Speeding the Pollard and
   * elliptic curve methods of factorization", §10.3.1). The arrays in {@code values} must be
   * distinct objects. If any element is zero nothing is modified.
   *
   * @throws ArithmeticException naming the index of the first zero element
   */
  public static void batchInverse(long[][] values) {
    batchInverseTimes(values, MONTGOMERY_ONE);
  }

  /**
   * Replaces every element {@code v} of {@code values} with {@code scale / v}, in place, at the
   * cost of {@link #batchInverse} plus one multiplication.
   *
   * @throws ArithmeticException naming the index of the first zero element
   */
  static void batchInverseTimes(long[][] values, long[] scale) {
    int n = values.length;
    for (int i = 0; i < n; i++) {
      if (isZero(values[i])) {
        throw new ArithmeticException("cannot invert zero at index " + i);
      }
    }
    if (n == 0) {
      return;
    }
    long[][] prefix = new long[n][];
    prefix[0] = values[0].clone();
    for (int i = 1; i < n; i++) {
      prefix[i] = new long[LIMBS];
      Montgomery.mul(prefix[i - 1], values[i], prefix[i]);
    }
    long[] running = inverse(prefix[n - 1]);
    Montgomery.mul(running, scale, running);
    for (int i = n - 1; i > 0; i--) {
      long[] quotient = prefix[i - 1];
      Montgomery.mul(running, quotient, quotient);
      Montgomery.mul(running, values[i], running);
      System.arraycopy(quotient, 0, values[i], 0, LIMBS);
    }
    System.arraycopy(running, 0, values[0], 0, LIMBS);
  }

  /**
   * Returns the canonical 32-byte little-endian encoding of {@code a}, as in {@code blst_scalar}.
   */
  public static byte[] toBytesLE(long[] a) {
    byte[] bytes = new byte[BYTES];
    Montgomery.writeCanonical(a, bytes, 0, false);
    return bytes;
  }

  /**
   * Writes the canonical 32-byte little-endian encoding of {@code a} into {@code destination} at
   * {@code offset}, without allocating; nothing is written if the range is out of bounds.
   *
   * @throws IndexOutOfBoundsException if {@code offset + 32} exceeds the destination
   */
  public static void toBytesLE(long[] a, byte[] destination, int offset) {
    Objects.checkFromIndexSize(offset, BYTES, destination.length);
    Montgomery.writeCanonical(a, destination, offset, false);
  }

  /** Returns the canonical 32-byte big-endian encoding of {@code a}. */
  public static byte[] toBytesBE(long[] a) {
    byte[] bytes = new byte[BYTES];
    Montgomery.writeCanonical(a, bytes, 0, true);
    return bytes;
  }

  /**
   * Decodes a canonical 32-byte little-endian integer.
   *
   * @throws IllegalArgumentException if the length is not 32 or the value is not below r
   */
  public static long[] fromBytesLE(byte[] bytes) {
    return fromCanonicalBytes(bytes, false);
  }

  /**
   * Decodes a canonical 32-byte big-endian integer.
   *
   * @throws IllegalArgumentException if the length is not 32 or the value is not below r
   */
  public static long[] fromBytesBE(byte[] bytes) {
    return fromCanonicalBytes(bytes, true);
  }

  /**
   * Interprets {@code bytes} of any length as an unsigned big-endian integer and reduces it mod r,
   * as when deriving a scalar from a 48- or 64-byte hash output. An empty array yields zero.
   */
  public static long[] fromWideBytesReduced(byte[] bytes) {
    return fromBigInteger(new BigInteger(1, bytes));
  }

  /** Whether {@code a} is a well-formed element: four limbs holding a value below r. */
  static boolean isCanonical(long[] a) {
    return a.length == LIMBS && Montgomery.isBelowModulus(a[0], a[1], a[2], a[3]);
  }

  private static long[] fromCanonicalBytes(byte[] bytes, boolean bigEndian) {
    if (bytes.length != BYTES) {
      throw new IllegalArgumentException(
          "an Fr encoding is " + BYTES + " bytes, got " + bytes.length);
    }
    long[] limbs = new long[LIMBS];
    Montgomery.readLimbs(bytes, bigEndian, limbs);
    if (!isCanonical(limbs)) {
      throw new IllegalArgumentException("non-canonical Fr encoding: value is not below r");
    }
    Montgomery.mul(limbs, MONTGOMERY_SQUARE, limbs);
    return limbs;
  }
}
