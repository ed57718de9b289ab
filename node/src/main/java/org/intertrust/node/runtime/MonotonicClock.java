package org.intertrust.node.runtime;

import java.util.function.LongSupplier;

/**
 * Nanoseconds since this clock was made, from {@link System#nanoTime()}: the {@code now()} of every
 * node hosted in one process. Nodes that share it agree on time up to scheduling delays, as the
 * consensus time of their blocks (leader's clock) and the cross-AS deadlines expect.
 */
public final class MonotonicClock implements LongSupplier {
  private final long origin = System.nanoTime();

  @Override
  public long getAsLong() {
    return System.nanoTime() - origin;
  }
}
