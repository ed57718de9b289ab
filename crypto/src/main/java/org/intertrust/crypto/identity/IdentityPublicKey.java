package org.intertrust.crypto.identity;

import java.security.InvalidKeyException;
import java.security.KeyFactory;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.EdECPublicKey;
import java.security.spec.EdECPoint;
import java.security.spec.EdECPublicKeySpec;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.NamedParameterSpec;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import org.bouncycastle.math.ec.rfc8032.Ed25519;
import org.intertrust.crypto.encoding.SigningDomain;
import org.intertrust.crypto.identity.KeyDecodingException.Reason;
import org.intertrust.crypto.memo.ByteKeyedMemo;

/**
 * An Ed25519 public key identifying a node (replica, gateway, enclave or client). Encoded as the 32
 * raw bytes of RFC 8032 section 5.1.2. Immutable and thread-safe.
 *
 * <p>Decoding accepts exactly the canonical encodings of curve points outside the small-order
 * subgroup: a small-order key would let its owner produce signatures that verify for many messages,
 * defeating the accountability these signatures exist for.
 */
public final class IdentityPublicKey {

  /** Length of an encoded public key. */
  public static final int LENGTH = Ed25519Points.ENCODED_LENGTH;

  static final String ALGORITHM = "Ed25519";

  /**
   * Keys decoded before, by encoding: decoding is a pure function of the 32 bytes, and the same few
   * node keys arrive in every message, so each is checked (canonical, on the curve, not of small
   * order) once per process. Rejected encodings are not kept.
   */
  private static final ByteKeyedMemo<IdentityPublicKey> DECODED =
      new ByteKeyedMemo<>(4_096, 4_096L * LENGTH);

  private final byte[] encoded;
  private final PublicKey jdkKey;
  private volatile Ed25519.PublicPoint bcPoint; // derived from encoded on first use

  private IdentityPublicKey(byte[] encoded, PublicKey jdkKey) {
    this.encoded = encoded;
    this.jdkKey = jdkKey;
  }

  /**
   * Decodes a 32-byte RFC 8032 public key.
   *
   * @throws KeyDecodingException {@code WRONG_LENGTH}, {@code NOT_CANONICAL} ({@code y >= p}),
   *     {@code INVALID_POINT} (no such curve point, as judged by the JDK provider) or {@code
   *     SMALL_ORDER}
   */
  public static IdentityPublicKey fromBytes(byte[] bytes) throws KeyDecodingException {
    Objects.requireNonNull(bytes, "bytes");
    if (bytes.length != LENGTH) {
      throw new KeyDecodingException(
          Reason.WRONG_LENGTH,
          "Ed25519 public key must be " + LENGTH + " bytes, got " + bytes.length);
    }
    Optional<IdentityPublicKey> known = DECODED.get(bytes);
    if (known.isPresent()) {
      return known.get();
    }
    EdECPoint point = Ed25519Points.decode(bytes);
    PublicKey jdkKey = toJdkKey(point);
    if (Ed25519Points.hasSmallOrder(point.getY())) {
      throw new KeyDecodingException(Reason.SMALL_ORDER, "public key has small order");
    }
    IdentityPublicKey key = new IdentityPublicKey(bytes.clone(), jdkKey);
    DECODED.put(bytes, key);
    return key;
  }

  /** Wraps a key produced by the JDK's own generator. */
  static IdentityPublicKey fromJdk(EdECPublicKey key) {
    return new IdentityPublicKey(Ed25519Points.encode(key.getPoint()), key);
  }

  private static PublicKey toJdkKey(EdECPoint point) throws KeyDecodingException {
    try {
      PublicKey key =
          KeyFactory.getInstance(ALGORITHM)
              .generatePublic(new EdECPublicKeySpec(NamedParameterSpec.ED25519, point));
      // The provider decodes the point lazily; initVerify forces it and rejects non-points.
      Signature.getInstance(ALGORITHM).initVerify(key);
      return key;
    } catch (InvalidKeySpecException | InvalidKeyException e) {
      throw new KeyDecodingException(Reason.INVALID_POINT, "not an Ed25519 curve point", e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK must provide " + ALGORITHM, e);
    }
  }

  /** Returns a copy of the 32-byte encoding. */
  public byte[] toBytes() {
    return encoded.clone();
  }

  /**
   * Checks {@code signature} over {@code domain.tag() || message}, the input {@link
   * IdentityKeyPair#sign} signs, with Bouncy Castle's RFC 8032 verifier (ADR 0013; the key itself
   * was validated by the JDK provider and the small-order check). Never throws for a bad signature.
   *
   * @return true if and only if the signature is valid for this key, domain and message
   */
  public boolean verify(SigningDomain domain, byte[] message, IdentitySignature signature) {
    Objects.requireNonNull(domain, "domain");
    return verify(new byte[] {domain.tag()}, message, signature);
  }

  /** Verifies a plain RFC 8032 Ed25519 signature over {@code message}, without domain tag. */
  boolean verifyRaw(byte[] message, IdentitySignature signature) {
    return verify(new byte[0], message, signature);
  }

  private boolean verify(byte[] prefix, byte[] message, IdentitySignature signature) {
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(signature, "signature");
    byte[] input = Ed25519Codec.concat(prefix, message);
    return Ed25519.verify(signature.bytesUnsafe(), 0, point(), input, 0, input.length);
  }

  /** The decoded point for Bouncy Castle's verifier, made once (the key was validated). */
  private Ed25519.PublicPoint point() {
    Ed25519.PublicPoint point = bcPoint;
    if (point == null) {
      point = Ed25519.validatePublicKeyFullExport(encoded, 0);
      if (point == null) {
        throw new IllegalStateException("key was accepted at decoding time");
      }
      bcPoint = point;
    }
    return point;
  }

  /** The encoding itself, not a copy: for signing in this package, never to be modified. */
  byte[] encodedUnsafe() {
    return encoded;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof IdentityPublicKey that && Arrays.equals(encoded, that.encoded);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(encoded);
  }

  /** Returns the first 8 bytes in hex, e.g. {@code IdentityPublicKey[d75a980182b10ab7...]}. */
  @Override
  public String toString() {
    return "IdentityPublicKey[" + HexFormat.of().formatHex(encoded, 0, 8) + "...]";
  }
}
