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
 * {@code intertrust sim --scenario cross-as}: two ASs with gateways running cross-AS transfers,
 * swaps and messages in the seeded simulator. The options are a mixin of {@link SimCommand}, which
 * hands the run over here; options this version does not implement are refused with a message
 * saying so.
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

  @Option(
      names = "--as",
      description =
          "cross-as: ASs, 2 to 4 (2: every transfer from X to Y; more: random ordered pairs;"
              + " default: 2).")
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
              + " forged-certificate, unattested-gateway, malformed-bytes, clock-skew.")
  List<String> faults = List.of();

  @Option(
      names = "--dealing",
      description = "cross-as: per-tx or per-session (default: per-session).")
  String dealing = "per-session";

  @Option(
      names = "--batching",
      description =
          "cross-as: on or off: one certificate per block instead of per transaction; needs"
              + " --dealing per-session (default: on with per-session dealing, off with per-tx).")
  String batching;

  @Option(
      names = "--kinds",
      split = ",",
      description =
          "cross-as: transfer, swap, message; requests cycle through the kinds given"
              + " (default: transfer).")
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
        "[sim cross-as] as="
            + ases
            + " n="
            + n
            + " transactions="
            + transactions
            + " faults="
            + options.faults()
            + " dealing="
            + dealing
            + " batching="
            + (options.batching() ? "on" : "off")
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
    Set<Fault> injected = EnumSet.noneOf(Fault.class);
    for (String name : faults) {
      try {
        injected.add(Fault.parse(name));
      } catch (IllegalArgumentException e) {
        throw new ParameterException(line, "unknown fault " + name);
      }
    }
    Set<Kind> chosen = CrossAsChoices.kinds(line, kinds);
    DealingContext.Mode mode = CrossAsChoices.dealing(line, dealing);
    String batchingMode =
        batching != null ? batching : mode == DealingContext.Mode.PER_SESSION ? "on" : "off";
    if (!batchingMode.equals("on") && !batchingMode.equals("off")) {
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
          batchingMode.equals("on"),
          chosen,
          injected,
          intervalMillis,
          deadlineMillis,
          maxSeconds * 1000,
          ases);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(line, e.getMessage());
    }
  }

  static String text(Summary s) {
    return String.format(
        Locale.ROOT,
        "seed %d: invariants %s, audit %s%n"
            + "transactions: %d submitted, %d unlocked, %d released, %d final on both sides%n"
            + "%s"
            + "latency (request to settlement on X, simulated ms): p50 %.1f, p95 %.1f, p99 %.1f%n"
            + "gateway rejections %s, provenance refusals %d%n"
            + "crypto: %d shares signed, %d certificates combined, %d proof signatures checked%n"
            + "%d events, %d ms virtual, trace %s%n%s",
        s.seed(),
        s.invariantsOk() ? "ok" : "VIOLATED",
        s.auditOk() ? "ok" : "FAILED",
        s.submitted(),
        s.unlocked(),
        s.released(),
        s.finalBothSides(),
        kindsText(s),
        s.p50Ms(),
        s.p95Ms(),
        s.p99Ms(),
        s.rejections(),
        s.provenanceRefused(),
        s.sharesSigned(),
        s.certificatesCombined(),
        s.signatureChecks(),
        s.events(),
        s.virtualMillis(),
        s.traceSha256(),
        s.violations().stream().map(v -> "violation: " + v + "\n").collect(Collectors.joining()));
  }

  /** One line per kind, then Y's release reasons; nothing for a transfer-only run. */
  private static String kindsText(Summary s) {
    if (s.byKind().keySet().equals(EnumSet.of(Kind.TRANSFER))) {
      return "";
    }
    StringBuilder out = new StringBuilder();
    s.byKind()
        .forEach(
            (kind, c) ->
                out.append(
                    String.format(
                        Locale.ROOT,
                        "  %s: %d submitted, %d unlocked, %d released, %d final on both sides%n",
                        cliName(kind),
                        c.submitted(),
                        c.unlocked(),
                        c.released(),
                        c.finalBothSides())));
    out.append(String.format(Locale.ROOT, "  releases by reason %s%n", s.releaseReasons()));
    return out.toString();
  }

  private static String cliName(Kind kind) {
    return kind.name().toLowerCase(Locale.ROOT);
  }

  private static String kindsJson(Summary s) {
    return s.byKind().entrySet().stream()
        .map(
            e ->
                String.format(
                    Locale.ROOT,
                    "%s:{\"submitted\":%d,\"unlocked\":%d,\"released\":%d,"
                        + "\"final_both_sides\":%d}",
                    quote(cliName(e.getKey())),
                    e.getValue().submitted(),
                    e.getValue().unlocked(),
                    e.getValue().released(),
                    e.getValue().finalBothSides()))
        .collect(Collectors.joining(",", "{", "}"));
  }

  static String json(Summary s) {
    return String.format(
        Locale.ROOT,
        "{\"seed\":%d,\"invariants_ok\":%b,\"audit_ok\":%b,\"violations\":%s,"
            + "\"transactions\":{\"submitted\":%d,\"unlocked\":%d,\"released\":%d,"
            + "\"final_both_sides\":%d},"
            + "\"kinds\":%s,\"release_reasons\":%s,"
            + "\"latency_ms\":{\"p50\":%.3f,\"p95\":%.3f,\"p99\":%.3f},"
            + "\"gateway_rejections\":%s,\"provenance_refused\":%d,"
            + "\"crypto\":{\"shares_signed\":%d,\"certificates_combined\":%d,"
            + "\"signature_checks\":%d},"
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
        kindsJson(s),
        s.releaseReasons().entrySet().stream()
            .map(e -> quote(e.getKey()) + ":" + e.getValue())
            .collect(Collectors.joining(",", "{", "}")),
        s.p50Ms(),
        s.p95Ms(),
        s.p99Ms(),
        s.rejections().entrySet().stream()
            .map(e -> quote(e.getKey()) + ":" + e.getValue())
            .collect(Collectors.joining(",", "{", "}")),
        s.provenanceRefused(),
        s.sharesSigned(),
        s.certificatesCombined(),
        s.signatureChecks(),
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
