package org.intertrust.cli;

import java.io.PrintWriter;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.intertrust.crypto.dealing.DealingContext;
import org.intertrust.sim.crossas.CrossAsScenario;
import org.intertrust.sim.crossas.CrossAsScenario.Fault;
import org.intertrust.sim.crossas.CrossAsScenario.Kind;
import org.intertrust.sim.crossas.CrossAsScenario.Summary;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * {@code intertrust sim --scenario cross-as}: two ASs with gateways running cross-AS transfers in
 * the seeded simulator. The options are a mixin of {@link SimCommand}, which hands the run over
 * here; options this version does not implement are refused with a message saying so.
 */
final class CrossAsSimCommand {
  /** Options only the cross-AS scenario takes. */
  static final List<String> OWN_OPTIONS =
      List.of(
          "--as",
          "--transactions",
          "--faults",
          "--dealing",
          "--batching",
          "--kinds",
          "--gateways",
          "--deadline-ms",
          "--interval-ms");

  /** Options of the one-AS scenario that the cross-AS scenario does not take. */
  static final List<String> ONE_AS_OPTIONS =
      List.of(
          "--f",
          "--byzantine",
          "--rounds",
          "--cpu",
          "--tx-rate",
          "--no-ledger",
          "--crash",
          "--crash-loss");

  @Option(names = "--as", description = "cross-as: ASs (only 2 so far; default: 2).")
  int ases = 2;

  @Option(
      names = "--transactions",
      description = "cross-as: cross-AS transactions the clients start (default: 100).")
  int transactions = 100;

  @Option(
      names = "--faults",
      split = ",",
      description =
          "cross-as: byzantine, gateway-crash, gateway-drop, loss, partition, replay,"
              + " forged-certificate, malformed-bytes (unattested-gateway: not implemented yet).")
  List<String> faults = List.of();

  @Option(names = "--dealing", description = "cross-as: per-tx or per-session (default: per-tx).")
  String dealing = "per-tx";

  @Option(
      names = "--batching",
      description = "cross-as: on or off (on: not implemented yet; default: off).")
  String batching = "off";

  @Option(
      names = "--kinds",
      split = ",",
      description = "cross-as: transfer (swap, message: not implemented yet; default: transfer).")
  List<String> kinds = List.of("transfer");

  @Option(
      names = "--gateways",
      description = "cross-as: gateways per AS (default: 1, or 2 with gateway-crash/-drop).")
  Integer gateways;

  @Option(
      names = "--deadline-ms",
      description = "cross-as: each transaction's deadline after its start (default: 5000).")
  long deadlineMillis = 5_000;

  @Option(
      names = "--interval-ms",
      description = "cross-as: virtual time between client requests (default: 20).")
  long intervalMillis = 20;

  /** Runs the scenario; the exit code is 0 iff every invariant held. */
  int run(CommandSpec spec, int n, long seed, long maxSeconds, boolean json) {
    CommandLine line = spec.commandLine();
    for (String option : ONE_AS_OPTIONS) {
      if (line.getParseResult().hasMatchedOption(option)) {
        throw new ParameterException(line, option + " applies to --scenario one-as only");
      }
    }
    CrossAsScenario.Options options = options(line, n, seed, maxSeconds);
    PrintWriter err = line.getErr();
    err.println(
        "[sim cross-as] n="
            + n
            + " transactions="
            + transactions
            + " faults="
            + options.faults()
            + " dealing="
            + dealing
            + " seed="
            + seed);
    err.flush();
    Summary summary = CrossAsScenario.run(options);
    PrintWriter out = line.getOut();
    out.print(json ? json(summary) : text(summary));
    out.flush();
    return summary.invariantsOk() && summary.auditOk() ? 0 : 1;
  }

  private CrossAsScenario.Options options(CommandLine line, int n, long seed, long maxSeconds) {
    if (ases != 2) {
      throw new ParameterException(line, "--as " + ases + ": only 2 ASs are implemented yet");
    }
    Set<Fault> injected = EnumSet.noneOf(Fault.class);
    for (String name : faults) {
      try {
        injected.add(Fault.parse(name));
      } catch (IllegalArgumentException e) {
        throw new ParameterException(line, "unknown fault " + name);
      }
    }
    Set<Kind> chosen = EnumSet.noneOf(Kind.class);
    for (String name : kinds) {
      try {
        chosen.add(Kind.parse(name));
      } catch (IllegalArgumentException e) {
        throw new ParameterException(line, "unknown kind " + name);
      }
    }
    DealingContext.Mode mode =
        switch (dealing) {
          case "per-tx" -> DealingContext.Mode.PER_TRANSACTION;
          case "per-session" -> DealingContext.Mode.PER_SESSION;
          default -> throw new ParameterException(line, "--dealing is per-tx or per-session");
        };
    if (!batching.equals("on") && !batching.equals("off")) {
      throw new ParameterException(line, "--batching is on or off");
    }
    boolean twoGateways =
        injected.contains(Fault.GATEWAY_CRASH) || injected.contains(Fault.GATEWAY_DROP);
    int perAs = gateways != null ? gateways : (twoGateways ? 2 : 1);
    try {
      return new CrossAsScenario.Options(
          n,
          perAs,
          transactions,
          seed,
          mode,
          batching.equals("on"),
          chosen,
          injected,
          intervalMillis,
          deadlineMillis,
          maxSeconds * 1000);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(line, e.getMessage());
    }
  }

  static String text(Summary s) {
    return String.format(
        Locale.ROOT,
        "seed %d: invariants %s, audit %s%n"
            + "transactions: %d submitted, %d unlocked, %d released, %d final on both sides%n"
            + "latency (request to settlement on X, simulated ms): p50 %.1f, p95 %.1f, p99 %.1f%n"
            + "gateway rejections %s, provenance refusals %d%n"
            + "%d events, %d ms virtual, trace %s%n%s",
        s.seed(),
        s.invariantsOk() ? "ok" : "VIOLATED",
        s.auditOk() ? "ok" : "FAILED",
        s.submitted(),
        s.unlocked(),
        s.released(),
        s.finalBothSides(),
        s.p50Ms(),
        s.p95Ms(),
        s.p99Ms(),
        s.rejections(),
        s.provenanceRefused(),
        s.events(),
        s.virtualMillis(),
        s.traceSha256(),
        s.violations().stream().map(v -> "violation: " + v + "\n").collect(Collectors.joining()));
  }

  static String json(Summary s) {
    return String.format(
        Locale.ROOT,
        "{\"seed\":%d,\"invariants_ok\":%b,\"audit_ok\":%b,\"violations\":%s,"
            + "\"transactions\":{\"submitted\":%d,\"unlocked\":%d,\"released\":%d,"
            + "\"final_both_sides\":%d},"
            + "\"latency_ms\":{\"p50\":%.3f,\"p95\":%.3f,\"p99\":%.3f},"
            + "\"gateway_rejections\":%s,\"provenance_refused\":%d,"
            + "\"events\":%d,\"virtual_ms\":%d,\"trace_sha256\":\"%s\"}%n",
        s.seed(),
        s.invariantsOk(),
        s.auditOk(),
        s.violations().stream()
            .map(CrossAsSimCommand::quote)
            .collect(Collectors.joining(",", "[", "]")),
        s.submitted(),
        s.unlocked(),
        s.released(),
        s.finalBothSides(),
        s.p50Ms(),
        s.p95Ms(),
        s.p99Ms(),
        s.rejections().entrySet().stream()
            .map(e -> quote(e.getKey()) + ":" + e.getValue())
            .collect(Collectors.joining(",", "{", "}")),
        s.provenanceRefused(),
        s.events(),
        s.virtualMillis(),
        s.traceSha256());
  }

  static String quote(String value) {
    StringBuilder out = new StringBuilder("\"");
    for (char c : value.toCharArray()) {
      if (c == '"' || c == '\\') {
        out.append('\\').append(c);
      } else if (c < 0x20) {
        out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.append('"').toString();
  }
}
