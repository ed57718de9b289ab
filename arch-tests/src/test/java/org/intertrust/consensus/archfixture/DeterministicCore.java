package org.intertrust.consensus.archfixture;

import java.time.Instant;
import java.util.Random;
import java.util.function.LongSupplier;

/**
 * What a protocol core may do: seeded randomness and time from an injected source. The
 * protocol-core rules must accept it.
 */
public final class DeterministicCore {
  private final Random random;
  private final LongSupplier millisSource;

  /**
   * Creates a core with injected randomness and time.
   *
   * @param seed the seed of the core's random choices
   * @param millisSource the injected clock, in milliseconds
   */
  public DeterministicCore(long seed, LongSupplier millisSource) {
    this.random = new Random(seed);
    this.millisSource = millisSource;
  }

  /** Returns the injected time as an instant. */
  public Instant now() {
    return Instant.ofEpochMilli(millisSource.getAsLong());
  }

  /** Returns the next seeded random choice. */
  public int nextChoice(int bound) {
    return random.nextInt(bound);
  }
}
