package org.intertrust.ledger.value;

import org.intertrust.crypto.encoding.CanonicalReader;
import org.intertrust.crypto.encoding.CanonicalWriter;
import org.intertrust.crypto.encoding.EncodingException;

/**
 * A non-negative quantity of one asset, in {@code 0..Long.MAX_VALUE} smallest units. Encoded as a
 * {@code u64} whose top bit must be clear. Arithmetic is checked: it never wraps.
 *
 * @param value the quantity, never negative
 */
public record Amount(long value) implements Comparable<Amount> {

  /** Zero units. */
  public static final Amount ZERO = new Amount(0);

  /**
   * Validates the amount.
   *
   * @throws IllegalArgumentException if {@code value} is negative
   */
  public Amount {
    if (value < 0) {
      throw new IllegalArgumentException("amount must be >= 0, got " + value);
    }
  }

  /** Returns an amount of {@code value} units. */
  public static Amount of(long value) {
    return new Amount(value);
  }

  /** Returns {@code this + other}, or throws {@link AmountArithmeticException} on overflow. */
  public Amount plus(Amount other) throws AmountArithmeticException {
    long sum = value + other.value;
    if (sum < 0) {
      throw new AmountArithmeticException(
          AmountArithmeticException.Kind.OVERFLOW, value + " + " + other.value);
    }
    return new Amount(sum);
  }

  /** Returns {@code this - other}, or throws {@link AmountArithmeticException} if negative. */
  public Amount minus(Amount other) throws AmountArithmeticException {
    if (other.value > value) {
      throw new AmountArithmeticException(
          AmountArithmeticException.Kind.UNDERFLOW, value + " - " + other.value);
    }
    return new Amount(value - other.value);
  }

  /** Returns whether the amount is zero. */
  public boolean isZero() {
    return value == 0;
  }

  /** Reads a {@code u64} and rejects values above {@link Long#MAX_VALUE}. */
  public static Amount read(CanonicalReader reader) throws EncodingException {
    long raw = reader.u64();
    if (raw < 0) {
      throw new EncodingException(
          EncodingException.Reason.INVALID_VALUE,
          "amount exceeds 2^63-1: " + Long.toUnsignedString(raw));
    }
    return new Amount(raw);
  }

  /** Writes the amount as a {@code u64}. */
  public void write(CanonicalWriter writer) throws EncodingException {
    writer.u64(value);
  }

  @Override
  public int compareTo(Amount other) {
    return Long.compare(value, other.value);
  }

  @Override
  public String toString() {
    return Long.toString(value);
  }
}
