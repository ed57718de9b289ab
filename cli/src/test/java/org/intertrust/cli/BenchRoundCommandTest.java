package org.intertrust.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BenchRoundCommandTest {
  private static final Pattern POINT =
      Pattern.compile(
          "\\{\"n\":(\\d+),\"fault_ratio\":\"(\\d+/\\d+)\",\"f\":\\d+,\"k\":\\d+,"
              + "\"mean_ms\":([0-9.]+),\"p50_ms\":[0-9.]+,\"p99_ms\":[0-9.]+,"
              + "\"baseline_mean_ms\":([0-9.]+)");

  @Test
  void json_hasOnePointPerListedSizeAndRatio_andWritesCsvAndPng(@TempDir Path out)
      throws Exception {
    CliRun run =
        CliRun.of(
            "bench",
            "round",
            "--json",
            "--n",
            "16,22",
            "--fault-ratio",
            "1/6,1/3",
            "--rounds",
            "2",
            "--out",
            out.toString());
    assertEquals(0, run.exitCode(), run.err());
    assertTrue(run.out().startsWith("{\"points\":["), run.out());
    Matcher matcher = POINT.matcher(run.out());
    StringBuilder seen = new StringBuilder();
    while (matcher.find()) {
      seen.append(matcher.group(1)).append(' ').append(matcher.group(2)).append(';');
      double mean = Double.parseDouble(matcher.group(3));
      assertTrue(mean >= 30, "three 10 ms delays at least: " + mean);
      assertTrue(Double.parseDouble(matcher.group(4)) >= 30, run.out());
    }
    assertEquals("16 1/6;16 1/3;22 1/6;22 1/3;", seen.toString());
    List<String> csv = Files.readAllLines(out.resolve(BenchRoundCommand.CSV_FILE));
    assertEquals(5, csv.size(), csv.toString());
    assertTrue(csv.get(0).startsWith("n,fault_ratio,f,k,mean_ms"), csv.get(0));
    byte[] png = Files.readAllBytes(out.resolve(BenchRoundCommand.PNG_FILE));
    assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, Arrays.copyOf(png, 4), "a PNG file");
    assertTrue(run.err().contains("[bench round] measured at start-up"), run.err());
  }

  @Test
  void table_namesTheCpuModelAndBothCertificates() {
    CliRun run =
        CliRun.of(
            "bench",
            "round",
            "--n",
            "7",
            "--fault-ratio",
            "1/3",
            "--rounds",
            "1",
            "--faulty-behaviour",
            "bad-shares");
    assertEquals(0, run.exitCode(), run.err());
    assertTrue(run.out().contains("cpu model: cost-table"), run.out());
    assertTrue(run.out().contains("faulty replicas bad-shares"), run.out());
    assertTrue(run.out().contains("2f+1 commit certificate"), run.out());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "--fault-ratio=1/2, '(0, 1/3]'",
    "--fault-ratio=one-third, must look like 1/3",
    "--n=abc, 'abc'",
    "--n=3, n must be in 4..2048",
    "'--n=64,5000', got 5000",
    "--rounds=0, rounds must be at least 1",
    "--faulty-behaviour=loud, unknown --faulty-behaviour loud",
    "--cpu-timing=wall, unknown --cpu-timing wall"
  })
  void badInput_isAUsageErrorWithExitCode2_andSaysWhatIsWrong(String option, String message) {
    CliRun run = CliRun.of("bench", "round", option);
    assertEquals(2, run.exitCode(), run.err());
    assertTrue(run.err().startsWith("intertrust bench round: "), run.err());
    assertTrue(run.err().contains(message), run.err());
    assertEquals("", run.out());
  }
}
