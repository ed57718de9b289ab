package org.intertrust.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Reports a usage error (unknown option, missing or bad argument) briefly: the problem, picocli's
 * "did you mean" suggestions if any, and where to find help. Exit code 2.
 */
final class UsageErrorHandler implements IParameterExceptionHandler {
  @Override
  public int handleParseException(ParameterException exception, String[] args) {
    CommandLine commandLine = exception.getCommandLine();
    CommandSpec spec = commandLine.getCommandSpec();
    PrintWriter err = commandLine.getErr();
    err.println(
        commandLine
            .getColorScheme()
            .errorText(spec.qualifiedName() + ": " + exception.getMessage()));
    UnmatchedArgumentException.printSuggestions(exception, err);
    err.println("Try '" + spec.qualifiedName() + " --help' for usage.");
    err.flush();
    CommandLine.IExitCodeExceptionMapper mapper = commandLine.getExitCodeExceptionMapper();
    return mapper != null ? mapper.getExitCode(exception) : spec.exitCodeOnInvalidInput();
  }
}
