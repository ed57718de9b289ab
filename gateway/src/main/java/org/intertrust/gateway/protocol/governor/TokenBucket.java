package org.intertrust.gateway.protocol.governor;

/**
 * A token bucket in exact integer arithmetic: holds at most {@code capacity} tokens, refills at
 * {@code perSecond} tokens a second, and starts full. Tokens are kept in thousandths, so a refill
 * of {@code perSecond} thousandths per millisecond is exact. Not thread-safe.
 */
final class TokenBucket {
  /** The largest capacity or rate: its thousandths still fit in a {@code long}. */
  static final long MAX = Long.MAX_VALUE / 1_000;

  private final long capacityMilli;
  private final long perSecond;
  private long tokensMilli;
  private long lastMillis;

  TokenBucket(long capacity, long perSecond, long nowMillis) {
    if (capacity < 1 || capacity > MAX || perSecond < 1 || perSecond > MAX) {
      throw new IllegalArgumentException(
          "capacity and rate must be in [1, " + MAX + "]: " + capacity + ", " + perSecond);
    }
    this.capacityMilli = capacity * 1_000;
    this.perSecond = perSecond;
    this.tokensMilli = capacityMilli;
    this.lastMillis = nowMillis;
  }

  /** Refills for the time since the last call (a clock that steps back refills nothing). */
  private void refill(long nowMillis) {
    long elapsed = nowMillis - lastMillis;
    if (elapsed <= 0) {
      return;
    }
    lastMillis = nowMillis;
    long room = capacityMilli - tokensMilli;
    // perSecond thousandths of a token per millisecond; saturate instead of overflowing.
    tokensMilli += elapsed >= room / perSecond + 1 ? room : elapsed * perSecond;
  }

  /**
   * Milliseconds until {@code tokens} are available, 0 if they are now; {@link Long#MAX_VALUE} if
   * they never will be (more than the capacity).
   */
  long waitMillis(long tokens, long nowMillis) {
    refill(nowMillis);
    if (tokens > capacityMilli / 1_000) {
      return Long.MAX_VALUE;
    }
    long missing = tokens * 1_000 - tokensMilli;
    return missing <= 0 ? 0 : (missing + perSecond - 1) / perSecond;
  }

  /** Takes {@code tokens}; the caller checked {@link #waitMillis} is 0 at the same time. */
  void take(long tokens) {
    tokensMilli -= tokens * 1_000;
  }

  long capacity() {
    return capacityMilli / 1_000;
  }
}
