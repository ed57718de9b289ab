package org.intertrust.sim.stats;

import java.util.Arrays;

/**
 * Records durations in nanoseconds and reports mean and percentiles.
 *
 * <p>Percentiles use the nearest-rank method on the sorted samples: the p-th percentile is the
 * smallest sample such that at least p percent of the samples are less than or equal to it. All
 * samples are kept (8 bytes each), so results are exact.
 */
public final class LatencyRecorder {
  private long[] samples = new long[64];
  private int count;
  private long sum;
  private boolean sorted = true;

  /** Adds one sample; negative durations are rejected. */
  public void record(long nanos) {
    if (nanos < 0) {
      throw new IllegalArgumentException("negative latency: " + nanos);
    }
    if (count == samples.length) {
      samples = Arrays.copyOf(samples, count * 2);
    }
    samples[count++] = nanos;
    sum += nanos;
    sorted = false;
  }

  /** Number of samples. */
  public int count() {
    return count;
  }

  /** A copy of every sample so far, in no particular order. */
  public long[] samplesNanos() {
    return Arrays.copyOf(samples, count);
  }

  /** Arithmetic mean in nanoseconds; 0 when empty. */
  public double meanNanos() {
    return count == 0 ? 0 : (double) sum / count;
  }

  /** The nearest-rank percentile {@code p} in (0, 100]; throws when empty. */
  public long percentileNanos(double p) {
    if (!(p > 0 && p <= 100)) {
      throw new IllegalArgumentException("percentile must be in (0, 100]: " + p);
    }
    if (count == 0) {
      throw new IllegalStateException("no samples recorded");
    }
    sortIfNeeded();
    int rank = (int) Math.ceil(p / 100.0 * count);
    return samples[Math.max(rank, 1) - 1];
  }

  /** The median (nearest rank). */
  public long p50Nanos() {
    return percentileNanos(50);
  }

  /** The 95th percentile (nearest rank). */
  public long p95Nanos() {
    return percentileNanos(95);
  }

  /** The 99th percentile (nearest rank). */
  public long p99Nanos() {
    return percentileNanos(99);
  }

  /** The smallest sample; throws when empty. */
  public long minNanos() {
    return percentileNanos(Double.MIN_VALUE);
  }

  /** The largest sample; throws when empty. */
  public long maxNanos() {
    return percentileNanos(100);
  }

  private void sortIfNeeded() {
    if (!sorted) {
      Arrays.sort(samples, 0, count);
      sorted = true;
    }
  }

  /** One line in milliseconds: count, mean, p50, p95, p99, max. */
  @Override
  public String toString() {
    if (count == 0) {
      return "count=0";
    }
    return String.format(
        java.util.Locale.ROOT,
        "count=%d mean=%.3fms p50=%.3fms p95=%.3fms p99=%.3fms max=%.3fms",
        count,
        meanNanos() / 1e6,
        p50Nanos() / 1e6,
        p95Nanos() / 1e6,
        p99Nanos() / 1e6,
        maxNanos() / 1e6);
  }
}
