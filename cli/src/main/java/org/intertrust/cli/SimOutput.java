package org.intertrust.cli;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.intertrust.sim.consensus.ConsensusScenario.LedgerSummary;
import org.intertrust.sim.consensus.ConsensusScenario.Summary;

/** Renders a consensus simulation summary as text or as one JSON object. */
final class SimOutput {
  private SimOutput() {}

  static String text(Summary s) {
    return String.format(
        Locale.ROOT,
        "seed %d, n=%d, f=%d, byzantine %s%n"
            + "committed rounds   %d (every honest replica)%n"
            + "round latency ms   mean %.2f  p50 %.2f  p99 %.2f%n"
            + "view changes       %d%n"
            + "rejections         %s%n"
            + "undecodable bytes  %s%n"
            + "cpu model          %s%n"
            + "events %d, virtual time %d ms, trace sha256 %s%n"
            + "%s"
            + "invariants         %s%n",
        s.seed(),
        s.n(),
        s.f(),
        s.byzantine(),
        s.committedRounds(),
        s.meanMs(),
        s.p50Ms(),
        s.p99Ms(),
        s.viewChanges(),
        s.rejections(),
        new java.util.TreeMap<>(s.undecodable()),
        s.cpuModel(),
        s.events(),
        s.virtualMillis(),
        s.traceSha256(),
        s.ledger().map(SimOutput::ledgerText).orElse("ledger             off\n"),
        s.invariantsOk() ? "ok" : "VIOLATED " + s.violations());
  }

  private static String ledgerText(LedgerSummary l) {
    return String.format(
        Locale.ROOT,
        "transactions       %d submitted, %d committed, %d rejected by execution%n"
            + "state hash         %s at height %d, honest replicas %s%n"
            + "execution certs    %d heights certified (f+1)%n"
            + "crashed, restarted %s%n",
        l.transactionsSubmitted(),
        l.transactionsCommitted(),
        l.transactionsRejected(),
        l.stateHash(),
        l.executedHeight(),
        l.stateHashesAgree() ? "agree" : "DISAGREE",
        l.certifiedHeights(),
        l.crashed());
  }

  private static String ledgerJson(LedgerSummary l) {
    return String.format(
        Locale.ROOT,
        ",\"ledger\":true,\"transactions_submitted\":%d,\"transactions_committed\":%d,"
            + "\"transactions_rejected\":%d,\"executed_height\":%d,\"state_hash\":\"%s\","
            + "\"state_hashes_agree\":%b,\"certified_heights\":%d,\"crashed\":%s",
        l.transactionsSubmitted(),
        l.transactionsCommitted(),
        l.transactionsRejected(),
        l.executedHeight(),
        l.stateHash(),
        l.stateHashesAgree(),
        l.certifiedHeights(),
        l.crashed());
  }

  static String json(Summary s) {
    return String.format(
        Locale.ROOT,
        "{\"seed\":%d,\"n\":%d,\"f\":%d,\"byzantine\":%s,\"invariants_ok\":%b,\"violations\":%s,"
            + "\"committed_rounds\":%d,\"view_changes\":%d,"
            + "\"round_latency_ms\":{\"mean\":%.3f,\"p50\":%.3f,\"p99\":%.3f},"
            + "\"cpu_model\":%s,\"events\":%d,\"virtual_ms\":%d,\"trace_sha256\":\"%s\"%s}%n",
        s.seed(),
        s.n(),
        s.f(),
        strings(s.byzantine()),
        s.invariantsOk(),
        strings(s.violations()),
        s.committedRounds(),
        s.viewChanges(),
        s.meanMs(),
        s.p50Ms(),
        s.p99Ms(),
        quote(s.cpuModel()),
        s.events(),
        s.virtualMillis(),
        s.traceSha256(),
        s.ledger().map(SimOutput::ledgerJson).orElse(",\"ledger\":false"));
  }

  private static String strings(List<String> values) {
    return values.stream().map(SimOutput::quote).collect(Collectors.joining(",", "[", "]"));
  }

  private static String quote(String value) {
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
