package org.intertrust.sim.cpu;

import java.util.Arrays;

/**
 * Reads the real, monotonic clock. Only the simulator's CPU-time model may do this; protocol cores
 * never read a real clock (ARCHITECTURE.md, layering rule 3).
 */
public final class WallClock {
  private WallClock() {}

  /** The monotonic real time in nanoseconds ({@link System#nanoTime()}). */
  public static long nanoTime() {
    return System.nanoTime();
  }

  /** Median wall time of {@code body} over {@code repetitions} runs after {@code warmups}. */
  public static long medianNanos(Runnable body, int warmups, int repetitions) {
    if (repetitions < 1 || warmups < 0) {
      throw new IllegalArgumentException("need warmups >= 0 and repetitions >= 1");
    }
    for (int i = 0; i < warmups; i++) {
      body.run();
    }
    long[] times = new long[repetitions];
    for (int i = 0; i < repetitions; i++) {
      long start = System.nanoTime();
      body.run();
      times[i] = System.nanoTime() - start;
    }
    Arrays.sort(times);
    return times[repetitions / 2];
  }
}
