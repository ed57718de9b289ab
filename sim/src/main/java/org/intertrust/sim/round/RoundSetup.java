package org.intertrust.sim.round;

import java.util.Random;
import org.intertrust.crypto.bls.ThresholdDealer;
import org.intertrust.crypto.bls.ThresholdDealer.DealtKey;
import org.intertrust.crypto.encoding.SigningDomain;
import org.intertrust.sim.network.LinkProfile;

/**
 * One grid point's fixed parts: n replicas of which f are faulty (ids 1..f; the leader, id 0, is
 * honest), a real (k, n) threshold key dealt from the seed, what the faulty replicas do, and the
 * one-way message delay.
 *
 * @param n replicas, at least 3f+1
 * @param f faulty replicas
 * @param key the dealt key; its threshold is the certificate's k
 * @param behaviour what the faulty replicas do
 * @param delayNanos one-way delay of every message between two replicas
 */
public record RoundSetup(int n, int f, DealtKey key, FaultyBehaviour behaviour, long delayNanos) {
  /** The signing domain of every proposal in the benchmark. */
  static final SigningDomain DOMAIN = SigningDomain.BENCHMARK;

  /** The leader and collector. */
  static final int LEADER = 0;

  /** Checks n >= 3f+1, that the honest replicas can reach k, and that the key has n shares. */
  public RoundSetup {
    if (f < 0 || n < 3 * f + 1) {
      throw new IllegalArgumentException("need n >= 3f+1, got n=" + n + " f=" + f);
    }
    if (key.publicKey().size() != n || key.publicKey().threshold() > n - f) {
      throw new IllegalArgumentException(
          "key must have n=" + n + " shares and k <= n-f, got " + key.publicKey());
    }
    if (delayNanos < 0) {
      throw new IllegalArgumentException("negative delay " + delayNanos);
    }
  }

  /**
   * Deals a fresh (k, n) key from {@code seed} and sets up a grid point with the paper's 10 ms
   * delay.
   */
  public static RoundSetup deal(int n, int f, int k, FaultyBehaviour behaviour, long seed) {
    DealtKey key = ThresholdDealer.dealRandom(k, n, new Random(seed));
    return new RoundSetup(n, f, key, behaviour, LinkProfile.DEFAULT_DELAY_NANOS);
  }

  /** The certificate threshold k. */
  public int k() {
    return key.publicKey().threshold();
  }

  /** Whether replica {@code id} is faulty. */
  boolean isFaulty(int id) {
    return id >= 1 && id <= f;
  }

  /** The number of honest replicas, n - f. */
  int honest() {
    return n - f;
  }
}
