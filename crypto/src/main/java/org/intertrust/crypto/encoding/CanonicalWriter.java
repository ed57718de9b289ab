package org.intertrust.crypto.encoding;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;
import org.intertrust.crypto.encoding.EncodingException.Reason;

/**
 * Append-only builder of canonical encodings. All integers are big-endian and unsigned; variable
 * length fields carry a {@code u32} length prefix. The layout produced by a sequence of calls is
 * exactly the layout {@link CanonicalReader} reads back with the same sequence of calls; there is
 * no other way to encode a value, so equal inputs give equal bytes.
 *
 * <p>A writer never grows beyond the maximum size given at construction; an append that would
 * exceed it throws {@link EncodingException} with reason {@link Reason#CAPACITY_EXCEEDED} and
 * leaves the writer unchanged. Not thread-safe.
 */
public final class CanonicalWriter {

  /** Default maximum size of an encoding: 1 MiB. */
  public static final int DEFAULT_MAX_SIZE = 1 << 20;

  private static final int INITIAL_CAPACITY = 64;

  private final int maxSize;
  private byte[] buffer;
  private int size;

  /** Creates a writer bounded to {@link #DEFAULT_MAX_SIZE} bytes. */
  public CanonicalWriter() {
    this(DEFAULT_MAX_SIZE);
  }

  /**
   * Creates a writer bounded to {@code maxSize} bytes.
   *
   * @throws IllegalArgumentException if {@code maxSize} is negative
   */
  public CanonicalWriter(int maxSize) {
    if (maxSize < 0) {
      throw new IllegalArgumentException("maxSize must be >= 0, got " + maxSize);
    }
    this.maxSize = maxSize;
    this.buffer = new byte[Math.min(INITIAL_CAPACITY, maxSize)];
  }

  /** Appends an unsigned byte; {@code value} must be in {@code 0..255}. */
  public CanonicalWriter u8(int value) throws EncodingException {
    checkRange(value, 0xFF, "u8");
    ensureRoom(1);
    buffer[size++] = (byte) value;
    return this;
  }

  /** Appends an unsigned 16-bit integer; {@code value} must be in {@code 0..65535}. */
  public CanonicalWriter u16(int value) throws EncodingException {
    checkRange(value, 0xFFFF, "u16");
    return appendBigEndian(value, 2);
  }

  /** Appends an unsigned 32-bit integer; {@code value} must be in {@code 0..2^32-1}. */
  public CanonicalWriter u32(long value) throws EncodingException {
    checkRange(value, 0xFFFF_FFFFL, "u32");
    return appendBigEndian(value, 4);
  }

  /**
   * Appends a 64-bit integer. The bits of {@code value} are written as they are, so the full
   * unsigned range is available: {@code -1L} encodes {@code 2^64-1}.
   */
  public CanonicalWriter u64(long value) throws EncodingException {
    return appendBigEndian(value, 8);
  }

  /** Appends a boolean as one byte, {@code 0x01} for true and {@code 0x00} for false. */
  public CanonicalWriter bool(boolean value) throws EncodingException {
    return u8(value ? 1 : 0);
  }

  /**
   * Appends {@code value} without a length prefix; the reader must know the length.
   *
   * @throws EncodingException with {@link Reason#INVALID_VALUE} if {@code value.length} differs
   *     from {@code expectedLength}
   */
  public CanonicalWriter fixedBytes(byte[] value, int expectedLength) throws EncodingException {
    Objects.requireNonNull(value, "value");
    if (value.length != expectedLength) {
      throw new EncodingException(
          Reason.INVALID_VALUE, "expected " + expectedLength + " bytes, got " + value.length);
    }
    return appendRaw(value);
  }

  /** Appends {@code value} prefixed with its length as a {@code u32}. */
  public CanonicalWriter bytes(byte[] value) throws EncodingException {
    Objects.requireNonNull(value, "value");
    ensureRoom(4L + value.length);
    u32(value.length);
    return appendRaw(value);
  }

  /**
   * Appends {@code value} as UTF-8 prefixed with its byte length as a {@code u32}.
   *
   * @throws EncodingException with {@link Reason#INVALID_VALUE} if {@code value} is not valid
   *     UTF-16 (an unpaired surrogate), since it would have no canonical UTF-8 form
   */
  public CanonicalWriter string(String value) throws EncodingException {
    Objects.requireNonNull(value, "value");
    return bytes(encodeUtf8(value));
  }

  /** Appends an AS id as a {@code u16}. */
  public CanonicalWriter asId(AsId value) throws EncodingException {
    Objects.requireNonNull(value, "value");
    return u16(value.value());
  }

  /** Returns a copy of the bytes written so far. */
  public byte[] toByteArray() {
    return Arrays.copyOf(buffer, size);
  }

  /** Returns the number of bytes written so far. */
  public int size() {
    return size;
  }

  private CanonicalWriter appendBigEndian(long value, int width) throws EncodingException {
    ensureRoom(width);
    for (int shift = 8 * (width - 1); shift >= 0; shift -= 8) {
      buffer[size++] = (byte) (value >>> shift);
    }
    return this;
  }

  private CanonicalWriter appendRaw(byte[] value) throws EncodingException {
    ensureRoom(value.length);
    System.arraycopy(value, 0, buffer, size, value.length);
    size += value.length;
    return this;
  }

  private void ensureRoom(long additional) throws EncodingException {
    long needed = size + additional;
    if (needed > maxSize) {
      throw new EncodingException(
          Reason.CAPACITY_EXCEEDED,
          "encoding would grow to " + needed + " bytes, limit is " + maxSize);
    }
    if (needed > buffer.length) {
      long doubled = Math.max(needed, 2L * buffer.length);
      buffer = Arrays.copyOf(buffer, (int) Math.min(doubled, maxSize));
    }
  }

  private static void checkRange(long value, long max, String type) throws EncodingException {
    if (value < 0 || value > max) {
      throw new EncodingException(Reason.INVALID_VALUE, type + " out of range: " + value);
    }
  }

  private static byte[] encodeUtf8(String value) throws EncodingException {
    try {
      ByteBuffer encoded =
          StandardCharsets.UTF_8
              .newEncoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .encode(CharBuffer.wrap(value));
      byte[] result = new byte[encoded.remaining()];
      encoded.get(result);
      return result;
    } catch (CharacterCodingException e) {
      throw new EncodingException(Reason.INVALID_VALUE, "string is not valid UTF-16: " + e);
    }
  }
}
