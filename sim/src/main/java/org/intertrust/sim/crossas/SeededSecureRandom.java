package org.intertrust.sim.crossas;

import java.security.SecureRandom;
import java.util.SplittableRandom;

/**
 * A {@link SecureRandom} drawn from a seed, so that the simulator's keys and enclaves replay
 * exactly. Not secure at all: simulation only.
 */
final class SeededSecureRandom extends SecureRandom {
  private static final long serialVersionUID = 1L;

  @SuppressWarnings("serial")
  private final SplittableRandom random;

  SeededSecureRandom(long seed) {
    this.random = new SplittableRandom(seed);
  }

  @Override
  public synchronized void nextBytes(byte[] bytes) {
    random.nextBytes(bytes);
  }

  @Override
  public void setSeed(long seed) {
    // fixed at construction
  }
}
