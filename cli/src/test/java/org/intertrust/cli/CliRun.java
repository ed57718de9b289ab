package org.intertrust.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** The outcome of one in-process run of the command line: exit code and captured output. */
record CliRun(int exitCode, String out, String err) {

  /** Runs the real command tree with the given arguments. */
  static CliRun of(String... args) {
    return of(Main.newCommandLine(), args);
  }

  /** Runs the given command line with the given arguments, capturing both output streams. */
  static CliRun of(CommandLine commandLine, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.setErr(new PrintWriter(err, true));
    int exitCode = commandLine.execute(args);
    return new CliRun(exitCode, out.toString(), err.toString());
  }
}
