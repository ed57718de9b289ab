package org.intertrust.bench.round;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.intertrust.sim.cpu.CpuCostTable;
import org.intertrust.sim.cpu.WallClock;
import org.intertrust.sim.round.Combining;
import org.intertrust.sim.round.CpuTiming;
import org.intertrust.sim.round.FaultyBehaviour;
import org.intertrust.sim.round.RoundCosts;
import org.intertrust.sim.round.RoundDriver;
import org.intertrust.sim.round.RoundOutcome;
import org.intertrust.sim.round.RoundSetup;
import org.intertrust.sim.stats.LatencyRecorder;

/**
 * The measurements behind {@code intertrust bench round}: for each grid point (n, f/n) and each
 * certificate (f+1, 2f+1), a real key is dealt, the two combines are timed on it, and {@code
 * rounds} rounds run on the simulator, each once with this implementation's collector and once with
 * the paper-faithful baseline on the same shares (paper section VI, Fig. 4; DESIGN.md §7).
 */
public final class RoundBenchmark {
  /** The paper's group sizes. */
  public static final List<Integer> PAPER_SIZES = List.of(64, 100, 200, 400, 600, 800);

  /** Largest n accepted: the grid's largest group with room to spare. */
  public static final int MAX_N = 2048;

  /**
   * Run settings.
   *
   * @param sizes group sizes n, each in 4..{@value #MAX_N}
   * @param ratios fault ratios f/n
   * @param rounds rounds per grid point and certificate, at least 1
   * @param behaviour what the f faulty replicas do
   * @param timing how crypto is charged to the virtual CPUs
   * @param seed root seed of keys and simulations
   */
  public record Options(
      List<Integer> sizes,
      List<FaultRatio> ratios,
      int rounds,
      FaultyBehaviour behaviour,
      CpuTiming timing,
      long seed) {
    public Options {
      sizes = List.copyOf(sizes);
      ratios = List.copyOf(ratios);
      if (sizes.isEmpty() || ratios.isEmpty()) {
        throw new IllegalArgumentException("need at least one n and one fault ratio");
      }
      for (int n : sizes) {
        if (n < 4 || n > MAX_N) {
          throw new IllegalArgumentException("n must be in 4.." + MAX_N + ", got " + n);
        }
      }
      if (rounds < 1) {
        throw new IllegalArgumentException("rounds must be at least 1, got " + rounds);
      }
    }
  }

  private final Options options;
  private final Consumer<String> progress;
  private Optional<RoundCosts> costs = Optional.empty();

  private RoundBenchmark(Options options, Consumer<String> progress) {
    this.options = options;
    this.progress = progress;
  }

  /** Runs the grid, n-major; {@code progress} hears a line per step. */
  public static Grid run(Options options, Consumer<String> progress) {
    RoundBenchmark benchmark = new RoundBenchmark(options, progress);
    long start = WallClock.nanoTime();
    warmUp(options, progress);
    List<PointResult> points = new java.util.ArrayList<>();
    for (int n : options.sizes()) {
      for (FaultRatio ratio : options.ratios()) {
        points.add(benchmark.runPoint(n, ratio));
      }
    }
    return new Grid(
        options,
        points,
        benchmark.costs.map(RoundCosts::describe).orElse(""),
        (WallClock.nanoTime() - start) / 1e9);
  }

  /**
   * A finished grid.
   *
   * @param options what ran
   * @param points one result per (n, f/n), n-major
   * @param commonCosts the k-independent operation costs measured at start-up
   * @param wallSeconds real time the whole grid took
   */
  public record Grid(
      Options options, List<PointResult> points, String commonCosts, double wallSeconds) {
    public Grid {
      points = List.copyOf(points);
    }
  }

  /**
   * Runs a small point untimed first, so that the JIT has compiled the Java parts of the crypto
   * (Lagrange coefficients, encodings) before the first costs are measured.
   */
  private static void warmUp(Options options, Consumer<String> progress) {
    int n = Math.min(100, java.util.Collections.min(options.sizes()));
    int f = options.ratios().get(0).faulty(n);
    progress.accept("warming up the JIT (n=" + n + ", k=" + (f + 1) + "; not reported)");
    RoundSetup setup = RoundSetup.deal(n, f, f + 1, options.behaviour(), options.seed());
    RoundCosts costs = RoundCosts.measure(setup);
    for (int i = 0; i < 3; i++) {
      RoundDriver driver = new RoundDriver(setup, costs.table(setup), options.timing(), i);
      for (int round = 0; round < 5; round++) {
        driver.run(round, EnumSet.allOf(Combining.class));
      }
    }
  }

  private PointResult runPoint(int n, FaultRatio ratio) {
    long start = WallClock.nanoTime();
    int f = ratio.faulty(n);
    Map<Certificate, Series> optimized = new EnumMap<>(Certificate.class);
    Map<Certificate, Series> baseline = new EnumMap<>(Certificate.class);
    Map<Certificate, PointResult.CombineCosts> combines = new EnumMap<>(Certificate.class);
    double blamed = 0;
    for (Certificate certificate : Certificate.values()) {
      long seed = pointSeed(n, ratio, certificate);
      progress.accept(
          String.format(
              java.util.Locale.ROOT,
              "n=%d f/n=%s f=%d %s k=%d: dealing and measuring",
              n,
              ratio,
              f,
              certificate.label(),
              certificate.threshold(f)));
      RoundSetup setup = RoundSetup.deal(n, f, certificate.threshold(f), options.behaviour(), seed);
      if (costs.isEmpty()) {
        costs = Optional.of(RoundCosts.measure(setup));
        progress.accept("measured at start-up: " + costs.get().describe());
      }
      CpuCostTable table = costs.get().table(setup);
      combines.put(
          certificate,
          new PointResult.CombineCosts(
              table.nanos(RoundCosts.COMBINE, 1) / 1e6,
              table.nanos(RoundCosts.COMBINE_ONE_BY_ONE, 1) / 1e6));
      LatencyRecorder fast = new LatencyRecorder();
      LatencyRecorder paper = new LatencyRecorder();
      RoundDriver driver = new RoundDriver(setup, table, options.timing(), seed);
      int blamedShares = 0;
      for (int round = 0; round < options.rounds(); round++) {
        Map<Combining, RoundOutcome> outcomes = driver.run(round, EnumSet.allOf(Combining.class));
        fast.record(outcomes.get(Combining.OPTIMIZED).latencyNanos());
        paper.record(outcomes.get(Combining.BASELINE).latencyNanos());
        blamedShares += outcomes.get(Combining.OPTIMIZED).blamed().size();
      }
      optimized.put(certificate, Series.of(fast));
      baseline.put(certificate, Series.of(paper));
      if (certificate == Certificate.F_PLUS_ONE) {
        blamed = (double) blamedShares / options.rounds();
      }
    }
    PointResult point =
        new PointResult(
            n,
            ratio,
            f,
            optimized,
            baseline,
            blamed,
            combines,
            (WallClock.nanoTime() - start) / 1e9);
    progress.accept(RoundReport.progressLine(point));
    return point;
  }

  private long pointSeed(int n, FaultRatio ratio, Certificate certificate) {
    long mixed =
        options.seed() * 1_000_003L
            + n * 7_919L
            + ratio.numerator() * 104_729L
            + ratio.denominator() * 1_299_709L
            + certificate.ordinal();
    return new SplittableRandom(mixed).nextLong();
  }
}
