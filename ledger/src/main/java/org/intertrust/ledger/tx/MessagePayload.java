package org.intertrust.ledger.tx;

import org.intertrust.crypto.encoding.CanonicalReader;
import org.intertrust.crypto.encoding.EncodingException;
import org.intertrust.ledger.value.BoundedBytes;
import org.intertrust.ledger.value.Hash32;
import org.intertrust.ledger.value.Sha256;

/**
 * Application data carried by a cross-AS MESSAGE: opaque bytes, at most {@link #MAX_LENGTH}. The
 * message's terms commit to its {@link #hash()} (ADR 0008).
 */
public final class MessagePayload extends BoundedBytes {

  /** Largest payload: 16 KiB (a delivery with its certificate stays far below 128 KiB). */
  public static final int MAX_LENGTH = 16 * 1024;

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

  /** SHA-256 of the bytes, as {@link MessageTerms#payloadHash()} states it. */
  public Hash32 hash() {
    return Sha256.hash(toBytes());
  }

  static MessagePayload read(CanonicalReader reader) throws EncodingException {
    return new MessagePayload(reader.bytes(MAX_LENGTH));
  }
}
