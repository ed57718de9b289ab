package org.intertrust.sim;

/**
 * A simulated run failed: a node handler threw, or an invariant broke and the caller asked for an
 * exception. The message always names the seed and ends with the tail of the trace, so the run can
 * be replayed and read.
 */
public final class SimulationException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final long seed;

  /** A failure of the run with {@code seed}; {@code cause} may be null. */
  public SimulationException(long seed, String message, Throwable cause) {
    super("seed=" + seed + ": " + message, cause);
    this.seed = seed;
  }

  /** The seed that reproduces the failure. */
  public long seed() {
    return seed;
  }
}
