package org.intertrust.crypto.identity;

import java.math.BigInteger;

/** Conversions between non-negative integers and fixed-length little-endian byte strings. */
final class LittleEndian {

  private LittleEndian() {}

  /** Interprets {@code bytes} as an unsigned little-endian integer. */
  static BigInteger toBigInteger(byte[] bytes) {
    byte[] bigEndian = new byte[bytes.length];
    for (int i = 0; i < bytes.length; i++) {
      bigEndian[i] = bytes[bytes.length - 1 - i];
    }
    return new BigInteger(1, bigEndian);
  }

  /**
   * Encodes {@code value} in exactly {@code length} little-endian bytes.
   *
   * @throws IllegalArgumentException if {@code value} is negative or does not fit
   */
  static byte[] toBytes(BigInteger value, int length) {
    if (value.signum() < 0 || value.bitLength() > 8 * length) {
      throw new IllegalArgumentException("value does not fit in " + length + " bytes");
    }
    byte[] bigEndian = value.toByteArray();
    byte[] result = new byte[length];
    for (int i = 0; i < length && i < bigEndian.length; i++) {
      result[i] = bigEndian[bigEndian.length - 1 - i];
    }
    return result;
  }
}
