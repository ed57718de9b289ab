package org.intertrust.node.ops;

import java.util.function.LongSupplier;

/**
 * Nanoseconds since the testnet's epoch ({@code epoch_ms} in {@code network.yaml}): the {@code
 * now()} of a node in its own process. Read from the wall clock once at start, then advanced by
 * {@link System#nanoTime()}, so it never goes back within a process and separate processes (on
 * machines whose clocks NTP keeps close) agree on consensus time and cross-AS deadlines; a process
 * that restarts continues from the wall clock, not from zero.
 */
public final class EpochClock implements LongSupplier {
  private final long offset;

  public EpochClock(long epochMillis) {
    long sinceEpochNanos = (System.currentTimeMillis() - epochMillis) * 1_000_000L;
    this.offset = sinceEpochNanos - System.nanoTime();
  }

  @Override
  public long getAsLong() {
    return System.nanoTime() + offset;
  }
}
