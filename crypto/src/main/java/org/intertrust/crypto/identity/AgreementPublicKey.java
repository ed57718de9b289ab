package org.intertrust.crypto.identity;

import java.math.BigInteger;
import java.security.KeyFactory;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.NamedParameterSpec;
import java.security.spec.XECPublicKeySpec;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;
import org.intertrust.crypto.identity.KeyDecodingException.Reason;

/**
 * An X25519 public key: the Montgomery u-coordinate as 32 little-endian bytes (RFC 7748 section 5).
 * Immutable and thread-safe.
 *
 * <p>Decoding is stricter than RFC 7748's receiving rule (which masks the top bit and reduces
 * modulo p): it accepts only the canonical encoding, top bit clear and {@code u < p}, so that each
 * key has exactly one encoding and {@link #equals} on keys agrees with equality of bytes. Low-order
 * points decode, but {@link AgreementKeyPair#agree} refuses them.
 */
public final class AgreementPublicKey {

  /** Length of an encoded public key. */
  public static final int LENGTH = 32;

  static final String ALGORITHM = "X25519";

  private static final BigInteger P = Ed25519Points.P;

  private final byte[] encoded;
  private final PublicKey jdkKey;

  private AgreementPublicKey(byte[] encoded, PublicKey jdkKey) {
    this.encoded = encoded;
    this.jdkKey = jdkKey;
  }

  /**
   * Decodes a canonical 32-byte u-coordinate.
   *
   * @throws KeyDecodingException {@code WRONG_LENGTH}, or {@code NOT_CANONICAL} if the top bit is
   *     set or {@code u >= p}
   */
  public static AgreementPublicKey fromBytes(byte[] bytes) throws KeyDecodingException {
    Objects.requireNonNull(bytes, "bytes");
    if (bytes.length != LENGTH) {
      throw new KeyDecodingException(
          Reason.WRONG_LENGTH,
          "X25519 public key must be " + LENGTH + " bytes, got " + bytes.length);
    }
    if ((bytes[LENGTH - 1] & 0x80) != 0) {
      throw new KeyDecodingException(Reason.NOT_CANONICAL, "top bit of u must be clear");
    }
    BigInteger u = LittleEndian.toBigInteger(bytes);
    if (u.compareTo(P) >= 0) {
      throw new KeyDecodingException(Reason.NOT_CANONICAL, "u is not reduced mod p");
    }
    return new AgreementPublicKey(bytes.clone(), toJdkKey(u));
  }

  static PublicKey toJdkKey(BigInteger u) throws KeyDecodingException {
    try {
      return KeyFactory.getInstance(ALGORITHM)
          .generatePublic(new XECPublicKeySpec(NamedParameterSpec.X25519, u));
    } catch (InvalidKeySpecException e) {
      throw new KeyDecodingException(Reason.INVALID_POINT, "JDK rejected X25519 key", e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK must provide " + ALGORITHM, e);
    }
  }

  PublicKey jdkKey() {
    return jdkKey;
  }

  /** Returns a copy of the 32-byte encoding. */
  public byte[] toBytes() {
    return encoded.clone();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof AgreementPublicKey that && Arrays.equals(encoded, that.encoded);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(encoded);
  }

  /** Returns the first 8 bytes in hex. */
  @Override
  public String toString() {
    return "AgreementPublicKey[" + HexFormat.of().formatHex(encoded, 0, 8) + "...]";
  }
}
