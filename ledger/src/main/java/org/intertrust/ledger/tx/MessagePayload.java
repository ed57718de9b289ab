package org.intertrust.ledger.tx;

import org.intertrust.crypto.encoding.CanonicalReader;
import org.intertrust.crypto.encoding.EncodingException;
import org.intertrust.ledger.value.BoundedBytes;

/** Application data carried by a cross-AS MESSAGE: opaque bytes, at most {@link #MAX_LENGTH}. */
public final class MessagePayload extends BoundedBytes {

  /** Largest payload: 64 KiB. */
  public static final int MAX_LENGTH = 64 * 1024;

  private MessagePayload(byte[] bytes) {
    super(bytes);
  }

  /**
   * Wraps a copy of {@code bytes}.
   *
   * @throws IllegalArgumentException if longer than {@link #MAX_LENGTH}
   */
  public static MessagePayload of(byte[] bytes) {
    return new MessagePayload(checkedCopy(bytes, MAX_LENGTH, "payload"));
  }

  static MessagePayload read(CanonicalReader reader) throws EncodingException {
    return new MessagePayload(reader.bytes(MAX_LENGTH));
  }
}
