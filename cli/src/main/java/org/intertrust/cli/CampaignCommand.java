package org.intertrust.cli;

import java.io.PrintWriter;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.intertrust.sim.campaign.Campaign;
import org.intertrust.sim.campaign.CampaignDraw;
import org.intertrust.sim.campaign.CampaignReport;
import org.intertrust.sim.campaign.RunOutcome;
import org.intertrust.sim.crossas.CrossAsScenario;
import org.intertrust.sim.crossas.CrossAsScenario.Fault;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code intertrust sim campaign}: many seeded cross-AS runs over random fault schedules. */
@Command(
    name = "campaign",
    mixinStandardHelpOptions = true,
    description = {
      "Run the cross-AS scenario over many seeds, each with a configuration and",
      "faults drawn from its seed.",
      "",
      "Each seed draws 2 to 4 ASs, n = 4 or 7, the kinds (all three mixed where",
      "the scenario runs them, else transfers), per-tx or per-session dealing,",
      "batching on or off, one or two gateways per AS, a random subset of the",
      "fault pool, sometimes a short deadline (so that transactions expire) and",
      "the request interval. The invariants of DESIGN.md section 5 are checked",
      "after every event and the audit at the end. Each failing seed prints the",
      "sim --scenario cross-as command that replays it exactly. Seeds run on",
      "--threads threads; the results do not depend on their number. Exit code",
      "0 if every seed held, 1 if one broke, 2 for a usage error."
    })
final class CampaignCommand implements Callable<Integer> {
  /** Violations of one seed printed or put in the JSON; the rest are counted. */
  static final int VIOLATIONS_SHOWN = 5;

  private static final long PROGRESS_EVERY_NANOS = 5_000_000_000L;

  @Spec CommandSpec spec;

  @Option(names = "--seeds", description = "Seeds to run (default: ${DEFAULT-VALUE}).")
  int seeds = 100;

  @Option(names = "--first-seed", description = "The first seed (default: ${DEFAULT-VALUE}).")
  long firstSeed = 1;

  @Option(
      names = "--transactions",
      description = "Cross-AS transactions per seed (default: ${DEFAULT-VALUE}).")
  int transactions = 10;

  @Option(names = "--min-as", description = "Fewest ASs a seed draws (default: ${DEFAULT-VALUE}).")
  int minAses = 2;

  @Option(names = "--max-as", description = "Most ASs a seed draws (default: ${DEFAULT-VALUE}).")
  int maxAses = CrossAsScenario.MAX_ASES;

  @Option(
      names = "--faults",
      split = ",",
      description =
          "The pool each seed draws faults from, each with probability 0.3, or none"
              + " (default: every fault of sim --scenario cross-as).")
  List<String> faults;

  @Option(
      names = "--threads",
      description = "Seeds run at once (default: the available processors).")
  int threads = Runtime.getRuntime().availableProcessors();

  @Option(names = "--json", description = "Print one JSON object instead of a summary.")
  boolean json;

  @Override
  public Integer call() {
    Campaign.Settings settings = settings();
    PrintWriter err = spec.commandLine().getErr();
    err.printf(
        Locale.ROOT,
        "[campaign] seeds %d..%d, %d transactions each, faults %s, %d threads%n",
        firstSeed,
        firstSeed + seeds - 1,
        transactions,
        settings.space().faults().stream().map(Fault::cliName).toList(),
        threads);
    err.flush();
    long start = System.nanoTime();
    Progress progress = new Progress(err, seeds, start);
    CampaignReport report = new CampaignReport(Campaign.run(settings, progress::onOutcome));
    long wallMillis = (System.nanoTime() - start) / 1_000_000;
    progress.finish();
    PrintWriter out = spec.commandLine().getOut();
    out.print(json ? CampaignOutput.json(report, wallMillis, threads) : text(report, wallMillis));
    out.flush();
    return report.invariantsOk() ? 0 : 1;
  }

  private Campaign.Settings settings() {
    if (seeds < 1 || transactions < 1 || threads < 1) {
      throw new ParameterException(
          spec.commandLine(), "--seeds, --transactions and --threads must be at least 1");
    }
    try {
      return new Campaign.Settings(
          firstSeed,
          seeds,
          new CampaignDraw.Space(transactions, minAses, maxAses, pool()),
          threads);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
  }

  private Set<Fault> pool() {
    if (faults == null) {
      return CrossAsScenario.IMPLEMENTED_FAULTS;
    }
    Set<Fault> pool = EnumSet.noneOf(Fault.class);
    for (String name : faults) {
      if (name.equals("none")) {
        continue;
      }
      try {
        pool.add(Fault.parse(name));
      } catch (IllegalArgumentException e) {
        throw new ParameterException(spec.commandLine(), "unknown fault " + name);
      }
    }
    return pool;
  }

  private String text(CampaignReport report, long wallMillis) {
    StringBuilder out = new StringBuilder();
    out.append(
        String.format(
            Locale.ROOT,
            "campaign: %d seeds (%d..%d), %d cross-AS transactions, %d final on both sides,"
                + " %d events, %s on %d threads%n",
            report.seeds(),
            firstSeed,
            firstSeed + seeds - 1,
            report.transactions(),
            report.finalBothSides(),
            report.events(),
            CampaignOutput.duration(wallMillis),
            threads));
    if (report.invariantsOk()) {
      return out.append("invariants: ok in every seed\n").toString();
    }
    out.append(
        String.format(Locale.ROOT, "invariants: VIOLATED in %d seeds%n", report.failures().size()));
    for (Map.Entry<String, List<RunOutcome>> group : report.failureGroups().entrySet()) {
      List<RunOutcome> runs = group.getValue();
      out.append(
          String.format(
              Locale.ROOT,
              "%s: %d seeds (%s)%n",
              group.getKey(),
              runs.size(),
              runs.stream()
                  .map(r -> Long.toString(r.draw().seed()))
                  .collect(Collectors.joining(", "))));
      RunOutcome first = runs.get(0);
      first.violations().stream()
          .limit(VIOLATIONS_SHOWN)
          .forEach(v -> out.append("    ").append(v).append('\n'));
      if (first.violations().size() > VIOLATIONS_SHOWN) {
        out.append(
            String.format(
                Locale.ROOT, "    ... %d more%n", first.violations().size() - VIOLATIONS_SHOWN));
      }
      for (RunOutcome run : runs) {
        out.append("  replay: ").append(run.draw().command()).append('\n');
      }
    }
    return out.toString();
  }

  /** Progress on standard error: every five seconds, and each failing seed at once. */
  private static final class Progress {
    private final PrintWriter err;
    private final int total;
    private final long start;
    private int done;
    private long transactions;
    private int failing;
    private long lastPrint;

    Progress(PrintWriter err, int total, long start) {
      this.err = err;
      this.total = total;
      this.start = start;
      this.lastPrint = start;
    }

    void onOutcome(RunOutcome outcome) {
      done++;
      transactions += outcome.submitted();
      if (!outcome.ok()) {
        failing++;
        err.printf(
            Locale.ROOT,
            "[campaign] seed %d FAILED %s: %s%n",
            outcome.draw().seed(),
            CampaignReport.signature(outcome),
            outcome.draw().command());
      }
      long now = System.nanoTime();
      if (now - lastPrint >= PROGRESS_EVERY_NANOS) {
        lastPrint = now;
        line(now);
      }
      err.flush();
    }

    void finish() {
      line(System.nanoTime());
      err.flush();
    }

    private void line(long now) {
      long elapsedMillis = (now - start) / 1_000_000;
      long leftMillis = done == 0 ? 0 : elapsedMillis * (total - done) / done;
      err.printf(
          Locale.ROOT,
          "[campaign] %d/%d seeds, %d transactions, %d failing, %s elapsed, about %s left%n",
          done,
          total,
          transactions,
          failing,
          CampaignOutput.duration(elapsedMillis),
          CampaignOutput.duration(leftMillis));
    }
  }
}
