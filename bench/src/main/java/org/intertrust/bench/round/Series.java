package org.intertrust.bench.round;

import org.intertrust.sim.stats.LatencyRecorder;

/**
 * The round latencies of one certificate under one way of combining, over a grid point's rounds.
 *
 * @param meanMs mean simulated milliseconds per round
 * @param p50Ms median (nearest rank)
 * @param p99Ms 99th percentile (nearest rank)
 * @param rounds how many rounds
 */
public record Series(double meanMs, double p50Ms, double p99Ms, int rounds) {
  static Series of(LatencyRecorder recorder) {
    return new Series(
        recorder.meanNanos() / 1e6,
        recorder.p50Nanos() / 1e6,
        recorder.p99Nanos() / 1e6,
        recorder.count());
  }
}
