package org.intertrust.sim.network;

/**
 * How one directed link behaves.
 *
 * <p>A message of {@code s} bytes sent at virtual time {@code t} arrives at {@code t + baseDelay +
 * U[0, jitter] + s / bytesPerSecond} (the last term only when {@code bytesPerSecond > 0}). It is
 * lost with probability {@code lossProbability}; otherwise, with probability {@code
 * duplicateProbability}, a second copy is delivered with its own, independently drawn jitter.
 * Jitter is what reorders messages on a link.
 *
 * @param baseDelayNanos fixed one-way delay, at least zero
 * @param jitterNanos upper bound of the uniform extra delay, at least zero
 * @param lossProbability in [0, 1]
 * @param duplicateProbability in [0, 1]
 * @param bytesPerSecond link bandwidth; zero means unlimited (size adds no delay)
 */
public record LinkProfile(
    long baseDelayNanos,
    long jitterNanos,
    double lossProbability,
    double duplicateProbability,
    long bytesPerSecond) {

  /** The default base delay, 10 ms, as in the paper's evaluation (DESIGN.md section 7). */
  public static final long DEFAULT_DELAY_NANOS = 10_000_000L;

  /** Validates the ranges. */
  public LinkProfile {
    if (baseDelayNanos < 0 || jitterNanos < 0 || bytesPerSecond < 0) {
      throw new IllegalArgumentException("delays and bandwidth must be non-negative");
    }
    if (!(lossProbability >= 0 && lossProbability <= 1)
        || !(duplicateProbability >= 0 && duplicateProbability <= 1)) {
      throw new IllegalArgumentException("probabilities must be in [0, 1]");
    }
  }

  /** A reliable link with the default 10 ms delay, no jitter, unlimited bandwidth. */
  public static LinkProfile reliable() {
    return fixedDelay(DEFAULT_DELAY_NANOS);
  }

  /** A reliable link with a fixed delay. */
  public static LinkProfile fixedDelay(long delayNanos) {
    return new LinkProfile(delayNanos, 0, 0, 0, 0);
  }

  /** This profile with another base delay. */
  public LinkProfile withBaseDelay(long nanos) {
    return new LinkProfile(
        nanos, jitterNanos, lossProbability, duplicateProbability, bytesPerSecond);
  }

  /** This profile with another jitter bound. */
  public LinkProfile withJitter(long nanos) {
    return new LinkProfile(
        baseDelayNanos, nanos, lossProbability, duplicateProbability, bytesPerSecond);
  }

  /** This profile with another loss probability. */
  public LinkProfile withLoss(double probability) {
    return new LinkProfile(
        baseDelayNanos, jitterNanos, probability, duplicateProbability, bytesPerSecond);
  }

  /** This profile with another duplication probability. */
  public LinkProfile withDuplication(double probability) {
    return new LinkProfile(
        baseDelayNanos, jitterNanos, lossProbability, probability, bytesPerSecond);
  }

  /** This profile with a bandwidth limit (zero: unlimited). */
  public LinkProfile withBandwidth(long bytesPerSecondLimit) {
    return new LinkProfile(
        baseDelayNanos, jitterNanos, lossProbability, duplicateProbability, bytesPerSecondLimit);
  }

  /** The transmission time of {@code sizeBytes} on this link; zero when bandwidth is unlimited. */
  public long transmissionNanos(int sizeBytes) {
    if (bytesPerSecond == 0 || sizeBytes <= 0) {
      return 0;
    }
    return (long) Math.ceil(sizeBytes * 1e9 / bytesPerSecond);
  }
}
