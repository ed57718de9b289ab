package org.intertrust.crypto.box;

import java.util.Arrays;
import java.util.Objects;
import org.intertrust.crypto.encoding.CanonicalReader;
import org.intertrust.crypto.encoding.CanonicalWriter;
import org.intertrust.crypto.encoding.EncodingException;
import org.intertrust.crypto.encoding.EncodingException.Reason;

/**
 * One dealt share encrypted to its holder by {@link ShareCipher#seal}. Immutable: the arrays are
 * copied in and out. Encoding ({@link #writeTo}): {@code u32 shareIndex || nonce (12 bytes) || u32
 * length || ciphertext}, where the ciphertext includes the 16-byte GCM tag.
 *
 * @param shareIndex index of the share in the dealing, non-negative
 * @param nonce the 12-byte AES-GCM nonce
 * @param ciphertext AES-GCM output with its tag, {@code 16..1024} bytes
 */
public record EncryptedShare(int shareIndex, byte[] nonce, byte[] ciphertext) {

  /** Length of the AES-GCM nonce. */
  public static final int NONCE_LENGTH = 12;

  /** Length of the AES-GCM authentication tag appended to the ciphertext. */
  public static final int TAG_LENGTH = 16;

  /** Upper bound on the ciphertext, tag included. */
  public static final int MAX_CIPHERTEXT_LENGTH = 1024;

  /** Upper bound on the plaintext that {@link ShareCipher#seal} accepts. */
  public static final int MAX_PLAINTEXT_LENGTH = MAX_CIPHERTEXT_LENGTH - TAG_LENGTH;

  /**
   * Validates and copies the fields.
   *
   * @throws IllegalArgumentException if the index is negative, the nonce is not 12 bytes or the
   *     ciphertext is outside {@code 16..1024} bytes
   */
  public EncryptedShare {
    Objects.requireNonNull(nonce, "nonce");
    Objects.requireNonNull(ciphertext, "ciphertext");
    if (shareIndex < 0) {
      throw new IllegalArgumentException("shareIndex must be >= 0, got " + shareIndex);
    }
    if (nonce.length != NONCE_LENGTH) {
      throw new IllegalArgumentException("nonce must be " + NONCE_LENGTH + " bytes");
    }
    if (ciphertext.length < TAG_LENGTH || ciphertext.length > MAX_CIPHERTEXT_LENGTH) {
      throw new IllegalArgumentException(
          "ciphertext must be " + TAG_LENGTH + ".." + MAX_CIPHERTEXT_LENGTH + " bytes");
    }
    nonce = nonce.clone();
    ciphertext = ciphertext.clone();
  }

  /** Returns a copy of the nonce. */
  @Override
  public byte[] nonce() {
    return nonce.clone();
  }

  /** Returns a copy of the ciphertext (tag included). */
  @Override
  public byte[] ciphertext() {
    return ciphertext.clone();
  }

  /** Appends the canonical encoding to {@code w}. */
  public void writeTo(CanonicalWriter w) throws EncodingException {
    w.u32(shareIndex).fixedBytes(nonce, NONCE_LENGTH).bytes(ciphertext);
  }

  /**
   * Reads an encoding written by {@link #writeTo}.
   *
   * @throws EncodingException {@code TRUNCATED}; {@code LENGTH_TOO_LARGE} for a ciphertext over 1
   *     KiB; {@code INVALID_VALUE} for an index above {@code 2^31-1} or a ciphertext shorter than
   *     the tag
   */
  public static EncryptedShare readFrom(CanonicalReader r) throws EncodingException {
    long index = r.u32();
    if (index > Integer.MAX_VALUE) {
      throw new EncodingException(Reason.INVALID_VALUE, "share index too large: " + index);
    }
    byte[] nonce = r.fixedBytes(NONCE_LENGTH);
    byte[] ciphertext = r.bytes(MAX_CIPHERTEXT_LENGTH);
    if (ciphertext.length < TAG_LENGTH) {
      throw new EncodingException(
          Reason.INVALID_VALUE, "ciphertext shorter than the GCM tag: " + ciphertext.length);
    }
    return new EncryptedShare((int) index, nonce, ciphertext);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof EncryptedShare that
        && shareIndex == that.shareIndex
        && Arrays.equals(nonce, that.nonce)
        && Arrays.equals(ciphertext, that.ciphertext);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * shareIndex + Arrays.hashCode(nonce)) + Arrays.hashCode(ciphertext);
  }

  /** Describes the share without its contents. */
  @Override
  public String toString() {
    return "EncryptedShare[shareIndex="
        + shareIndex
        + ", ciphertextLength="
        + ciphertext.length
        + "]";
  }
}
