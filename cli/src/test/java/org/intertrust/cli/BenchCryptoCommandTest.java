package org.intertrust.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class BenchCryptoCommandTest {
  private static final String[] OPERATIONS = {
    "sign_partial", "verify", "combine", "identify_bad", "deal", "deal_cold"
  };

  @Test
  void json_listsEveryOperationWithAPositiveMedian() {
    CliRun run =
        CliRun.of(
            "bench",
            "crypto",
            "--json",
            "--n",
            "7",
            "--k",
            "3",
            "--iterations",
            "1",
            "--warmup",
            "0");
    assertEquals(0, run.exitCode(), run.err());
    assertTrue(run.out().startsWith("{\"results\":["), run.out());
    for (String operation : OPERATIONS) {
      Matcher matcher =
          Pattern.compile(
                  "\"operation\":\""
                      + operation
                      + "\",\"n\":\\d+,\"k\":\\d+,\"median_ms\":([0-9.]+)")
              .matcher(run.out());
      assertTrue(matcher.find(), operation + " missing in " + run.out());
      assertTrue(Double.parseDouble(matcher.group(1)) > 0, operation);
    }
    assertTrue(run.err().contains("[bench crypto] combine"), "progress goes to stderr");
  }

  @Test
  void table_hasAHeaderAndTheMachine() {
    CliRun run =
        CliRun.of(
            "bench",
            "crypto",
            "--n",
            "4",
            "--k",
            "2",
            "--iterations",
            "1",
            "--warmup",
            "0",
            "--warmup-seconds",
            "0");
    assertEquals(0, run.exitCode(), run.err());
    assertTrue(run.out().startsWith("operation"), run.out());
    assertTrue(run.out().contains("identify_bad"));
    assertTrue(run.out().contains("machine:"));
  }

  @Test
  void thresholdAboveGroupSize_isAUsageError() {
    CliRun run = CliRun.of("bench", "crypto", "--n", "4", "--k", "5");
    assertEquals(2, run.exitCode());
    assertTrue(run.err().contains("k <= n"), run.err());
  }
}
