package org.intertrust.crypto.encoding;

/**
 * Identifier of an autonomous system (one permissioned chain). Encoded on the wire as an unsigned
 * 16-bit big-endian integer.
 *
 * @param value the id, in {@code 0..65535}
 */
public record AsId(int value) implements Comparable<AsId> {

  /** Smallest valid id. */
  public static final int MIN_VALUE = 0;

  /** Largest valid id (an unsigned 16-bit value). */
  public static final int MAX_VALUE = 0xFFFF;

  /**
   * Validates the id.
   *
   * @throws InvalidAsIdException if {@code value} is outside {@code 0..65535}
   */
  public AsId {
    if (value < MIN_VALUE || value > MAX_VALUE) {
      throw new InvalidAsIdException(value);
    }
  }

  /** Returns the id, e.g. {@code AS-7}. */
  @Override
  public String toString() {
    return "AS-" + value;
  }

  @Override
  public int compareTo(AsId other) {
    return Integer.compare(value, other.value);
  }
}
