package org.intertrust.ledger.value;

import org.intertrust.crypto.encoding.CanonicalReader;
import org.intertrust.crypto.encoding.CanonicalWriter;
import org.intertrust.crypto.encoding.EncodingException;

/**
 * Height of a block in the chain; the genesis block has height 0.
 *
 * @param value the height, in {@code 0..Long.MAX_VALUE}
 */
public record Height(long value) implements Comparable<Height> {

  /** Height of the genesis block. */
  public static final Height GENESIS = new Height(0);

  /**
   * Validates the height.
   *
   * @throws IllegalArgumentException if {@code value} is negative
   */
  public Height {
    if (value < 0) {
      throw new IllegalArgumentException("height must be >= 0, got " + value);
    }
  }

  /** Returns a height of {@code value}. */
  public static Height of(long value) {
    return new Height(value);
  }

  /** Returns the next height. */
  public Height next() {
    return new Height(Math.addExact(value, 1));
  }

  /** Returns whether this is the genesis height. */
  public boolean isGenesis() {
    return value == 0;
  }

  /** Reads a {@code u64} and rejects values above {@link Long#MAX_VALUE}. */
  public static Height read(CanonicalReader reader) throws EncodingException {
    long raw = reader.u64();
    if (raw < 0) {
      throw new EncodingException(EncodingException.Reason.INVALID_VALUE, "height exceeds 2^63-1");
    }
    return new Height(raw);
  }

  /** Writes the height as a {@code u64}. */
  public void write(CanonicalWriter writer) throws EncodingException {
    writer.u64(value);
  }

  @Override
  public int compareTo(Height other) {
    return Long.compare(value, other.value);
  }

  @Override
  public String toString() {
    return Long.toString(value);
  }
}
