package org.intertrust.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.intertrust.sim.campaign.Campaign;
import org.intertrust.sim.campaign.CampaignDraw;
import org.intertrust.sim.campaign.CampaignReport;
import org.intertrust.sim.campaign.RunOutcome;
import org.intertrust.sim.crossas.CrossAsScenario.Fault;
import org.junit.jupiter.api.Test;

class CampaignCommandTest {
  @Test
  void json_reportsSeedsTransactionsAndNoViolation() {
    CliRun run =
        CliRun.of(
            "sim",
            "campaign",
            "--seeds",
            "1",
            "--first-seed",
            "4",
            "--transactions",
            "2",
            "--faults",
            "replay",
            "--max-as",
            "2",
            "--threads",
            "1",
            "--json");
    assertEquals(0, run.exitCode(), run.err());
    assertTrue(
        run.out()
            .startsWith(
                "{\"seeds\":1,\"transactions\":2,\"violations\":[],\"invariants_ok\":true,"),
        run.out());
    assertTrue(run.err().contains("[campaign] 1/1 seeds, 2 transactions, 0 failing"), run.err());
  }

  @Test
  void draw_replaysExactlyFromItsCommand() {
    CampaignDraw draw =
        CampaignDraw.draw(
            3, new CampaignDraw.Space(2, 2, 3, EnumSet.of(Fault.REPLAY, Fault.PARTITION)));
    RunOutcome outcome = Campaign.runOne(draw);
    String[] words = draw.command().split(" ");
    String[] args = new String[words.length];
    System.arraycopy(words, 1, args, 0, words.length - 1);
    args[words.length - 1] = "--json";
    CliRun run = CliRun.of(args);
    assertEquals(0, run.exitCode(), run.err());
    Matcher trace = Pattern.compile("\"trace_sha256\":\"([0-9a-f]+)\"").matcher(run.out());
    assertTrue(trace.find(), run.out());
    assertEquals(outcome.traceSha256(), trace.group(1), draw.command());
  }

  @Test
  void json_listsEachFailingSeedWithItsCommand() {
    CampaignDraw draw = CampaignDraw.draw(9, CampaignDraw.Space.everything(2));
    RunOutcome failed =
        new RunOutcome(
            draw, 2, 1, 100, "ab", List.of("termination: tx \"1\" undecided", "atomicity: x"), 5);
    String json = CampaignOutput.json(new CampaignReport(List.of(failed)), 5, 2);
    assertTrue(
        json.startsWith("{\"seeds\":1,\"transactions\":2,\"violations\":[{\"seed\":9,"), json);
    assertTrue(json.contains("\"command\":\"" + draw.command() + "\""), json);
    assertTrue(json.contains("\"broken\":[\"atomicity\",\"termination\"]"), json);
    assertTrue(json.contains("\"termination: tx \\\"1\\\" undecided\""), json);
    assertTrue(json.contains("\"invariants_ok\":false"), json);
  }

  @Test
  void badSettings_areAUsageError() {
    assertEquals(2, CliRun.of("sim", "campaign", "--seeds", "0").exitCode());
    assertEquals(2, CliRun.of("sim", "campaign", "--max-as", "5").exitCode());
    assertEquals(2, CliRun.of("sim", "campaign", "--faults", "meteor").exitCode());
  }

  @Test
  void duration_readsAsMinutesAndHours() {
    assertEquals("3.4s", CampaignOutput.duration(3_400));
    assertEquals("2m03s", CampaignOutput.duration(123_000));
    assertEquals("1h02m03s", CampaignOutput.duration(3_723_000));
  }
}
