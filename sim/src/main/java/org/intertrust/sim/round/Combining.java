package org.intertrust.sim.round;

/** How the collector turns shares into a certificate. */
public enum Combining {
  /**
   * This implementation: shares travel uncompressed and are decoded without the per-share subgroup
   * check; the first k are combined with one MSM and the result is verified once (ADR 0007). Bad
   * shares are found only when that check fails.
   */
  OPTIMIZED,
  /**
   * The paper's way (section VI), kept as a baseline: shares travel compressed, are decoded with
   * all checks and verified one by one as they arrive; k verified shares are combined with one
   * inversion and one scalar multiplication each, no batching.
   */
  BASELINE
}
