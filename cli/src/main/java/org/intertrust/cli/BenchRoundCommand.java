package org.intertrust.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.intertrust.bench.round.FaultRatio;
import org.intertrust.bench.round.RoundBenchmark;
import org.intertrust.bench.round.RoundBenchmark.Grid;
import org.intertrust.bench.round.RoundChart;
import org.intertrust.bench.round.RoundReport;
import org.intertrust.sim.round.CpuTiming;
import org.intertrust.sim.round.FaultyBehaviour;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code intertrust bench round}: the paper's Fig. 4 grid, with the paper-faithful baseline. */
@Command(
    name = "round",
    mixinStandardHelpOptions = true,
    description = {
      "Reproduces the paper's Fig. 4 (section VI): simulated time per consensus",
      "round with threshold signatures inside one AS, per n and f/n, 10 ms per message.",
      "",
      "A round (DESIGN.md section 7): the leader proposes; each honest replica signs",
      "a real partial signature and sends it to the leader, which combines k of them",
      "and broadcasts the certificate; the round ends when every honest replica has",
      "verified it. Crypto runs for real and is charged to the virtual CPU of the",
      "node that runs it. Each round runs twice on the same shares: this",
      "implementation, and the paper-faithful baseline (every share verified on its",
      "own, one scalar multiplication per share). Reported for the f+1 certificate",
      "the paper measures and the 2f+1 commit certificate. Progress goes to standard",
      "error; the table (or --json) to standard output."
    })
final class BenchRoundCommand implements Callable<Integer> {
  static final String CSV_FILE = "fig4-round.csv";
  static final String PNG_FILE = "fig4-round.png";

  @Spec CommandSpec spec;

  @Option(
      names = "--n",
      split = ",",
      paramLabel = "N",
      description = "Group sizes (default: 64,100,200,400,600,800).")
  List<Integer> sizes = RoundBenchmark.PAPER_SIZES;

  @Option(
      names = "--fault-ratio",
      split = ",",
      paramLabel = "F/N",
      description = "Fault ratios f/n, each at most 1/3 (default: 1/6,1/5,1/4,1/3).")
  List<String> ratios = List.of("1/6", "1/5", "1/4", "1/3");

  @Option(
      names = "--rounds",
      description = "Rounds per point and certificate (default: ${DEFAULT-VALUE}).")
  int rounds = 100;

  @Option(
      names = "--faulty-behaviour",
      description =
          "What the f faulty replicas do: silent, or bad-shares (a share on another message)"
              + " (default: ${DEFAULT-VALUE}).")
  String behaviour = "silent";

  @Option(
      names = "--cpu-timing",
      description =
          "cost-table: each operation costs its median CPU time measured at start-up"
              + " (deterministic); per-call: each real call costs its own CPU time (default:"
              + " ${DEFAULT-VALUE}).")
  String timing = "cost-table";

  @Option(names = "--seed", description = "Seed of keys and simulations (default: 1).")
  long seed = 1;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      description = "Also write " + CSV_FILE + " and " + PNG_FILE + " (the chart) into DIR.")
  Optional<Path> out = Optional.empty();

  @Option(names = "--json", description = "Print one JSON object instead of the table.")
  boolean json;

  @Override
  public Integer call() throws IOException {
    RoundBenchmark.Options options = options();
    PrintWriter err = spec.commandLine().getErr();
    Grid grid =
        RoundBenchmark.run(
            options,
            step -> {
              err.println("[bench round] " + step);
              err.flush();
            });
    if (out.isPresent()) {
      write(grid, out.get(), err);
    }
    PrintWriter stdout = spec.commandLine().getOut();
    stdout.print(json ? RoundReport.json(grid) : RoundReport.table(grid));
    stdout.flush();
    return 0;
  }

  private static void write(Grid grid, Path directory, PrintWriter err) throws IOException {
    Files.createDirectories(directory);
    Path csv = directory.resolve(CSV_FILE);
    Files.writeString(csv, RoundReport.csv(grid), StandardCharsets.UTF_8);
    Path png = directory.resolve(PNG_FILE);
    try (OutputStream stream = Files.newOutputStream(png)) {
      RoundChart.writePng(grid, stream);
    }
    err.println("[bench round] wrote " + csv + " and " + png);
    err.flush();
  }

  RoundBenchmark.Options options() {
    List<FaultRatio> parsed = new ArrayList<>();
    for (String ratio : ratios) {
      try {
        parsed.add(FaultRatio.parse(ratio));
      } catch (IllegalArgumentException e) {
        throw new ParameterException(spec.commandLine(), "--fault-ratio: " + e.getMessage());
      }
    }
    try {
      return new RoundBenchmark.Options(
          sizes,
          parsed,
          rounds,
          parse(FaultyBehaviour.class, behaviour, "--faulty-behaviour"),
          parse(CpuTiming.class, timing, "--cpu-timing"),
          seed);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
  }

  private <E extends Enum<E>> E parse(Class<E> type, String value, String option) {
    try {
      return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
    } catch (IllegalArgumentException e) {
      List<String> names = new ArrayList<>();
      for (E constant : type.getEnumConstants()) {
        names.add(constant.name().toLowerCase(Locale.ROOT).replace('_', '-'));
      }
      throw new ParameterException(
          spec.commandLine(), "unknown " + option + " " + value + " (one of " + names + ")");
    }
  }
}
