package org.intertrust.sim.storage;

/** What a crash does to writes that were not yet flushed. */
public enum CrashLoss {
  /** Every unflushed write is lost: the strictest model, and the default. */
  ALL_UNFLUSHED,
  /**
   * A prefix of the unflushed writes, of random length (possibly none, possibly all), survives in
   * order: as if the operating system had written some of them back before the crash.
   */
  RANDOM_PREFIX,
  /** Nothing is lost: the process died, the operating system wrote everything back. */
  NONE
}
