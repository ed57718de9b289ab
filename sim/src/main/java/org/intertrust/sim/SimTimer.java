package org.intertrust.sim;

/**
 * A timer set by a node through {@link NodeContext#setTimer}. It fires at most once, by a call to
 * {@link SimNode#onTimer}, unless cancelled first or its node crashes first.
 */
public final class SimTimer {
  private final long id;
  private final Object tag;
  private final long deadlineNanos;
  private boolean cancelled;

  /**
   * A timer; the simulator creates its own, another runtime (the real-time node) creates them with
   * this constructor.
   */
  public SimTimer(long id, Object tag, long deadlineNanos) {
    this.id = id;
    this.tag = tag;
    this.deadlineNanos = deadlineNanos;
  }

  /** A run-unique, increasing id. */
  public long id() {
    return id;
  }

  /** What the node attached to the timer, to tell its timers apart. */
  public Object tag() {
    return tag;
  }

  /** The virtual time at which the timer expires. */
  public long deadlineNanos() {
    return deadlineNanos;
  }

  /** Whether the timer was cancelled. */
  public boolean isCancelled() {
    return cancelled;
  }

  /** Marks the timer cancelled; its runtime then never fires it. */
  public void cancel() {
    cancelled = true;
  }

  @Override
  public String toString() {
    return "timer#" + id + "(" + tag + ")";
  }
}
