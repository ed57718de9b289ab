package org.intertrust.crypto.identity;

import java.math.BigInteger;
import java.security.spec.EdECPoint;

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

  /** The curve constant {@code d = -121665 / 121666 mod p}. */
  private static final BigInteger D =
      BigInteger.valueOf(-121665).multiply(BigInteger.valueOf(121666).modInverse(P)).mod(P);

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
   * Returns whether the curve point with this {@code y} has order dividing 8 (the cofactor), by
   * doubling it three times and comparing with the neutral element {@code (0, 1)}.
   *
   * <p>Doubling needs only {@code y}: on {@code -x^2 + y^2 = 1 + d x^2 y^2}, {@code x^2 = (y^2 - 1)
   * / (d y^2 + 1)} and the doubled point has {@code y' = (x^2 + y^2) / (2 + x^2 - y^2)}. The curve
   * is complete ({@code d} is not a square), so neither denominator is zero. Precondition: {@code
   * y} belongs to a point on the curve.
   */
  static boolean hasSmallOrder(BigInteger y) {
    BigInteger current = y;
    for (int i = 0; i < 3; i++) {
      current = doubleY(current);
    }
    return current.equals(BigInteger.ONE);
  }

  private static BigInteger doubleY(BigInteger y) {
    BigInteger ySquared = y.multiply(y).mod(P);
    BigInteger xSquared =
        ySquared
            .subtract(BigInteger.ONE)
            .multiply(D.multiply(ySquared).add(BigInteger.ONE).modInverse(P))
            .mod(P);
    BigInteger numerator = xSquared.add(ySquared);
    BigInteger denominator = BigInteger.TWO.add(xSquared).subtract(ySquared).mod(P);
    return numerator.multiply(denominator.modInverse(P)).mod(P);
  }
}
