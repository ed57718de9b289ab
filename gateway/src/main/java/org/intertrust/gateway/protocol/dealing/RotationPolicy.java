package org.intertrust.gateway.protocol.dealing;

/**
 * When a per-session dealing is replaced: after {@code maxTransactions} transactions used it, or
 * once {@code maxAgeMillis} passed since its epoch began, whichever comes first.
 *
 * @param maxTransactions transactions per epoch, at least 1
 * @param maxAgeMillis epoch length in milliseconds, at least 1
 */
public record RotationPolicy(long maxTransactions, long maxAgeMillis) {
  /** Checks the bounds. */
  public RotationPolicy {
    if (maxTransactions < 1 || maxAgeMillis < 1) {
      throw new IllegalArgumentException("rotation bounds must be positive");
    }
  }
}
