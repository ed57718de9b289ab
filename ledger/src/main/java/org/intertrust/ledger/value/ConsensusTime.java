package org.intertrust.ledger.value;

import org.intertrust.crypto.encoding.CanonicalReader;
import org.intertrust.crypto.encoding.CanonicalWriter;
import org.intertrust.crypto.encoding.EncodingException;

/**
 * Time agreed by an AS's consensus, in milliseconds since an epoch the AS fixes at genesis. It is
 * carried in every block, never read from a clock by the ledger, and is monotonic along the chain.
 * Cross-AS deadlines are expressed in the destination AS's consensus time (DESIGN.md section 4).
 *
 * @param millis milliseconds, in {@code 0..Long.MAX_VALUE}
 */
public record ConsensusTime(long millis) implements Comparable<ConsensusTime> {

  /** The epoch itself. */
  public static final ConsensusTime EPOCH = new ConsensusTime(0);

  /**
   * Validates the time.
   *
   * @throws IllegalArgumentException if {@code millis} is negative
   */
  public ConsensusTime {
    if (millis < 0) {
      throw new IllegalArgumentException("consensus time must be >= 0, got " + millis);
    }
  }

  /** Returns the time {@code millis} after the epoch. */
  public static ConsensusTime ofMillis(long millis) {
    return new ConsensusTime(millis);
  }

  /** Returns whether this time is strictly after {@code other}. */
  public boolean isAfter(ConsensusTime other) {
    return millis > other.millis;
  }

  /** Reads a {@code u64} and rejects values above {@link Long#MAX_VALUE}. */
  public static ConsensusTime read(CanonicalReader reader) throws EncodingException {
    long raw = reader.u64();
    if (raw < 0) {
      throw new EncodingException(EncodingException.Reason.INVALID_VALUE, "time exceeds 2^63-1");
    }
    return new ConsensusTime(raw);
  }

  /** Writes the time as a {@code u64}. */
  public void write(CanonicalWriter writer) throws EncodingException {
    writer.u64(millis);
  }

  @Override
  public int compareTo(ConsensusTime other) {
    return Long.compare(millis, other.millis);
  }

  @Override
  public String toString() {
    return millis + "ms";
  }
}
