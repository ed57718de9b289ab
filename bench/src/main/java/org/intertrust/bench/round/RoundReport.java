package org.intertrust.bench.round;

import java.util.Locale;
import org.intertrust.bench.round.RoundBenchmark.Grid;
import org.intertrust.sim.round.CpuTiming;
import org.intertrust.sim.round.FaultyBehaviour;

/** Formats a finished grid: the stdout table, the CSV and the JSON of {@code bench round}. */
public final class RoundReport {
  private RoundReport() {}

  /** One line per finished point, for progress on standard error. */
  static String progressLine(PointResult point) {
    return String.format(
        Locale.ROOT,
        "n=%d f/n=%s done in %.1f s: f+1 %.2f ms (baseline %.2f), 2f+1 %.2f ms (baseline %.2f)",
        point.n(),
        point.ratio(),
        point.wallSeconds(),
        point.optimized().get(Certificate.F_PLUS_ONE).meanMs(),
        point.baseline().get(Certificate.F_PLUS_ONE).meanMs(),
        point.optimized().get(Certificate.TWO_F_PLUS_ONE).meanMs(),
        point.baseline().get(Certificate.TWO_F_PLUS_ONE).meanMs());
  }

  /** The human-readable table, with the run's conditions above and below it. */
  public static String table(Grid grid) {
    StringBuilder out = new StringBuilder();
    out.append(conditions(grid));
    out.append(
        String.format(
            Locale.ROOT,
            "%5s %5s %4s | %4s %8s %8s %8s %9s %7s | %4s %8s %8s %8s %9s %7s%n",
            "n",
            "f/n",
            "f",
            "k",
            "mean_ms",
            "p50_ms",
            "p99_ms",
            "base_ms",
            "speedup",
            "k",
            "mean_ms",
            "p50_ms",
            "p99_ms",
            "base_ms",
            "speedup"));
    for (PointResult point : grid.points()) {
      out.append(String.format(Locale.ROOT, "%5d %5s %4d", point.n(), point.ratio(), point.f()));
      for (Certificate certificate : Certificate.values()) {
        Series ours = point.optimized().get(certificate);
        out.append(
            String.format(
                Locale.ROOT,
                " | %4d %8.2f %8.2f %8.2f %9.2f %6.1fx",
                point.k(certificate),
                ours.meanMs(),
                ours.p50Ms(),
                ours.p99Ms(),
                point.baseline().get(certificate).meanMs(),
                point.speedup(certificate)));
      }
      out.append(System.lineSeparator());
    }
    out.append(
        String.format(
            Locale.ROOT,
            "left: the f+1 certificate the paper measures; right: the 2f+1 commit certificate."
                + "%nmean/p50/p99: simulated ms per round, this implementation; base_ms: mean of the"
                + " paper-faithful baseline (per-share verification, one scalar multiplication per"
                + " share) on the same shares in the same run; speedup: base_ms / mean_ms.%n"
                + "%s"
                + "wall time: %.1f s%n",
            grid.options().timing() == CpuTiming.COST_TABLE
                    && grid.options().behaviour() == FaultyBehaviour.SILENT
                ? "cost-table with silent faulty replicas: every round of a point costs the same,"
                    + " so mean = p50 = p99 (--cpu-timing per-call shows the machine's spread).\n"
                : "",
            grid.wallSeconds()));
    return out.toString();
  }

  private static String conditions(Grid grid) {
    RoundBenchmark.Options options = grid.options();
    return String.format(
        Locale.ROOT,
        "bench round: %d rounds per point, 10 ms per message, faulty replicas %s, seed %d%n"
            + "cpu model: %s (crypto charged to the virtual CPU of the node that runs it)%n"
            + "measured at start-up: %s%n"
            + "machine: %d cores, %s %s, Java %s%n",
        options.rounds(),
        options.behaviour().label(),
        options.seed(),
        options.timing() == CpuTiming.COST_TABLE
            ? "cost-table, median CPU time of each operation measured at start-up"
            : "per-call, CPU time of each real call",
        grid.commonCosts(),
        Runtime.getRuntime().availableProcessors(),
        System.getProperty("os.name"),
        System.getProperty("os.arch"),
        System.getProperty("java.version"));
  }

  /** The CSV: a header and one row per point, milliseconds. */
  public static String csv(Grid grid) {
    StringBuilder out =
        new StringBuilder(
            "n,fault_ratio,f,k,mean_ms,p50_ms,p99_ms,baseline_mean_ms,baseline_p50_ms,"
                + "baseline_p99_ms,combine_ms,combine_one_by_one_ms,"
                + "commit_k,commit_mean_ms,commit_p50_ms,commit_p99_ms,commit_baseline_mean_ms,"
                + "commit_baseline_p50_ms,commit_baseline_p99_ms,commit_combine_ms,"
                + "commit_combine_one_by_one_ms,blamed_per_round,rounds,faulty_behaviour,"
                + "cpu_timing\n");
    for (PointResult point : grid.points()) {
      out.append(point.n()).append(',').append(point.ratio()).append(',').append(point.f());
      for (Certificate certificate : Certificate.values()) {
        Series ours = point.optimized().get(certificate);
        Series paper = point.baseline().get(certificate);
        PointResult.CombineCosts combine = point.combineCosts().get(certificate);
        out.append(
            String.format(
                Locale.ROOT,
                ",%d,%.3f,%.3f,%.3f,%.3f,%.3f,%.3f,%.3f,%.3f",
                point.k(certificate),
                ours.meanMs(),
                ours.p50Ms(),
                ours.p99Ms(),
                paper.meanMs(),
                paper.p50Ms(),
                paper.p99Ms(),
                combine.combineMs(),
                combine.oneByOneMs()));
      }
      out.append(
          String.format(
              Locale.ROOT,
              ",%.2f,%d,%s,%s%n",
              point.blamedPerRound(),
              grid.options().rounds(),
              grid.options().behaviour().label(),
              grid.options().timing().label()));
    }
    return out.toString();
  }

  /** The JSON object of {@code --json}. */
  public static String json(Grid grid) {
    StringBuilder out = new StringBuilder("{\"points\":[");
    for (int i = 0; i < grid.points().size(); i++) {
      PointResult point = grid.points().get(i);
      Series ours = point.optimized().get(Certificate.F_PLUS_ONE);
      Series paper = point.baseline().get(Certificate.F_PLUS_ONE);
      Series commit = point.optimized().get(Certificate.TWO_F_PLUS_ONE);
      Series commitPaper = point.baseline().get(Certificate.TWO_F_PLUS_ONE);
      out.append(i == 0 ? "" : ",")
          .append(
              String.format(
                  Locale.ROOT,
                  "{\"n\":%d,\"fault_ratio\":\"%s\",\"f\":%d,\"k\":%d,\"mean_ms\":%.3f,"
                      + "\"p50_ms\":%.3f,\"p99_ms\":%.3f,\"baseline_mean_ms\":%.3f,"
                      + "\"baseline_p50_ms\":%.3f,\"baseline_p99_ms\":%.3f,"
                      + "\"commit_k\":%d,\"commit_mean_ms\":%.3f,\"commit_p50_ms\":%.3f,"
                      + "\"commit_p99_ms\":%.3f,\"commit_baseline_mean_ms\":%.3f,"
                      + "\"blamed_per_round\":%.2f}",
                  point.n(),
                  point.ratio(),
                  point.f(),
                  point.k(Certificate.F_PLUS_ONE),
                  ours.meanMs(),
                  ours.p50Ms(),
                  ours.p99Ms(),
                  paper.meanMs(),
                  paper.p50Ms(),
                  paper.p99Ms(),
                  point.k(Certificate.TWO_F_PLUS_ONE),
                  commit.meanMs(),
                  commit.p50Ms(),
                  commit.p99Ms(),
                  commitPaper.meanMs(),
                  point.blamedPerRound()));
    }
    RoundBenchmark.Options options = grid.options();
    out.append(
        String.format(
            Locale.ROOT,
            "],\"rounds\":%d,\"faulty_behaviour\":\"%s\",\"cpu_timing\":\"%s\","
                + "\"measured_costs\":\"%s\",\"wall_seconds\":%.1f,"
                + "\"machine\":{\"cores\":%d,\"os\":\"%s\",\"arch\":\"%s\",\"java\":\"%s\"}}%n",
            options.rounds(),
            options.behaviour().label(),
            options.timing().label(),
            grid.commonCosts(),
            grid.wallSeconds(),
            Runtime.getRuntime().availableProcessors(),
            System.getProperty("os.name"),
            System.getProperty("os.arch"),
            System.getProperty("java.version")));
    return out.toString();
  }
}
