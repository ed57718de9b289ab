package org.intertrust.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code intertrust bench}: the parent of the benchmark commands.
 *
 * <p>Each benchmark is a subcommand; adding one is one entry in {@code subcommands} below. Called
 * alone, the command prints the available benchmarks and its usage, and exits with the usage-error
 * code.
 */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    versionProvider = VersionInfo.class,
    description = "Run benchmarks of the InterTrust building blocks.",
    subcommands = {BenchCryptoCommand.class, BenchRoundCommand.class, BenchE2eCommand.class})
public final class BenchCommand implements Callable<Integer> {
  @Spec private CommandSpec spec;

  /** Created by picocli. */
  public BenchCommand() {}

  @Override
  public Integer call() {
    return MissingSubcommand.report(spec);
  }
}
