package org.intertrust.cli;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ExitCode;

class FailureHandlerTest {

  /** A subcommand that always fails, standing in for a real command that hits an error. */
  @Command(name = "fail")
  static final class FailingCommand implements Runnable {
    @Override
    public void run() {
      throw new IllegalStateException("key store is locked");
    }
  }

  /** A subcommand that fails with an exception that carries no message. */
  @Command(name = "fail-silently")
  static final class SilentlyFailingCommand implements Runnable {
    @Override
    public void run() {
      throw new UnsupportedOperationException();
    }
  }

  private static CommandLine commandLineWithFailingCommands() {
    CommandLine commandLine = Main.newCommandLine();
    commandLine.addSubcommand(new FailingCommand());
    commandLine.addSubcommand(new SilentlyFailingCommand());
    return commandLine;
  }

  @Test
  void failure_printsOneLineWithoutStackTraceAndExitsOne() {
    CliRun run = CliRun.of(commandLineWithFailingCommands(), "fail");

    assertAll(
        () -> assertEquals(ExitCode.SOFTWARE, run.exitCode()),
        () -> assertEquals(1, run.err().lines().count(), run.err()),
        () -> assertTrue(run.err().startsWith("intertrust fail: key store is locked"), run.err()),
        () -> assertTrue(run.err().contains(Main.VERBOSE_OPTION), run.err()),
        () -> assertFalse(run.err().contains("\tat "), run.err()),
        () -> assertEquals("", run.out()));
  }

  @Test
  void failureWithoutMessage_namesTheExceptionType() {
    CliRun run = CliRun.of(commandLineWithFailingCommands(), "fail-silently");

    assertAll(
        () -> assertEquals(ExitCode.SOFTWARE, run.exitCode()),
        () -> assertEquals(1, run.err().lines().count(), run.err()),
        () -> assertTrue(run.err().contains("UnsupportedOperationException"), run.err()));
  }

  static List<List<String>> verboseArguments() {
    return List.of(List.of("--verbose", "fail"), List.of("fail", "--verbose"));
  }

  @ParameterizedTest
  @MethodSource("verboseArguments")
  void failureWithVerbose_printsTheStackTrace(List<String> args) {
    CliRun run = CliRun.of(commandLineWithFailingCommands(), args.toArray(String[]::new));

    assertAll(
        () -> assertEquals(ExitCode.SOFTWARE, run.exitCode()),
        () -> assertTrue(run.err().startsWith("intertrust fail: key store is locked"), run.err()),
        () -> assertTrue(run.err().contains("java.lang.IllegalStateException"), run.err()),
        () -> assertTrue(run.err().contains("\tat "), run.err()));
  }
}
