package org.intertrust.crypto.encoding;

/**
 * An autonomous-system id outside {@code 0..65535} was supplied. Unchecked: AS ids come from
 * configuration or from {@link CanonicalReader#asId()}, which can only produce valid ids, so an
 * out-of-range value is a programming or configuration error.
 */
public final class InvalidAsIdException extends IllegalArgumentException {

  private final int value;

  InvalidAsIdException(int value) {
    super("AS id must be in " + AsId.MIN_VALUE + ".." + AsId.MAX_VALUE + ", got " + value);
    this.value = value;
  }

  /** Returns the rejected value. */
  public int value() {
    return value;
  }
}
