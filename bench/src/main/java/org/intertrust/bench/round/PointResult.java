package org.intertrust.bench.round;

import java.util.Map;

/**
 * One grid point's results.
 *
 * @param n replicas
 * @param ratio f/n as asked
 * @param f faulty replicas
 * @param optimized this implementation, per certificate
 * @param baseline the paper-faithful collector on the same shares, per certificate
 * @param blamedPerRound shares the optimized collector blamed per round (f+1 certificate), averaged
 * @param combineCosts the combine costs measured for each certificate's key
 * @param wallSeconds real time the point took, dealing and measuring included
 */
public record PointResult(
    int n,
    FaultRatio ratio,
    int f,
    Map<Certificate, Series> optimized,
    Map<Certificate, Series> baseline,
    double blamedPerRound,
    Map<Certificate, CombineCosts> combineCosts,
    double wallSeconds) {
  public PointResult {
    optimized = Map.copyOf(optimized);
    baseline = Map.copyOf(baseline);
    combineCosts = Map.copyOf(combineCosts);
  }

  /**
   * The measured medians of the two ways to combine k shares at this point.
   *
   * @param combineMs {@code ThresholdCombiner.combineUnchecked}: Lagrange, MSM, one verification
   * @param oneByOneMs {@code ReferenceCombiner.interpolateOneByOne}: the paper's way
   */
  public record CombineCosts(double combineMs, double oneByOneMs) {}

  /** The threshold of {@code certificate} at this point. */
  public int k(Certificate certificate) {
    return certificate.threshold(f);
  }

  /** Baseline mean over optimized mean: how many times faster this implementation is. */
  public double speedup(Certificate certificate) {
    return baseline.get(certificate).meanMs() / optimized.get(certificate).meanMs();
  }
}
