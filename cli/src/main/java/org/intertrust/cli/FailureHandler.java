package org.intertrust.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns an exception thrown by a command into one line on standard error and exit code 1.
 *
 * <p>The stack trace follows only when {@code --verbose} was given, at any level of the command.
 */
final class FailureHandler implements IExecutionExceptionHandler {
  @Override
  public int handleExecutionException(
      Exception exception, CommandLine commandLine, ParseResult fullParseResult) {
    PrintWriter err = commandLine.getErr();
    boolean verbose = verboseRequested(fullParseResult);
    String line =
        commandLine.getCommandSpec().qualifiedName()
            + ": "
            + describe(exception)
            + (verbose ? "" : " (run with " + Main.VERBOSE_OPTION + " for the stack trace)");
    err.println(commandLine.getColorScheme().errorText(line));
    if (verbose) {
      exception.printStackTrace(err);
    }
    err.flush();
    return commandLine.getCommandSpec().exitCodeOnExecutionException();
  }

  private static boolean verboseRequested(ParseResult parseResult) {
    for (ParseResult level = parseResult; level != null; level = level.subcommand()) {
      if (level.hasMatchedOption(Main.VERBOSE_OPTION)) {
        return true;
      }
    }
    return false;
  }

  private static String describe(Exception exception) {
    String message = exception.getMessage();
    if (message == null || message.isBlank()) {
      return exception.getClass().getName();
    }
    return message;
  }
}
