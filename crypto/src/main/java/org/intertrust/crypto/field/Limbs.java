package org.intertrust.crypto.field;

/**
 * Unsigned 64-bit word primitives for multi-limb arithmetic.
 *
 * <p>Every method is branch-free so that the field operations built on them take time independent
 * of the values. Carry and borrow formulas follow Warren, <i>Hacker's Delight</i>, 2nd ed., §2-16.
 */
final class Limbs {
  private Limbs() {}

  /** High 64 bits of the unsigned 128-bit product {@code x * y}. */
  static long unsignedMultiplyHigh(long x, long y) {
    return Math.multiplyHigh(x, y) + ((x >> 63) & y) + ((y >> 63) & x);
  }

  /** Carry (0 or 1) out of the unsigned addition {@code sum = x + y + carryIn}. */
  static long carryOut(long x, long y, long sum) {
    return ((x & y) | ((x | y) & ~sum)) >>> 63;
  }

  /** Borrow (0 or 1) out of the unsigned subtraction {@code difference = x - y - borrowIn}. */
  static long borrowOut(long x, long y, long difference) {
    return ((~x & y) | (~(x ^ y) & difference)) >>> 63;
  }

  /** Low 64 bits of {@code addend + x * y + carry}, all operands unsigned. */
  static long multiplyAddLow(long addend, long x, long y, long carry) {
    return addend + x * y + carry;
  }

  /**
   * High 64 bits of {@code addend + x * y + carry}, all operands unsigned. The sum is at most
   * {@code 2^128 - 1}, so it never overflows 128 bits.
   */
  static long multiplyAddHigh(long addend, long x, long y, long carry) {
    long product = x * y;
    long partial = product + addend;
    long high = unsignedMultiplyHigh(x, y) + carryOut(product, addend, partial);
    long total = partial + carry;
    return high + carryOut(partial, carry, total);
  }
}
