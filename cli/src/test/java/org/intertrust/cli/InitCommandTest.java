package org.intertrust.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine.ExitCode;

/** {@code intertrust init} and the client commands' argument checks, without running nodes. */
class InitCommandTest {
  @TempDir Path folder;

  @Test
  void init_writesTheTestnet_thenRefusesToOverwriteIt() {
    Path out = folder.resolve("testnet");
    CliRun first =
        CliRun.of("init", "--as", "A:4", "--as", "B:4", "--gateways", "1", "--out", out.toString());
    assertEquals(0, first.exitCode(), first.err());
    assertTrue(first.out().contains("wrote a testnet of 10 processes"), first.out());
    assertTrue(Files.exists(out.resolve("config/gateway-B-0.yaml")));

    CliRun second = CliRun.of("init", "--as", "A:4", "--as", "B:4", "--out", out.toString());
    assertEquals(ExitCode.SOFTWARE, second.exitCode());
    assertTrue(second.err().contains("never overwrites"), second.err());
  }

  @Test
  void init_refusesUnequalOrMissingAses() {
    Path out = folder.resolve("t2");
    assertEquals(
        ExitCode.USAGE,
        CliRun.of("init", "--as", "A:4", "--as", "B:5", "--out", out.toString()).exitCode());
    assertEquals(
        ExitCode.USAGE, CliRun.of("init", "--as", "A:4", "--out", out.toString()).exitCode());
    assertEquals(
        ExitCode.USAGE,
        CliRun.of("init", "--as", "A:4", "--as", "B:4", "--gateways", "0", "--out", out.toString())
            .exitCode());
    assertTrue(Files.notExists(out));
  }

  @Test
  void balance_wantsExactlyOneOfKeyAndAccount() {
    CliRun run =
        CliRun.of("balance", "--network", folder.resolve("none.yaml").toString(), "--as", "A");
    assertEquals(ExitCode.USAGE, run.exitCode(), run.err());
  }

  @Test
  void replica_withAGatewayConfig_refusedWithoutStarting() {
    Path out = folder.resolve("t3");
    assertEquals(
        0,
        CliRun.of("init", "--as", "A:4", "--as", "B:4", "--gateways", "1", "--out", out.toString())
            .exitCode());
    CliRun run =
        CliRun.of("replica", "--config", out.resolve("config/gateway-A-0.yaml").toString());
    assertEquals(ExitCode.SOFTWARE, run.exitCode());
    assertTrue(run.err().contains("not a replica"), run.err());
  }
}
