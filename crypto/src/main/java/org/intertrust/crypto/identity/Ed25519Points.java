package org.intertrust.crypto.identity;

import java.math.BigInteger;
import java.security.spec.EdECPoint;
import java.util.List;

/**
 * Raw point encoding of edwards25519 (RFC 8032 section 5.1.2) and a small-order test.
 *
 * <p>The encoding of a point {@code (x, y)} is {@code y} as 32 little-endian bytes with the most
 * significant bit of the last byte set to the low bit of {@code x}. The JDK represents the same
 * information as an {@link EdECPoint} (x-odd flag and {@code y}).
 *
 * <p>All arithmetic here works on public values only; none of it needs to be constant-time.
 */
final class Ed25519Points {

  static final int ENCODED_LENGTH = 32;

  /** The field prime {@code 2^255 - 19}. */
  static final BigInteger P = BigInteger.TWO.pow(255).subtract(BigInteger.valueOf(19));

  private Ed25519Points() {}

  /**
   * Splits a 32-byte encoding into the x-odd flag and {@code y}.
   *
   * @throws KeyDecodingException {@code NOT_CANONICAL} if {@code y >= p}
   */
  static EdECPoint decode(byte[] encoded) throws KeyDecodingException {
    byte[] copy = encoded.clone();
    boolean xOdd = (copy[ENCODED_LENGTH - 1] & 0x80) != 0;
    copy[ENCODED_LENGTH - 1] &= 0x7F;
    BigInteger y = LittleEndian.toBigInteger(copy);
    if (y.compareTo(P) >= 0) {
      throw new KeyDecodingException(
          KeyDecodingException.Reason.NOT_CANONICAL, "y coordinate is not reduced mod p");
    }
    return new EdECPoint(xOdd, y);
  }

  /** Returns the 32-byte encoding of {@code point}. */
  static byte[] encode(EdECPoint point) {
    byte[] encoded = LittleEndian.toBytes(point.getY(), ENCODED_LENGTH);
    if (point.isXOdd()) {
      encoded[ENCODED_LENGTH - 1] |= (byte) 0x80;
    }
    return encoded;
  }

  /**
   * The {@code y} coordinates of the eight points of order dividing 8 (the cofactor): the neutral
   * element {@code (0, 1)}, the point {@code (0, -1)} of order 2, the two points with {@code y = 0}
   * of order 4, and the four points of order 8, which share two {@code y} values, negatives of each
   * other (the list libsodium and RFC 8032 implementations reject).
   */
  private static final List<BigInteger> SMALL_ORDER_Y =
      List.of(
          BigInteger.ONE,
          P.subtract(BigInteger.ONE),
          BigInteger.ZERO,
          new BigInteger("7a03ac9277fdc74ec6cc392cfa53202a0f67100d760b3cba4fd84d3d706a17c7", 16),
          new BigInteger("05fc536d880238b13933c6d305acdfd5f098eff289f4c345b027b2c28f95e826", 16));

  /**
   * Returns whether the curve point with this {@code y} has order dividing 8 (the cofactor): {@code
   * y} is one of the five coordinates of the eight small-order points. Precondition: {@code y} is
   * reduced mod p and belongs to a point on the curve (the sign of {@code x} does not change the
   * order).
   */
  static boolean hasSmallOrder(BigInteger y) {
    for (BigInteger small : SMALL_ORDER_Y) {
      if (small.equals(y)) {
        return true;
      }
    }
    return false;
  }
}
