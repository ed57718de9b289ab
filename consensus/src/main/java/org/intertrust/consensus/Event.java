package org.intertrust.consensus;

/** What the runtime feeds the replica core. {@code now} is the runtime's clock, in nanoseconds. */
public sealed interface Event {
  /** Virtual or real time at which the event is handled. */
  long now();

  /** The replica starts (or restarts from its persisted safety state). */
  record Start(long now) implements Event {}

  /** A message arrived from replica {@code from} (already authenticated by the transport). */
  record Received(long now, int from, ConsensusMessage message) implements Event {}

  /** The timer set for {@code round} fired. */
  record TimerFired(long now, long round) implements Event {}
}
