package org.intertrust.sim.random;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/**
 * Derives independent, reproducible random streams from one root seed.
 *
 * <p>Each stream is identified by a purpose (for example {@code "network"}) and an index (for
 * example a node id). The stream's seed is a fixed function of the root seed, the purpose and the
 * index, so adding draws to one stream, or a new stream, never changes the numbers another stream
 * produces. The function (FNV-1a over the purpose's UTF-8 bytes, mixed with the SplitMix64
 * finalizer) is part of the replay contract: changing it changes every trace.
 */
public final class SeedStreams {
  private static final long FNV_OFFSET = 0xcbf29ce484222325L;
  private static final long FNV_PRIME = 0x100000001b3L;

  private final long rootSeed;

  /** Streams derived from {@code rootSeed}. */
  public SeedStreams(long rootSeed) {
    this.rootSeed = rootSeed;
  }

  /** The root seed that every stream derives from. */
  public long rootSeed() {
    return rootSeed;
  }

  /** A fresh stream for {@code purpose}; equal arguments give equal streams. */
  public SplittableRandom stream(String purpose) {
    return stream(purpose, 0);
  }

  /** A fresh stream for {@code purpose} and {@code index}; equal arguments give equal streams. */
  public SplittableRandom stream(String purpose, long index) {
    return new SplittableRandom(derive(purpose, index));
  }

  /** The seed of the stream for {@code purpose} and {@code index}. */
  public long derive(String purpose, long index) {
    long hash = FNV_OFFSET;
    for (byte b : purpose.getBytes(StandardCharsets.UTF_8)) {
      hash = (hash ^ (b & 0xff)) * FNV_PRIME;
    }
    return mix(mix(rootSeed ^ hash) + index * 0x9e3779b97f4a7c15L);
  }

  /** The SplitMix64 finalizer: a bijection on 64-bit values with good avalanche. */
  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }
}
