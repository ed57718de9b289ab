package org.intertrust.gateway.protocol.config;

/** Bounds shared by this package's Jazzer fuzz tests. */
final class FuzzLimits {
  /** Inputs longer than this are skipped: every decoder here rejects them by length first. */
  static final int MAX_INPUT_BYTES = 64 * 1024;

  /** How long {@code -Pfuzz} fuzzes one target; regression runs ignore it. */
  static final String MAX_DURATION = "60s";

  private FuzzLimits() {}
}
