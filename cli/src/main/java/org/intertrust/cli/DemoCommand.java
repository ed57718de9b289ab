package org.intertrust.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.intertrust.crypto.dealing.DealingContext;
import org.intertrust.node.demo.CrossAsDemo;
import org.intertrust.sim.crossas.CrossAsScenario.Kind;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code intertrust demo}: two ASs with their gateways in this JVM over real loopback gRPC with
 * mutual TLS and RocksDB in a temporary folder, running client cross-AS transactions with Byzantine
 * replicas; progress on standard error, a summary (or one JSON object) on standard output. Exit
 * code 1 iff the audit fails.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    versionProvider = VersionInfo.class,
    description =
        "Run two ASs (replicas and gateways) in this JVM over loopback gRPC with mutual TLS and"
            + " RocksDB, with a cross-AS workload and Byzantine replicas; print a summary and the"
            + " audit. Exit code 1 iff the audit fails.")
public final class DemoCommand implements Callable<Integer> {
  @Spec private CommandSpec spec;

  @Option(names = "--transactions", description = "Cross-AS transactions (default: 500).")
  int transactions = 500;

  @Option(names = "--n", description = "Replicas per AS (default: 4).")
  int n = 4;

  @Option(names = "--gateways", description = "Gateways per AS (default: 2).")
  int gateways = 2;

  @Option(names = "--byzantine", description = "Byzantine replicas per AS, at most f (default: 1).")
  int byzantine = 1;

  @Option(names = "--seed", description = "Seed of the keys and the workload (default: 1).")
  long seed = 1;

  @Option(
      names = "--kinds",
      split = ",",
      description =
          "Kinds of cross-AS transaction: transfer, swap, message (default: all three, in"
              + " turn).")
  List<String> kinds = List.of();

  @Option(
      names = "--dealing",
      description = "per-session or per-tx (the paper's; slower) dealing (default: per-session).")
  String dealing = "per-session";

  @Option(names = "--rate", description = "Client transactions per second at most (default: 50).")
  int rate = 50;

  @Option(
      names = "--window",
      description =
          "Transactions in flight at most: a client waits for one to be final on both sides"
              + " before submitting more (default: 16).")
  int window = 16;

  @Option(
      names = "--deadline-ms",
      description = "Each transaction's deadline after its submission (default: 30000).")
  long deadlineMillis = 30_000;

  @Option(
      names = "--timeout-s",
      description = "Give up waiting this long after the last submission (default: 600).")
  long timeoutSeconds = 600;

  @Option(
      names = "--data",
      description = "Folder for the RocksDB stores (default: a temporary folder, deleted after).")
  Path data;

  @Option(names = "--json", description = "Print one JSON object instead of the summary.")
  boolean json;

  /** Created by picocli. */
  public DemoCommand() {}

  @Override
  public Integer call() throws IOException, InterruptedException {
    CommandLine line = spec.commandLine();
    boolean temporary = data == null;
    Path folder = temporary ? Files.createTempDirectory("intertrust-demo-") : data;
    CrossAsDemo.Options options = options(line, folder);
    PrintWriter err = line.getErr();
    err.printf(
        Locale.ROOT,
        "[demo] 2 ASs x (%d replicas, %d Byzantine; %d gateways) over loopback gRPC + mTLS,"
            + " RocksDB in %s; %d %s transactions, at most %d/s and %d in flight, %s dealing,"
            + " seed %d%n",
        n,
        byzantine,
        gateways,
        folder,
        transactions,
        options.kinds().stream().map(k -> k.name().toLowerCase(Locale.ROOT)).toList(),
        rate,
        window,
        dealing,
        seed);
    err.flush();
    ProgressBar bar = new ProgressBar(err, System.console() != null);
    CrossAsDemo.Result result;
    try {
      result = CrossAsDemo.run(options, bar::update);
    } finally {
      bar.finish();
      if (temporary) {
        deleteRecursively(folder);
      }
    }
    PrintWriter out = line.getOut();
    out.print(json ? json(result) : text(result));
    out.flush();
    return result.auditOk() ? 0 : 1;
  }

  private CrossAsDemo.Options options(CommandLine line, Path folder) {
    Set<Kind> chosen = CrossAsChoices.kinds(line, kinds);
    DealingContext.Mode mode = CrossAsChoices.dealing(line, dealing);
    if (n < 4 || gateways < 1 || byzantine < 0 || byzantine > (n - 1) / 3) {
      throw new ParameterException(
          line, "need --n >= 4, --gateways >= 1 and 0 <= --byzantine <= f = (n-1)/3");
    }
    try {
      return new CrossAsDemo.Options(
          n,
          gateways,
          transactions,
          byzantine,
          seed,
          chosen,
          mode,
          rate,
          window,
          deadlineMillis,
          timeoutSeconds * 1_000,
          folder);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(line, e.getMessage());
    }
  }

  static String text(CrossAsDemo.Result r) {
    return String.format(
        Locale.ROOT,
        "transactions  %d submitted, %d unlocked, %d released, %d final on both sides%n"
            + "latency       request to settlement on X: p50 %.0f ms, p95 %.0f ms, p99 %.0f ms%n"
            + "throughput    %.1f transactions/s (final on both sides), wall time %.1f s%n"
            + "transport     %d messages sent, %d delivered, %d dropped, %d reconnects,"
            + " %d peers refused, rejected %s%n"
            + "gateways      rejected %s%n"
            + "invariants    %s%n"
            + "audit         %s%n%s",
        r.submitted(),
        r.unlocked(),
        r.released(),
        r.finalBothSides(),
        r.p50Ms(),
        r.p95Ms(),
        r.p99Ms(),
        r.throughputTps(),
        r.wallMillis() / 1000.0,
        r.transport().sent(),
        r.transport().delivered(),
        r.transport().droppedOverflow(),
        r.transport().reconnects(),
        r.transport().refusedPeers(),
        r.transport().rejected(),
        r.rejections(),
        r.invariantsOk() ? "ok" : "VIOLATED (" + r.violations().size() + ")",
        r.auditOk() ? "ok" : "FAILED",
        r.violations().stream()
            .limit(20)
            .map(v -> "violation: " + v + "\n")
            .collect(Collectors.joining()));
  }

  static String json(CrossAsDemo.Result r) {
    return String.format(
        Locale.ROOT,
        "{\"audit_ok\":%b,\"invariants_ok\":%b,\"violations\":%s,"
            + "\"transactions\":{\"submitted\":%d,\"unlocked\":%d,\"released\":%d,"
            + "\"final_both_sides\":%d},"
            + "\"latency_ms\":{\"p50\":%.3f,\"p95\":%.3f,\"p99\":%.3f},"
            + "\"throughput_tps\":%.3f,\"wall_ms\":%d,"
            + "\"transport\":{\"sent\":%d,\"delivered\":%d,\"dropped\":%d,\"reconnects\":%d,"
            + "\"refused_peers\":%d}}%n",
        r.auditOk(),
        r.invariantsOk(),
        r.violations().stream()
            .limit(100)
            .map(CrossAsSimCommand::quote)
            .collect(Collectors.joining(",", "[", "]")),
        r.submitted(),
        r.unlocked(),
        r.released(),
        r.finalBothSides(),
        r.p50Ms(),
        r.p95Ms(),
        r.p99Ms(),
        r.throughputTps(),
        r.wallMillis(),
        r.transport().sent(),
        r.transport().delivered(),
        r.transport().droppedOverflow(),
        r.transport().reconnects(),
        r.transport().refusedPeers());
  }

  private static void deleteRecursively(Path folder) {
    try (Stream<Path> paths = Files.walk(folder)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + folder, e);
    }
  }

  /** A progress bar on a terminal; a line every two seconds otherwise. */
  private static final class ProgressBar {
    private static final int WIDTH = 30;
    private final PrintWriter err;
    private final boolean terminal;
    private long lastLine = -1;
    private boolean drawn;

    ProgressBar(PrintWriter err, boolean terminal) {
      this.err = err;
      this.terminal = terminal;
    }

    void update(CrossAsDemo.Progress p) {
      int total = Math.max(1, p.total());
      String status =
          String.format(
              Locale.ROOT,
              "%d/%d submitted, %d/%d final, %.1f s",
              p.submitted(),
              p.total(),
              p.finalBothSides(),
              p.total(),
              p.elapsedMillis() / 1000.0);
      if (terminal) {
        int filled = (int) (WIDTH * Math.min(1.0, (double) p.finalBothSides() / total));
        err.print("\r[" + "#".repeat(filled) + ".".repeat(WIDTH - filled) + "] " + status);
        drawn = true;
      } else if (lastLine < 0 || p.elapsedMillis() - lastLine >= 2_000) {
        err.println("[demo] " + status);
        lastLine = p.elapsedMillis();
      }
      err.flush();
    }

    void finish() {
      if (drawn) {
        err.println();
        err.flush();
      }
    }
  }
}
