package org.intertrust.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SimCommandTest {
  @Test
  void json_reportsTheRunAndTheInvariants() {
    CliRun run =
        CliRun.of(
            "sim",
            "--n",
            "4",
            "--byzantine",
            "bad-shares",
            "--rounds",
            "5",
            "--seed",
            "3",
            "--json");
    assertEquals(0, run.exitCode(), run.err());
    String json = run.out();
    assertTrue(json.startsWith("{\"seed\":3,\"n\":4,\"f\":1,"), json);
    assertTrue(json.contains("\"invariants_ok\":true"), json);
    assertTrue(json.contains("\"violations\":[]"), json);
    assertTrue(json.contains("\"round_latency_ms\":{\"mean\":"), json);
    assertTrue(json.contains("\"view_changes\":"), json);
    assertTrue(json.matches("(?s).*\"committed_rounds\":([5-9]|\\d\\d+),.*"), json);
  }

  @Test
  void json_reportsCommittedTransactionsAndStateHashAgreement_afterACrashAndRestart() {
    CliRun run =
        CliRun.of(
            "sim",
            "--n",
            "4",
            "--f",
            "0",
            "--crash",
            "1",
            "--rounds",
            "40",
            "--tx-rate",
            "150",
            "--seed",
            "5",
            "--json");
    assertEquals(0, run.exitCode(), run.err());
    String json = run.out();
    assertTrue(json.contains("\"invariants_ok\":true"), json);
    assertTrue(json.contains("\"ledger\":true"), json);
    assertTrue(json.contains("\"state_hashes_agree\":true"), json);
    assertTrue(json.contains("\"crashed\":[0]"), json);
    assertTrue(json.matches("(?s).*\"state_hash\":\"[0-9a-f]{64}\".*"), json);
    assertTrue(json.matches("(?s).*\"transactions_committed\":[1-9]\\d+,.*"), json);
    assertTrue(json.matches("(?s).*\"executed_height\":([4-9]\\d|\\d{3,}),.*"), json);
  }

  @Test
  void noLedger_runsConsensusOnly_andTooManyCrashesIsAUsageError() {
    CliRun run = CliRun.of("sim", "--n", "4", "--rounds", "3", "--no-ledger", "--json");
    assertEquals(0, run.exitCode(), run.err());
    assertTrue(run.out().contains("\"ledger\":false"), run.out());
    CliRun crashes = CliRun.of("sim", "--n", "4", "--crash", "1");
    assertEquals(2, crashes.exitCode(), "f=1 Byzantine by default, plus a crash, exceeds f");
    assertTrue(crashes.err().contains("--crash plus --f"), crashes.err());
  }

  @Test
  void text_namesTheCpuModelAndTheInvariants() {
    CliRun run = CliRun.of("sim", "--n", "4", "--f", "0", "--rounds", "3");
    assertEquals(0, run.exitCode(), run.err());
    assertTrue(run.out().contains("cpu model          cost-table"), run.out());
    assertTrue(run.out().contains("invariants         ok"), run.out());
    assertTrue(run.out().contains("honest replicas agree"), run.out());
  }

  @Test
  void tooManyFaultsOrAnUnknownBehaviour_isAUsageError() {
    assertEquals(2, CliRun.of("sim", "--n", "4", "--f", "2").exitCode());
    CliRun unknown = CliRun.of("sim", "--byzantine", "sneaky");
    assertEquals(2, unknown.exitCode());
    assertTrue(unknown.err().contains("unknown --byzantine behaviour sneaky"), unknown.err());
  }
}
