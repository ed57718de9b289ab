package org.intertrust.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/** Reports a parent command (such as {@code bench}) that was called without a subcommand. */
final class MissingSubcommand {
  private MissingSubcommand() {}

  /**
   * Prints which subcommands exist and the command's usage on standard error.
   *
   * @param spec the parent command that was called alone
   * @return the usage-error exit code
   */
  static int report(CommandSpec spec) {
    CommandLine commandLine = spec.commandLine();
    PrintWriter err = commandLine.getErr();
    List<String> names = spec.subcommands().keySet().stream().sorted().collect(Collectors.toList());
    String available =
        names.isEmpty()
            ? "none is available in this build yet"
            : "choose one of: " + String.join(", ", names);
    err.println(
        commandLine
            .getColorScheme()
            .errorText(spec.qualifiedName() + ": missing subcommand; " + available));
    commandLine.usage(err);
    err.flush();
    return spec.exitCodeOnInvalidInput();
  }
}
