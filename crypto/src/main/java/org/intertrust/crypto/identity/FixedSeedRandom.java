package org.intertrust.crypto.identity;

import java.security.SecureRandom;
import java.util.Arrays;

/**
 * A one-shot "random" source that hands out a given seed exactly once.
 *
 * <p>The JDK offers no public way to derive an Ed25519 public key from a given private key; its key
 * pair generator draws the 32-byte private key with a single {@code nextBytes} call and derives the
 * public key from it. Feeding it this source turns the generator into that derivation. Any other
 * use (a second call, another length) fails loudly, and {@link IdentityKeyPair} checks afterwards
 * that the generated private key equals the seed.
 */
final class FixedSeedRandom extends SecureRandom {

  private final byte[] seed;
  private boolean used;

  FixedSeedRandom(byte[] seed) {
    this.seed = seed.clone();
  }

  @Override
  public synchronized void nextBytes(byte[] bytes) {
    if (used || bytes.length != seed.length) {
      throw new IllegalStateException(
          "seed source used unexpectedly: request of " + bytes.length + " bytes");
    }
    System.arraycopy(seed, 0, bytes, 0, seed.length);
    Arrays.fill(seed, (byte) 0);
    used = true;
  }

  /** Zeroes the seed if the generator never asked for it. */
  synchronized void wipe() {
    Arrays.fill(seed, (byte) 0);
    used = true;
  }

  @Override
  public String toString() {
    return "FixedSeedRandom";
  }
}
