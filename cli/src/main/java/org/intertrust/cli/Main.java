package org.intertrust.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * The top-level {@code intertrust} command and the process entry point.
 *
 * <p>Exit codes follow picocli's {@link CommandLine.ExitCode}: {@code 0} success, {@code 1} the
 * command failed, {@code 2} usage error. A failure prints one line on standard error; the stack
 * trace only with {@code --verbose}, which every subcommand accepts.
 */
@Command(
    name = "intertrust",
    mixinStandardHelpOptions = true,
    versionProvider = VersionInfo.class,
    description = "InterTrust: atomic interoperability between permissioned blockchains.",
    subcommands = {
      VersionCommand.class,
      DemoCommand.class,
      InitCommand.class,
      ReplicaCommand.class,
      GatewayCommand.class,
      TxCommand.class,
      BalanceCommand.class,
      BenchCommand.class,
      SimCommand.class
    })
public final class Main implements Callable<Integer> {
  /** Name of the option that turns on stack traces for failures. */
  static final String VERBOSE_OPTION = "--verbose";

  @Spec private CommandSpec spec;

  /**
   * Declares {@code --verbose} on every command. {@link FailureHandler} reads it from the parse
   * result, because an inherited option can be given at any level of the command.
   */
  @Option(
      names = VERBOSE_OPTION,
      scope = ScopeType.INHERIT,
      description = "Print the stack trace when a command fails.")
  private boolean verbose;

  /** Created by picocli. */
  public Main() {}

  /**
   * Runs the command line and exits the JVM with its exit code.
   *
   * @param args the command-line arguments
   */
  public static void main(String[] args) {
    System.exit(newCommandLine().execute(args));
  }

  /**
   * Builds the full command tree with the project's error handling installed.
   *
   * @return a fresh command line, ready for {@link CommandLine#execute(String...)}
   */
  public static CommandLine newCommandLine() {
    CommandLine commandLine = new CommandLine(new Main());
    commandLine.setParameterExceptionHandler(new UsageErrorHandler());
    commandLine.setExecutionExceptionHandler(new FailureHandler());
    return commandLine;
  }

  /** Called without a subcommand: a usage error. */
  @Override
  public Integer call() {
    return MissingSubcommand.report(spec);
  }
}
