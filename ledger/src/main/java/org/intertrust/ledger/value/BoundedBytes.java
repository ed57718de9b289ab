package org.intertrust.ledger.value;

import java.util.Arrays;
import java.util.Objects;
import org.intertrust.crypto.encoding.CanonicalWriter;
import org.intertrust.crypto.encoding.EncodingException;

/**
 * Opaque bytes of bounded length, immutable, compared by content. The base of the ledger's opaque
 * values (certificates, message payloads); each subclass fixes its bound and its name.
 */
public abstract class BoundedBytes {
  private final byte[] bytes;

  /** Takes ownership of {@code bytes} (callers pass a copy). */
  protected BoundedBytes(byte[] bytes) {
    this.bytes = bytes;
  }

  /**
   * Returns a copy of {@code bytes} if it is at most {@code maxLength} long.
   *
   * @throws IllegalArgumentException naming {@code what} if longer
   */
  protected static byte[] checkedCopy(byte[] bytes, int maxLength, String what) {
    Objects.requireNonNull(bytes, "bytes");
    if (bytes.length > maxLength) {
      throw new IllegalArgumentException(what + " longer than " + maxLength + " bytes");
    }
    return bytes.clone();
  }

  /** Writes the bytes length-prefixed. */
  public void write(CanonicalWriter writer) throws EncodingException {
    writer.bytes(bytes);
  }

  /** Returns a copy of the bytes. */
  public byte[] toBytes() {
    return bytes.clone();
  }

  /** Returns the length in bytes. */
  public int length() {
    return bytes.length;
  }

  @Override
  public final boolean equals(Object other) {
    return other != null
        && other.getClass() == getClass()
        && Arrays.equals(bytes, ((BoundedBytes) other).bytes);
  }

  @Override
  public final int hashCode() {
    return Arrays.hashCode(bytes);
  }

  @Override
  public String toString() {
    return getClass().getSimpleName() + "[" + bytes.length + " bytes]";
  }
}
