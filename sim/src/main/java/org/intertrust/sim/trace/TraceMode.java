package org.intertrust.sim.trace;

/** How much of the trace a run keeps. */
public enum TraceMode {
  /** Keep every line, hash every line. For small runs and debugging. */
  FULL,
  /** Keep only the last lines (the tail, reported on failure), hash every line. The default. */
  HASH_AND_TAIL,
  /**
   * Keep nothing and hash nothing: no line is even formatted. For the largest benchmarks only; a
   * run in this mode cannot be compared with another by its trace.
   */
  OFF
}
