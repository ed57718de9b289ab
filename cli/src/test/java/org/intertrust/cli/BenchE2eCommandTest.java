package org.intertrust.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class BenchE2eCommandTest {
  @Test
  void json_reportsBothModesWithThroughputAndLatency_andTheAuditPasses() {
    CliRun run =
        CliRun.of("bench", "e2e", "--rates", "4", "--warmup-s", "0", "--duration-s", "2", "--json");
    assertEquals(0, run.exitCode(), run.err() + run.out());
    assertTrue(run.out().startsWith("{\"command\":\"intertrust bench e2e "), run.out());
    assertTrue(run.out().contains("\"machine\":\""), run.out());
    for (String mode : new String[] {"batched", "per-tx"}) {
      Matcher matcher =
          Pattern.compile(
                  "\\{\"mode\":\""
                      + mode
                      + "\",\"offered_tps\":4,\"sustained\":(true|false),"
                      + "\"throughput_tps\":([0-9.]+),"
                      + "\"latency_ms\":\\{\"p50\":([0-9.]+),\"p95\":([0-9.]+),\"p99\":([0-9.]+)\\}")
              .matcher(run.out());
      assertTrue(matcher.find(), mode + " missing in " + run.out());
      assertTrue(
          Double.parseDouble(matcher.group(3)) <= Double.parseDouble(matcher.group(5)),
          "p50 <= p99");
    }
    assertTrue(run.out().contains("\"audit_ok\":true"), run.out());
    assertTrue(run.err().contains("[bench e2e] batched at 4/s"), "progress goes to stderr");
  }

  @Test
  void unknownMode_isAUsageError() {
    CliRun run = CliRun.of("bench", "e2e", "--modes", "fast");
    assertEquals(2, run.exitCode());
    assertTrue(run.err().contains("--modes are batched, per-tx"), run.err());
  }

  @Test
  void zeroRate_isAUsageError() {
    CliRun run = CliRun.of("bench", "e2e", "--rates", "0");
    assertEquals(2, run.exitCode());
    assertTrue(run.err().contains("need rates >= 1"), run.err());
  }
}
