package org.intertrust.crypto.encoding;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;
import org.intertrust.crypto.encoding.EncodingException.Reason;

/**
 * Strict reader of encodings produced by {@link CanonicalWriter}. Every read checks the remaining
 * input first; every length prefix is checked against both a field bound and the remaining input
 * before anything is allocated, so untrusted input cannot drive allocation. Any input that a writer
 * could not have produced is rejected: booleans other than 0 or 1, malformed UTF-8, and, through
 * {@link #expectEnd()}, trailing bytes.
 *
 * <p>A failed read throws {@link EncodingException} and leaves the position where it was. Not
 * thread-safe.
 */
public final class CanonicalReader {

  /** Default bound on any single length-prefixed field: 1 MiB. */
  public static final int DEFAULT_MAX_FIELD_LENGTH = 1 << 20;

  private final byte[] input;
  private final int maxFieldLength;
  private int position;

  /** Creates a reader over a copy of {@code input}, bounding fields to 1 MiB. */
  public CanonicalReader(byte[] input) {
    this(input, DEFAULT_MAX_FIELD_LENGTH);
  }

  /**
   * Creates a reader over a copy of {@code input}.
   *
   * @param maxFieldLength upper bound on the declared length of any {@link #bytes()} or {@link
   *     #string()} field read without an explicit bound
   * @throws IllegalArgumentException if {@code maxFieldLength} is negative
   */
  public CanonicalReader(byte[] input, int maxFieldLength) {
    Objects.requireNonNull(input, "input");
    if (maxFieldLength < 0) {
      throw new IllegalArgumentException("maxFieldLength must be >= 0, got " + maxFieldLength);
    }
    this.input = input.clone();
    this.maxFieldLength = maxFieldLength;
  }

  /** Reads an unsigned byte. */
  public int u8() throws EncodingException {
    return (int) readBigEndian(1);
  }

  /** Reads an unsigned 16-bit integer. */
  public int u16() throws EncodingException {
    return (int) readBigEndian(2);
  }

  /** Reads an unsigned 32-bit integer, returned in {@code 0..2^32-1}. */
  public long u32() throws EncodingException {
    return readBigEndian(4);
  }

  /**
   * Reads a 64-bit integer. The result holds the encoded bits; interpret it as unsigned (for
   * example with {@link Long#compareUnsigned}).
   */
  public long u64() throws EncodingException {
    return readBigEndian(8);
  }

  /** Reads a boolean; any byte other than {@code 0x00} or {@code 0x01} is rejected. */
  public boolean bool() throws EncodingException {
    requireRemaining(1);
    int value = Byte.toUnsignedInt(input[position]);
    if (value > 1) {
      throw new EncodingException(Reason.INVALID_VALUE, "boolean byte must be 0 or 1: " + value);
    }
    position++;
    return value == 1;
  }

  /** Reads exactly {@code length} bytes without a length prefix. */
  public byte[] fixedBytes(int length) throws EncodingException {
    if (length < 0) {
      throw new IllegalArgumentException("length must be >= 0, got " + length);
    }
    requireRemaining(length);
    byte[] result = Arrays.copyOfRange(input, position, position + length);
    position += length;
    return result;
  }

  /** Reads a {@code u32}-length-prefixed byte string bounded by the reader's field bound. */
  public byte[] bytes() throws EncodingException {
    return bytes(maxFieldLength);
  }

  /**
   * Reads a {@code u32}-length-prefixed byte string of at most {@code maxLength} bytes.
   *
   * @throws EncodingException {@link Reason#LENGTH_TOO_LARGE} if the declared length exceeds {@code
   *     maxLength}; {@link Reason#TRUNCATED} if it exceeds the remaining input
   */
  public byte[] bytes(int maxLength) throws EncodingException {
    int start = position;
    int length = readLength(maxLength);
    try {
      return fixedBytes(length);
    } catch (EncodingException e) {
      position = start;
      throw e;
    }
  }

  /** Reads a length-prefixed UTF-8 string bounded by the reader's field bound. */
  public String string() throws EncodingException {
    return string(maxFieldLength);
  }

  /**
   * Reads a {@code u32}-length-prefixed UTF-8 string of at most {@code maxBytes} encoded bytes.
   * Malformed UTF-8 (including overlong forms and encoded surrogates) is rejected with {@link
   * Reason#INVALID_VALUE}.
   */
  public String string(int maxBytes) throws EncodingException {
    int start = position;
    byte[] encoded = bytes(maxBytes);
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(encoded))
          .toString();
    } catch (CharacterCodingException e) {
      position = start;
      throw new EncodingException(Reason.INVALID_VALUE, "string is not valid UTF-8");
    }
  }

  /** Reads an AS id encoded as a {@code u16}. */
  public AsId asId() throws EncodingException {
    return new AsId(u16());
  }

  /** Returns the number of unread bytes. */
  public int remaining() {
    return input.length - position;
  }

  /** Returns the number of bytes read so far. */
  public int position() {
    return position;
  }

  /**
   * Checks that the whole input was consumed.
   *
   * @throws EncodingException with {@link Reason#TRAILING_BYTES} if bytes remain
   */
  public void expectEnd() throws EncodingException {
    if (remaining() != 0) {
      throw new EncodingException(
          Reason.TRAILING_BYTES, remaining() + " unexpected bytes after the last field");
    }
  }

  private int readLength(int maxLength) throws EncodingException {
    if (maxLength < 0) {
      throw new IllegalArgumentException("maxLength must be >= 0, got " + maxLength);
    }
    int start = position;
    long declared = u32();
    if (declared > maxLength) {
      position = start;
      throw new EncodingException(
          Reason.LENGTH_TOO_LARGE, "declared length " + declared + " exceeds bound " + maxLength);
    }
    return (int) declared;
  }

  private long readBigEndian(int width) throws EncodingException {
    requireRemaining(width);
    long value = 0;
    for (int i = 0; i < width; i++) {
      value = (value << 8) | Byte.toUnsignedLong(input[position + i]);
    }
    position += width;
    return value;
  }

  private void requireRemaining(int needed) throws EncodingException {
    if (needed > remaining()) {
      throw new EncodingException(
          Reason.TRUNCATED, "need " + needed + " bytes, " + remaining() + " remain");
    }
  }
}
