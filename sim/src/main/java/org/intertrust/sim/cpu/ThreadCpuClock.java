package org.intertrust.sim.cpu;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;

/**
 * Reads the CPU time of the calling thread: the time it actually computed, without the time the
 * operating system gave to other processes. On a shared machine this measures what an operation
 * would cost on a dedicated core far more steadily than {@link WallClock}, which is why the Fig. 4
 * round driver charges virtual CPUs from it. Like {@link WallClock}, only the simulator's CPU-time
 * model may use it.
 */
public final class ThreadCpuClock {
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private ThreadCpuClock() {}

  /** Whether this JVM can measure thread CPU time. */
  public static boolean supported() {
    return THREADS.isCurrentThreadCpuTimeSupported();
  }

  /**
   * The calling thread's CPU time in nanoseconds.
   *
   * @throws UnsupportedOperationException if the JVM cannot measure it
   */
  public static long nanoTime() {
    return THREADS.getCurrentThreadCpuTime();
  }

  /**
   * Median CPU time of one run of {@code body}: {@code warmups} unmeasured runs, then {@code
   * repetitions} samples of {@code batch} runs each, divided by {@code batch} (so that operations
   * of a few microseconds are not lost in the clock's own cost).
   */
  public static long medianNanos(Runnable body, int warmups, int repetitions, int batch) {
    if (repetitions < 1 || warmups < 0 || batch < 1) {
      throw new IllegalArgumentException("need warmups >= 0, repetitions >= 1, batch >= 1");
    }
    for (int i = 0; i < warmups; i++) {
      body.run();
    }
    long[] times = new long[repetitions];
    for (int i = 0; i < repetitions; i++) {
      long start = nanoTime();
      for (int j = 0; j < batch; j++) {
        body.run();
      }
      times[i] = (nanoTime() - start) / batch;
    }
    Arrays.sort(times);
    return times[repetitions / 2];
  }
}
