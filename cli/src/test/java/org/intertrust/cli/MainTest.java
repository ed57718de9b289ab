package org.intertrust.cli;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import picocli.CommandLine.ExitCode;

class MainTest {

  @Test
  void help_listsSubcommandsAndExitsZero() {
    CliRun run = CliRun.of("--help");

    assertAll(
        () -> assertEquals(ExitCode.OK, run.exitCode()),
        () -> assertTrue(run.out().contains("Usage: intertrust"), run.out()),
        () -> assertTrue(run.out().contains("version"), run.out()),
        () -> assertTrue(run.out().contains("bench"), run.out()),
        () -> assertTrue(run.out().contains(Main.VERBOSE_OPTION), run.out()),
        () -> assertEquals("", run.err()));
  }

  @Test
  void noArguments_printsUsageOnStderrAndExitsWithUsageError() {
    CliRun run = CliRun.of();

    assertAll(
        () -> assertEquals(ExitCode.USAGE, run.exitCode()),
        () -> assertTrue(run.err().startsWith("intertrust: missing subcommand"), run.err()),
        () ->
            assertTrue(
                run.err()
                    .contains("balance, bench, demo, gateway, init, replica, sim, tx, version"),
                run.err()),
        () -> assertTrue(run.err().contains("Usage: intertrust"), run.err()),
        () -> assertEquals("", run.out()));
  }

  @Test
  void unknownOption_exitsWithUsageErrorAndNamesTheOption() {
    CliRun run = CliRun.of("--no-such-option");

    assertAll(
        () -> assertEquals(ExitCode.USAGE, run.exitCode()),
        () -> assertTrue(run.err().contains("Unknown option: '--no-such-option'"), run.err()),
        () -> assertTrue(run.err().contains("Try 'intertrust --help'"), run.err()),
        () -> assertEquals("", run.out()));
  }

  @Test
  void unknownSubcommand_exitsWithUsageErrorAndSuggestsTheClosestOne() {
    CliRun run = CliRun.of("versoin");

    assertAll(
        () -> assertEquals(ExitCode.USAGE, run.exitCode()),
        () -> assertTrue(run.err().contains("'versoin'"), run.err()),
        () -> assertTrue(run.err().contains("version"), run.err()),
        () -> assertEquals("", run.out()));
  }

  @Test
  void unknownOptionOfSubcommand_namesTheSubcommandInTheHint() {
    CliRun run = CliRun.of("version", "--no-such-option");

    assertAll(
        () -> assertEquals(ExitCode.USAGE, run.exitCode()),
        () -> assertTrue(run.err().startsWith("intertrust version: "), run.err()),
        () -> assertTrue(run.err().contains("Try 'intertrust version --help'"), run.err()));
  }

  @Test
  void benchWithoutSubcommand_printsBenchUsageOnStderrAndExitsWithUsageError() {
    CliRun run = CliRun.of("bench");

    assertAll(
        () -> assertEquals(ExitCode.USAGE, run.exitCode()),
        () -> assertTrue(run.err().startsWith("intertrust bench: missing subcommand"), run.err()),
        () -> assertTrue(run.err().contains("Usage: intertrust bench"), run.err()),
        () -> assertEquals("", run.out()));
  }

  @Test
  void benchHelp_exitsZero() {
    CliRun run = CliRun.of("bench", "--help");

    assertAll(
        () -> assertEquals(ExitCode.OK, run.exitCode()),
        () -> assertTrue(run.out().contains("Usage: intertrust bench"), run.out()));
  }
}
