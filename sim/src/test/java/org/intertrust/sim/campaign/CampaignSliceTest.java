package org.intertrust.sim.campaign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.intertrust.sim.crossas.CrossAsScenario;
import org.intertrust.sim.crossas.CrossAsScenario.Fault;
import org.junit.jupiter.api.Test;

/**
 * The slice of the campaign the default build runs (under a minute on two cores), and the campaign
 * itself under {@code -Pcampaign} ({@code intertrust.campaign}): {@value #CAMPAIGN_SEEDS} seeds of
 * {@value #CAMPAIGN_TRANSACTIONS} transactions, at least 10,000 cross-AS transactions.
 *
 * <p>Both draw from every fault. (The slice once left {@code loss} out while byzantine with loss
 * stalled consensus; ADR 0016 fixed that.)
 */
class CampaignSliceTest {
  private static final boolean CAMPAIGN = Boolean.getBoolean("intertrust.campaign");
  static final int CAMPAIGN_SEEDS = 1_000;
  static final int CAMPAIGN_TRANSACTIONS = 10;
  private static final Set<Fault> SLICE_POOL = EnumSet.copyOf(CrossAsScenario.IMPLEMENTED_FAULTS);

  @Test
  void slice_holdsEveryInvariantAndIsTheSameOnOneThreadOrTwo() {
    CampaignDraw.Space space = new CampaignDraw.Space(3, 2, CrossAsScenario.MAX_ASES, SLICE_POOL);
    List<RunOutcome> seen = new ArrayList<>();
    List<RunOutcome> outcomes = Campaign.run(new Campaign.Settings(1, 2, space, 2), seen::add);
    CampaignReport report = new CampaignReport(outcomes);
    assertEquals(2, seen.size(), "progress hears every run");
    assertEquals(List.of(1L, 2L), outcomes.stream().map(o -> o.draw().seed()).toList());
    assertTrue(report.invariantsOk(), () -> failures(report));
    assertEquals(6, report.transactions());
    assertEquals(report.transactions(), report.finalBothSides());
    RunOutcome again = Campaign.runOne(outcomes.get(0).draw());
    assertEquals(outcomes.get(0).traceSha256(), again.traceSha256());
    assertEquals(outcomes.get(0).events(), again.events());
  }

  @Test
  void campaign_underTheProfile_runsTenThousandTransactions() {
    org.junit.jupiter.api.Assumptions.assumeTrue(CAMPAIGN, "-Pcampaign only");
    CampaignDraw.Space space = CampaignDraw.Space.everything(CAMPAIGN_TRANSACTIONS);
    int threads = Runtime.getRuntime().availableProcessors();
    CampaignReport report =
        new CampaignReport(
            Campaign.run(new Campaign.Settings(1, CAMPAIGN_SEEDS, space, threads), o -> {}));
    assertTrue(report.transactions() >= 10_000, () -> report.transactions() + " transactions");
    assertTrue(report.invariantsOk(), () -> failures(report));
  }

  private static String failures(CampaignReport report) {
    StringBuilder out = new StringBuilder();
    report
        .failureGroups()
        .forEach(
            (signature, runs) -> {
              out.append(signature).append(": ").append(runs.size()).append(" seeds\n");
              runs.forEach(r -> out.append("  ").append(r.draw().command()).append('\n'));
              runs.get(0).violations().stream()
                  .limit(5)
                  .forEach(v -> out.append("    ").append(v).append('\n'));
            });
    return out.toString();
  }
}
