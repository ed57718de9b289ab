package org.intertrust.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class DemoCommandTest {
  @TempDir Path data;

  @Test
  @Timeout(180)
  void json_reportsTheAuditAndTransfersFinalOnBothSides() throws Exception {
    CliRun run =
        CliRun.of(
            "demo",
            "--transactions",
            "4",
            "--rate",
            "20",
            "--seed",
            "3",
            "--data",
            data.toString(),
            "--json");
    assertEquals(0, run.exitCode(), run.err() + run.out());
    String json = run.out();
    assertTrue(json.startsWith("{\"audit_ok\":true,\"invariants_ok\":true,"), json);
    assertTrue(
        json.contains(
            "\"transactions\":{\"submitted\":4,\"unlocked\":4,\"released\":0,"
                + "\"final_both_sides\":4}"),
        json);
    assertTrue(json.matches("(?s).*\"latency_ms\":\\{\"p50\":[1-9][0-9.]*,.*"), json);
    assertTrue(json.matches("(?s).*\"throughput_tps\":[0-9.]+,.*"), json);
    assertTrue(Files.isDirectory(data.resolve("node-0")), "RocksDB folder of node 0");
    assertTrue(run.err().contains("[demo]"), run.err());
  }

  @Test
  void refusesMoreByzantineReplicasThanTheFaultBound() {
    CliRun run = CliRun.of("demo", "--n", "4", "--byzantine", "2");
    assertEquals(2, run.exitCode());
    assertTrue(run.err().contains("--byzantine"), run.err());
  }
}
