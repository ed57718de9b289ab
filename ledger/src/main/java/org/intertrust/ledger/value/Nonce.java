package org.intertrust.ledger.value;

import java.util.Optional;
import org.intertrust.crypto.encoding.CanonicalReader;
import org.intertrust.crypto.encoding.CanonicalWriter;
import org.intertrust.crypto.encoding.EncodingException;

/**
 * Per-account sequence number of client-signed transactions. An account's first transaction carries
 * nonce 0; each applied one advances the account's expected nonce by one, so a signed transaction
 * can take effect at most once.
 *
 * @param value the sequence number, in {@code 0..Long.MAX_VALUE}
 */
public record Nonce(long value) implements Comparable<Nonce> {

  /** The nonce of an account that has sent nothing yet. */
  public static final Nonce ZERO = new Nonce(0);

  /**
   * Validates the nonce.
   *
   * @throws IllegalArgumentException if {@code value} is negative
   */
  public Nonce {
    if (value < 0) {
      throw new IllegalArgumentException("nonce must be >= 0, got " + value);
    }
  }

  /** Returns the next nonce; empty at {@link Long#MAX_VALUE}, where the account is exhausted. */
  public Optional<Nonce> next() {
    return value == Long.MAX_VALUE ? Optional.empty() : Optional.of(new Nonce(value + 1));
  }

  /** Reads a {@code u64} and rejects values above {@link Long#MAX_VALUE}. */
  public static Nonce read(CanonicalReader reader) throws EncodingException {
    long raw = reader.u64();
    if (raw < 0) {
      throw new EncodingException(EncodingException.Reason.INVALID_VALUE, "nonce exceeds 2^63-1");
    }
    return new Nonce(raw);
  }

  /** Writes the nonce as a {@code u64}. */
  public void write(CanonicalWriter writer) throws EncodingException {
    writer.u64(value);
  }

  @Override
  public int compareTo(Nonce other) {
    return Long.compare(value, other.value);
  }
}
