package org.intertrust.cli;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.ExitCode;

class VersionCommandTest {

  @Test
  void version_printsIntertrustVersionJavaVersionAndPlatform() {
    CliRun run = CliRun.of("version");
    String[] lines = run.out().split("\\R");

    assertAll(
        () -> assertEquals(ExitCode.OK, run.exitCode()),
        () -> assertEquals(3, lines.length, run.out()),
        () -> assertTrue(lines[0].matches("intertrust \\S.*"), lines[0]),
        () ->
            assertTrue(lines[1].startsWith("java " + System.getProperty("java.version")), lines[1]),
        () -> assertTrue(lines[2].endsWith(" " + System.getProperty("os.arch")), lines[2]),
        () -> assertEquals("", run.err()));
  }

  @Test
  void versionOption_printsTheSameLinesAsTheVersionCommand() {
    assertEquals(CliRun.of("version").out(), CliRun.of("--version").out());
  }

  @Test
  void versionInfo_usesTheManifestVersionWhenPresent() {
    String[] lines = new VersionInfo(Optional.of("1.2.3")).getVersion();

    assertEquals("intertrust 1.2.3", lines[0]);
  }

  @Test
  void versionInfo_saysUnknownWhenNotRunFromTheJar() {
    String[] lines = new VersionInfo(Optional.empty()).getVersion();

    assertEquals("intertrust " + VersionInfo.UNKNOWN_VERSION, lines[0]);
  }

  @Test
  void versionInfo_alwaysHasVersionJavaAndOsLines() {
    String[] lines = new VersionInfo(Optional.of("9")).getVersion();

    assertArrayEquals(
        new String[] {"intertrust", "java", "os"},
        new String[] {
          lines[0].split(" ")[0], lines[1].split(" ")[0], lines[2].split(" ")[0],
        });
  }
}
