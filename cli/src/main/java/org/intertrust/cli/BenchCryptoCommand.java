package org.intertrust.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.intertrust.bench.crypto.CryptoBenchmark;
import org.intertrust.bench.crypto.CryptoBenchmark.Options;
import org.intertrust.bench.crypto.CryptoBenchmark.Result;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code intertrust bench crypto}: median times of the threshold-BLS operations. */
@Command(
    name = "crypto",
    description = {
      "Measures the threshold BLS operations on this machine and prints their median times:",
      "sign_partial, verify, combine (k of n), identify_bad (k of n, one bad share),",
      "deal (k of n, commitments and encryption included; warm and cold)."
    },
    mixinStandardHelpOptions = true)
final class BenchCryptoCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--json", description = "Print one JSON object instead of a table.")
  boolean json;

  @Option(names = "--n", description = "Group size n (default: ${DEFAULT-VALUE}).")
  int size = 800;

  @Option(names = "--k", description = "Threshold k (default: ${DEFAULT-VALUE}).")
  int threshold = 267;

  @Option(
      names = "--iterations",
      description = "Timed samples per operation (default: ${DEFAULT-VALUE}).")
  int iterations = 21;

  @Option(
      names = "--warmup",
      description = "Untimed rounds before timing (default: ${DEFAULT-VALUE}).")
  int warmup = 5;

  @Option(
      names = "--warmup-seconds",
      description = "Least warm-up time per operation, for the JIT (default: ${DEFAULT-VALUE}).")
  double warmupSeconds = 2.0;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (threshold < 2 || threshold > size || size > 2048) {
      throw new ParameterException(
          spec.commandLine(), "need 2 <= k <= n <= 2048, got k=" + threshold + " n=" + size);
    }
    if (warmup < 0 || iterations < 1 || warmupSeconds < 0) {
      throw new ParameterException(
          spec.commandLine(), "need --warmup >= 0, --iterations >= 1, --warmup-seconds >= 0");
    }
    Options options = new Options(threshold, size, warmup, iterations, warmupSeconds);
    List<Result> results =
        CryptoBenchmark.run(
            options,
            step -> {
              err.println("[bench crypto] " + step);
              err.flush();
            });
    out.print(json ? toJson(results) : toTable(results));
    out.flush();
    return 0;
  }

  static String toTable(List<Result> results) {
    StringBuilder table = new StringBuilder();
    table.append(
        String.format(
            Locale.ROOT,
            "%-14s %5s %5s %12s %8s%n",
            "operation",
            "n",
            "k",
            "median_ms",
            "samples"));
    for (Result result : results) {
      table.append(
          String.format(
              Locale.ROOT,
              "%-14s %5d %5d %12.3f %8d%n",
              result.operation(),
              result.n(),
              result.k(),
              result.medianMs(),
              result.samples()));
    }
    table.append(
        String.format(
            Locale.ROOT,
            "machine: %d cores, %s %s, Java %s%n",
            Runtime.getRuntime().availableProcessors(),
            System.getProperty("os.name"),
            System.getProperty("os.arch"),
            System.getProperty("java.version")));
    return table.toString();
  }

  static String toJson(List<Result> results) {
    StringBuilder json = new StringBuilder("{\"results\":[");
    for (int i = 0; i < results.size(); i++) {
      Result result = results.get(i);
      json.append(i == 0 ? "" : ",")
          .append(
              String.format(
                  Locale.ROOT,
                  "{\"operation\":\"%s\",\"n\":%d,\"k\":%d,\"median_ms\":%.4f,\"samples\":%d}",
                  result.operation(),
                  result.n(),
                  result.k(),
                  result.medianMs(),
                  result.samples()));
    }
    json.append(
        String.format(
            Locale.ROOT,
            "],\"machine\":{\"cores\":%d,\"os\":\"%s\",\"arch\":\"%s\",\"java\":\"%s\"}}%n",
            Runtime.getRuntime().availableProcessors(),
            System.getProperty("os.name"),
            System.getProperty("os.arch"),
            System.getProperty("java.version")));
    return json.toString();
  }
}
