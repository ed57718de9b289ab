package org.intertrust.crypto.identity;

import java.security.SecureRandom;
import java.util.SplittableRandom;

/** A seeded, reproducible {@link SecureRandom} for tests. Not secure: never use outside tests. */
public final class DeterministicRandom extends SecureRandom {

  private final SplittableRandom random;

  /** Creates a source whose output depends only on {@code seed}. */
  public DeterministicRandom(long seed) {
    this.random = new SplittableRandom(seed);
  }

  @Override
  public synchronized void nextBytes(byte[] bytes) {
    random.nextBytes(bytes);
  }

  @Override
  public void setSeed(long seed) {
    // Random's constructor calls this before fields are set; the seed is fixed at construction.
  }

  @Override
  public String toString() {
    return "DeterministicRandom";
  }
}
