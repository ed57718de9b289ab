package org.intertrust.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CrossAsSimCommandTest {
  @Test
  void json_reportsTransfersFinalOnBothSides() {
    CliRun run =
        CliRun.of(
            "sim",
            "--scenario",
            "cross-as",
            "--as",
            "2",
            "--n",
            "4",
            "--transactions",
            "3",
            "--faults",
            "byzantine,replay",
            "--dealing",
            "per-session",
            "--seed",
            "7",
            "--json");
    assertEquals(0, run.exitCode(), run.err());
    String json = run.out();
    assertTrue(json.startsWith("{\"seed\":7,\"invariants_ok\":true,\"audit_ok\":true,"), json);
    assertTrue(json.contains("\"violations\":[]"), json);
    assertTrue(
        json.contains(
            "\"transactions\":{\"submitted\":3,\"unlocked\":3,\"released\":0,"
                + "\"final_both_sides\":3}"),
        json);
    assertTrue(json.matches("(?s).*\"latency_ms\":\\{\"p50\":[1-9][0-9.]*,.*"), json);
    assertTrue(json.matches("(?s).*\"crypto\":\\{\"shares_signed\":[1-9][0-9]*,.*"), json);
  }

  @Test
  void threeAsesWithARogueGateway_runAndReportTheRejections() {
    CliRun run =
        CliRun.of(
            "sim",
            "--scenario",
            "cross-as",
            "--as",
            "3",
            "--transactions",
            "3",
            "--faults",
            "unattested-gateway",
            "--seed",
            "5",
            "--json");
    assertEquals(0, run.exitCode(), run.err());
    assertTrue(run.out().contains("\"final_both_sides\":3}"), run.out());
    assertTrue(run.out().contains("\"ATTESTATION_UNATTESTED\":"), run.out());
  }

  @Test
  void batchingDefaultsFollowTheDealing_andPerTxDealingRunsWithoutBatching() {
    CliRun perTx =
        CliRun.of(
            "sim",
            "--scenario",
            "cross-as",
            "--transactions",
            "2",
            "--dealing",
            "per-tx",
            "--seed",
            "3");
    assertEquals(0, perTx.exitCode(), perTx.err());
    assertTrue(perTx.err().contains("batching=off"), perTx.err());
    CliRun defaults = CliRun.of("sim", "--scenario", "cross-as", "--transactions", "2");
    assertEquals(0, defaults.exitCode(), defaults.err());
    assertTrue(defaults.err().contains("dealing=per-session batching=on"), defaults.err());
  }

  @Test
  void json_reportsEachKindOfAMixedWorkload() {
    CliRun run =
        CliRun.of(
            "sim",
            "--scenario",
            "cross-as",
            "--kinds",
            "transfer,swap,message",
            "--transactions",
            "3",
            "--seed",
            "3",
            "--json");
    assertEquals(0, run.exitCode(), run.err());
    String json = run.out();
    assertTrue(json.contains("\"invariants_ok\":true,\"audit_ok\":true"), json);
    for (String kind : new String[] {"transfer", "swap", "message"}) {
      assertTrue(
          json.contains(
              "\""
                  + kind
                  + "\":{\"submitted\":1,\"unlocked\":1,\"released\":0,"
                  + "\"final_both_sides\":1}"),
          json);
    }
    assertTrue(json.contains("\"release_reasons\":{}"), json);
  }

  @Test
  void text_listsKindsAndReleaseReasons() {
    CliRun run =
        CliRun.of(
            "sim",
            "--scenario",
            "cross-as",
            "--kinds",
            "swap",
            "--transactions",
            "2",
            "--seed",
            "1");
    assertEquals(0, run.exitCode(), run.err());
    assertTrue(run.out().contains("  swap: 2 submitted, "), run.out());
    assertTrue(run.out().contains("releases by reason {"), run.out());
  }

  @Test
  void unimplementedChoices_areRefusedSayingSo() {
    CliRun unknown = CliRun.of("sim", "--scenario", "cross-as", "--kinds", "transfer,escrow");
    assertEquals(2, unknown.exitCode());
    assertTrue(unknown.err().contains("unknown kind escrow"), unknown.err());
    CliRun batching =
        CliRun.of("sim", "--scenario", "cross-as", "--dealing", "per-tx", "--batching", "on");
    assertEquals(2, batching.exitCode());
    assertTrue(batching.err().contains("needs --dealing per-session"), batching.err());
    CliRun five = CliRun.of("sim", "--scenario", "cross-as", "--as", "5");
    assertEquals(2, five.exitCode());
    assertTrue(five.err().contains("--as is 2 to 4"), five.err());
    CliRun mixed = CliRun.of("sim", "--transactions", "5");
    assertEquals(2, mixed.exitCode());
    assertTrue(mixed.err().contains("cross-as only"), mixed.err());
  }
}
