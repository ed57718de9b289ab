package org.intertrust.crypto.identity;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/** An Ed25519 signature: 64 bytes, {@code R || S} (RFC 8032 section 5.1.6). Immutable. */
public final class IdentitySignature {

  /** Length of an encoded signature. */
  public static final int LENGTH = 64;

  private final byte[] bytes;

  private IdentitySignature(byte[] bytes) {
    this.bytes = bytes;
  }

  /**
   * Wraps a copy of a 64-byte signature. Only the length is checked here; whether the bytes are a
   * valid signature is decided by {@link IdentityPublicKey#verify}.
   *
   * @throws SignatureDecodingException if {@code bytes} is not 64 bytes long
   */
  public static IdentitySignature fromBytes(byte[] bytes) throws SignatureDecodingException {
    Objects.requireNonNull(bytes, "bytes");
    if (bytes.length != LENGTH) {
      throw new SignatureDecodingException(
          "Ed25519 signature must be " + LENGTH + " bytes, got " + bytes.length);
    }
    return new IdentitySignature(bytes.clone());
  }

  /** Wraps output of the JDK signer, which is always 64 bytes. */
  static IdentitySignature ofTrusted(byte[] bytes) {
    if (bytes.length != LENGTH) {
      throw new IllegalStateException("JDK produced a signature of " + bytes.length + " bytes");
    }
    return new IdentitySignature(bytes);
  }

  /** Returns a copy of the 64-byte encoding. */
  public byte[] toBytes() {
    return bytes.clone();
  }

  byte[] bytesUnsafe() {
    return bytes;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof IdentitySignature that && Arrays.equals(bytes, that.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  /** Returns a short hex prefix, enough to tell signatures apart in logs. */
  @Override
  public String toString() {
    return "IdentitySignature[" + HexFormat.of().formatHex(bytes, 0, 8) + "...]";
  }
}
