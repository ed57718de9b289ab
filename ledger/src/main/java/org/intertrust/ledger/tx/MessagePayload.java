package org.intertrust.ledger.tx;

import java.util.Arrays;
import java.util.Objects;
import org.intertrust.crypto.encoding.CanonicalReader;
import org.intertrust.crypto.encoding.CanonicalWriter;
import org.intertrust.crypto.encoding.EncodingException;

/** Application data carried by a cross-AS MESSAGE: opaque bytes, at most {@link #MAX_LENGTH}. */
public final class MessagePayload {

  /** Largest payload: 64 KiB. */
  public static final int MAX_LENGTH = 64 * 1024;

  private final byte[] bytes;

  private MessagePayload(byte[] bytes) {
    this.bytes = bytes;
  }

  /**
   * Wraps a copy of {@code bytes}.
   *
   * @throws IllegalArgumentException if longer than {@link #MAX_LENGTH}
   */
  public static MessagePayload of(byte[] bytes) {
    Objects.requireNonNull(bytes, "bytes");
    if (bytes.length > MAX_LENGTH) {
      throw new IllegalArgumentException("payload longer than " + MAX_LENGTH + " bytes");
    }
    return new MessagePayload(bytes.clone());
  }

  static MessagePayload read(CanonicalReader reader) throws EncodingException {
    return new MessagePayload(reader.bytes(MAX_LENGTH));
  }

  void write(CanonicalWriter writer) throws EncodingException {
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
  public boolean equals(Object other) {
    return other instanceof MessagePayload that && Arrays.equals(bytes, that.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  @Override
  public String toString() {
    return "MessagePayload[" + bytes.length + " bytes]";
  }
}
