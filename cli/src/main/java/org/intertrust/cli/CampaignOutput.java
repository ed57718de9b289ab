package org.intertrust.cli;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.intertrust.sim.campaign.CampaignReport;
import org.intertrust.sim.campaign.RunOutcome;
import org.intertrust.sim.crossas.CrossAsScenario.Fault;

/** The JSON and the durations {@code sim campaign} prints. */
final class CampaignOutput {
  private CampaignOutput() {}

  /**
   * {@code {"seeds":N,"transactions":M,"violations":[...],"invariants_ok":bool,...}}: one entry in
   * {@code violations} per failing seed, with its replay command, the invariants it broke, its
   * faults and its first violations.
   */
  static String json(CampaignReport report, long wallMillis, int threads) {
    return String.format(
        Locale.ROOT,
        "{\"seeds\":%d,\"transactions\":%d,\"violations\":%s,\"invariants_ok\":%b,"
            + "\"final_both_sides\":%d,\"events\":%d,\"wall_ms\":%d,\"threads\":%d}%n",
        report.seeds(),
        report.transactions(),
        report.failures().stream()
            .map(CampaignOutput::failure)
            .collect(Collectors.joining(",", "[", "]")),
        report.invariantsOk(),
        report.finalBothSides(),
        report.events(),
        wallMillis,
        threads);
  }

  private static String failure(RunOutcome run) {
    return String.format(
        Locale.ROOT,
        "{\"seed\":%d,\"command\":%s,\"broken\":%s,\"faults\":%s,\"violation_count\":%d,"
            + "\"violations\":%s}",
        run.draw().seed(),
        CrossAsSimCommand.quote(run.draw().command()),
        strings(List.copyOf(run.brokenInvariants())),
        strings(run.draw().options().faults().stream().map(Fault::cliName).toList()),
        run.violations().size(),
        strings(run.violations().stream().limit(CampaignCommand.VIOLATIONS_SHOWN).toList()));
  }

  private static String strings(List<String> values) {
    return values.stream().map(CrossAsSimCommand::quote).collect(Collectors.joining(",", "[", "]"));
  }

  /** {@code 1h02m03s}, {@code 2m03s} or {@code 3.4s}. */
  static String duration(long millis) {
    long seconds = millis / 1_000;
    if (seconds < 60) {
      return String.format(Locale.ROOT, "%.1fs", millis / 1_000.0);
    }
    if (seconds < 3_600) {
      return String.format(Locale.ROOT, "%dm%02ds", seconds / 60, seconds % 60);
    }
    return String.format(
        Locale.ROOT, "%dh%02dm%02ds", seconds / 3_600, seconds / 60 % 60, seconds % 60);
  }
}
