package org.intertrust.sim;

/** Why a call to {@link Simulation#runUntil} returned. */
public enum RunOutcome {
  /** The stop condition became true. */
  CONDITION_MET,
  /** The virtual-time deadline was reached; virtual time now equals it. */
  TIME_LIMIT,
  /** No event is left to process. */
  QUEUE_EMPTY,
  /** The run's event budget is spent. */
  EVENT_LIMIT,
  /** An invariant broke; the run cannot continue. */
  INVARIANT_VIOLATED
}
