package org.intertrust.ledger.value;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;
import org.intertrust.crypto.encoding.CanonicalReader;
import org.intertrust.crypto.encoding.CanonicalWriter;
import org.intertrust.crypto.encoding.EncodingException;

/** A 32-byte digest (SHA-256 output). Immutable; ordered by unsigned lexicographic bytes. */
public final class Hash32 implements Comparable<Hash32> {

  /** Length in bytes. */
  public static final int LENGTH = 32;

  /** The all-zero hash, used as the parent of the genesis block. */
  public static final Hash32 ZERO = new Hash32(new byte[LENGTH]);

  private final byte[] bytes;

  private Hash32(byte[] bytes) {
    this.bytes = bytes;
  }

  /**
   * Wraps a copy of {@code bytes}.
   *
   * @throws IllegalArgumentException if {@code bytes} is not 32 bytes long
   */
  public static Hash32 of(byte[] bytes) {
    Objects.requireNonNull(bytes, "bytes");
    if (bytes.length != LENGTH) {
      throw new IllegalArgumentException("a hash is " + LENGTH + " bytes, got " + bytes.length);
    }
    return new Hash32(bytes.clone());
  }

  /** Parses 64 hex digits. */
  public static Hash32 fromHex(String hex) {
    return of(HexFormat.of().parseHex(hex));
  }

  /** Reads 32 raw bytes. */
  public static Hash32 read(CanonicalReader reader) throws EncodingException {
    return new Hash32(reader.fixedBytes(LENGTH));
  }

  /** Writes the 32 raw bytes. */
  public void write(CanonicalWriter writer) throws EncodingException {
    writer.fixedBytes(bytes, LENGTH);
  }

  /** Returns a copy of the bytes. */
  public byte[] toBytes() {
    return bytes.clone();
  }

  /** Returns the 64 lower-case hex digits. */
  public String toHex() {
    return HexFormat.of().formatHex(bytes);
  }

  @Override
  public int compareTo(Hash32 other) {
    return Arrays.compareUnsigned(bytes, other.bytes);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Hash32 that && Arrays.equals(bytes, that.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  /** Returns the first 8 bytes in hex. */
  @Override
  public String toString() {
    return HexFormat.of().formatHex(bytes, 0, 8) + "..";
  }
}
