package org.intertrust.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.intertrust.node.demo.CrossAsBench;
import org.intertrust.node.demo.CrossAsBench.Mode;
import org.intertrust.node.demo.CrossAsBench.StepResult;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code intertrust bench e2e}: the demo's configuration (two ASs, replicas and gateways in this
 * JVM over loopback gRPC with mutual TLS, RocksDB in a temporary folder) under steady offered
 * loads, for the batched mode and the paper's per-transaction mode in the same run. Each offered
 * rate is one step on a fresh cluster; a mode's figure is its highest sustained step.
 */
@Command(
    name = "e2e",
    mixinStandardHelpOptions = true,
    description = {
      "Runs two ASs with their gateways in this JVM (loopback gRPC + mTLS, RocksDB) under steady",
      "offered loads of cross-AS transfers, batched (per-session dealing + batch certificates) and",
      "per-tx (the paper's: per-transaction dealing, no batching), and reports throughput and",
      "latency percentiles of each step's measurement window (warm-up excluded). Exit code 1",
      "iff a step's end-state audit (every invariant, termination included) fails."
    })
final class BenchE2eCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--modes",
      split = ",",
      description = "Modes to run: batched, per-tx (default: both).")
  List<String> modes = List.of("batched", "per-tx");

  @Option(
      names = "--rates",
      split = ",",
      description = "Offered transactions per second, one step each, batched mode (default: 1000).")
  List<Integer> rates = List.of(1000);

  @Option(
      names = "--per-tx-rates",
      split = ",",
      description = "Offered rates of the per-tx mode (default: those of --rates).")
  List<Integer> perTxRates = List.of();

  @Option(names = "--warmup-s", description = "Warm-up per step, not measured (default: 5).")
  double warmupSeconds = 5;

  @Option(names = "--duration-s", description = "Measurement window per step (default: 20).")
  double durationSeconds = 20;

  @Option(
      names = "--window",
      description = "Transactions in flight at most; the load is open up to it (default: 512).")
  int window = 512;

  @Option(
      names = "--drain-s",
      description = "Wait at most this long after a step for its transactions (default: 120).")
  long drainSeconds = 120;

  @Option(
      names = "--p99-bound-ms",
      description = "A step is sustained if p99 stays within this bound (default: 500).")
  double p99BoundMs = 500;

  @Option(names = "--n", description = "Replicas per AS (default: 4).")
  int n = 4;

  @Option(names = "--gateways", description = "Gateways per AS (default: 2).")
  int gateways = 2;

  @Option(names = "--byzantine", description = "Byzantine replicas per AS (default: 0).")
  int byzantine = 0;

  @Option(
      names = "--kinds",
      split = ",",
      description = "Kinds of cross-AS transaction (default: transfer).")
  List<String> kinds = List.of("transfer");

  @Option(names = "--seed", description = "Seed of the keys and the workload (default: 1).")
  long seed = 1;

  @Option(names = "--json", description = "Print one JSON object instead of a table.")
  boolean json;

  @Override
  public Integer call() throws IOException, InterruptedException {
    CommandLine line = spec.commandLine();
    List<Mode> chosen = modes(line);
    validate(line);
    PrintWriter err = line.getErr();
    Path folder = Files.createTempDirectory("intertrust-bench-");
    List<ModeReport> reports = new ArrayList<>();
    try {
      for (Mode mode : chosen) {
        List<StepResult> steps = new ArrayList<>();
        for (int rate : mode == Mode.PER_TX && !perTxRates.isEmpty() ? perTxRates : rates) {
          err.printf(Locale.ROOT, "[bench e2e] %s at %d/s ...%n", mode.label(), rate);
          err.flush();
          StepResult result = CrossAsBench.run(step(line, mode, rate, folder));
          err.println("[bench e2e] " + stepLine(result));
          err.flush();
          steps.add(result);
        }
        reports.add(new ModeReport(mode, steps, p99BoundMs));
      }
    } finally {
      deleteRecursively(folder);
    }
    String command = "intertrust " + String.join(" ", commandArgs(line));
    PrintWriter out = line.getOut();
    out.print(json ? json(reports, command.trim()) : text(reports, command.trim()));
    out.flush();
    return reports.stream().allMatch(r -> r.steps().stream().allMatch(StepResult::auditOk)) ? 0 : 1;
  }

  /** The arguments as typed, from the top-level command on. */
  private static List<String> commandArgs(CommandLine line) {
    CommandLine top = line;
    while (top.getParent() != null) {
      top = top.getParent();
    }
    return top.getParseResult().originalArgs();
  }

  private List<Mode> modes(CommandLine line) {
    List<Mode> chosen = new ArrayList<>();
    for (String name : modes) {
      Mode mode =
          Stream.of(Mode.values())
              .filter(m -> m.label().equals(name))
              .findFirst()
              .orElseThrow(() -> new ParameterException(line, "--modes are batched, per-tx"));
      if (!chosen.contains(mode)) {
        chosen.add(mode);
      }
    }
    return chosen;
  }

  private void validate(CommandLine line) {
    if (Stream.concat(rates.stream(), perTxRates.stream()).anyMatch(r -> r < 1)
        || rates.isEmpty()
        || warmupSeconds < 0
        || durationSeconds <= 0
        || window < 1
        || drainSeconds < 1) {
      throw new ParameterException(
          line,
          "need rates >= 1, --warmup-s >= 0, --duration-s > 0, --window >= 1, --drain-s >= 1");
    }
    if (n < 4 || gateways < 1 || byzantine < 0 || byzantine > (n - 1) / 3) {
      throw new ParameterException(
          line, "need --n >= 4, --gateways >= 1 and 0 <= --byzantine <= f = (n-1)/3");
    }
  }

  private CrossAsBench.Step step(CommandLine line, Mode mode, int rate, Path folder) {
    return new CrossAsBench.Step(
        mode,
        rate,
        Math.round(warmupSeconds * 1000),
        Math.max(1, Math.round(durationSeconds * 1000)),
        window,
        n,
        gateways,
        byzantine,
        CrossAsChoices.kinds(line, kinds),
        seed,
        30_000,
        drainSeconds * 1000,
        folder);
  }

  /** A mode's steps and its figure: the highest sustained step, else the highest throughput. */
  record ModeReport(Mode mode, List<StepResult> steps, double p99BoundMs) {
    StepResult figure() {
      return steps.stream()
          .filter(s -> s.sustained(p99BoundMs))
          .max(Comparator.comparingInt(s -> s.step().ratePerSecond()))
          .orElseGet(
              () ->
                  steps.stream()
                      .max(Comparator.comparingDouble(StepResult::throughputTps))
                      .orElseThrow());
    }
  }

  static String stepLine(StepResult s) {
    return String.format(
        Locale.ROOT,
        "%-7s offered %5d/s  throughput %8.1f/s  p50 %8.1f  p95 %8.1f  p99 %8.1f ms"
            + "  (%d measured, %d submitted, settled %s, audit %s%s)",
        s.step().mode().label(),
        s.step().ratePerSecond(),
        s.throughputTps(),
        s.p50Ms(),
        s.p95Ms(),
        s.p99Ms(),
        s.measured(),
        s.submitted(),
        s.settledAll() ? "all" : "NOT all",
        s.auditOk() ? "ok" : "FAILED",
        s.step().window() > 0 && s.windowHit() ? ", window full" : "");
  }

  static String text(List<ModeReport> reports, String command) {
    StringBuilder b = new StringBuilder();
    b.append("command  ").append(command).append('\n');
    b.append("machine  ").append(machine()).append('\n');
    for (ModeReport r : reports) {
      for (StepResult s : r.steps()) {
        b.append(stepLine(s))
            .append(s.sustained(r.p99BoundMs()) ? "  sustained" : "  not sustained")
            .append('\n');
      }
    }
    for (ModeReport r : reports) {
      StepResult f = r.figure();
      b.append(
          String.format(
              Locale.ROOT,
              "%s: %.1f transactions/s at %d/s offered (%s), p50 %.1f ms, p95 %.1f ms, p99 %.1f"
                  + " ms%n",
              r.mode().label(),
              f.throughputTps(),
              f.step().ratePerSecond(),
              f.sustained(r.p99BoundMs()) ? "sustained" : "not sustained",
              f.p50Ms(),
              f.p95Ms(),
              f.p99Ms()));
      f.violations().stream()
          .limit(10)
          .forEach(v -> b.append("violation: ").append(v).append('\n'));
    }
    return b.toString();
  }

  static String json(List<ModeReport> reports, String command) {
    String modes =
        reports.stream()
            .map(
                r -> {
                  StepResult f = r.figure();
                  return String.format(
                      Locale.ROOT,
                      "{\"mode\":%s,\"offered_tps\":%d,\"sustained\":%b,%s,\"steps\":[%s]}",
                      CrossAsSimCommand.quote(r.mode().label()),
                      f.step().ratePerSecond(),
                      f.sustained(r.p99BoundMs()),
                      figures(f),
                      r.steps().stream()
                          .map(
                              s ->
                                  String.format(
                                      Locale.ROOT,
                                      "{\"offered_tps\":%d,\"sustained\":%b,%s,\"measured\":%d,"
                                          + "\"submitted\":%d,\"settled_all\":%b,\"audit_ok\":%b}",
                                      s.step().ratePerSecond(),
                                      s.sustained(r.p99BoundMs()),
                                      figures(s),
                                      s.measured(),
                                      s.submitted(),
                                      s.settledAll(),
                                      s.auditOk()))
                          .collect(Collectors.joining(",")));
                })
            .collect(Collectors.joining(","));
    return String.format(
        Locale.ROOT,
        "{\"command\":%s,\"machine\":%s,\"modes\":[%s]}%n",
        CrossAsSimCommand.quote(command),
        CrossAsSimCommand.quote(machine()),
        modes);
  }

  private static String figures(StepResult s) {
    return String.format(
        Locale.ROOT,
        "\"throughput_tps\":%.3f,\"latency_ms\":{\"p50\":%.3f,\"p95\":%.3f,\"p99\":%.3f}",
        s.throughputTps(),
        s.p50Ms(),
        s.p95Ms(),
        s.p99Ms());
  }

  /** Processors, OS, JVM and the load average when the report is written. */
  static String machine() {
    var os = ManagementFactory.getOperatingSystemMXBean();
    return String.format(
        Locale.ROOT,
        "%d CPUs, %s %s, Java %s (%s), load average %.2f",
        Runtime.getRuntime().availableProcessors(),
        os.getName(),
        os.getArch(),
        System.getProperty("java.version"),
        System.getProperty("java.vm.name"),
        os.getSystemLoadAverage());
  }

  private static void deleteRecursively(Path folder) throws IOException {
    try (Stream<Path> paths = Files.walk(folder)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }
}
