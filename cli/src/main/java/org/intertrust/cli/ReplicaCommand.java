package org.intertrust.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.intertrust.node.ops.Network;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code intertrust replica --config FILE}: one replica process (see docs/OPERATIONS.md). */
@Command(
    name = "replica",
    mixinStandardHelpOptions = true,
    versionProvider = VersionInfo.class,
    description =
        "Run one replica from its configuration (written by init) until SIGTERM; /health,"
            + " /metrics and the client API over HTTP.")
public final class ReplicaCommand implements Callable<Integer> {
  @Option(names = "--config", required = true, description = "The replica's YAML file.")
  Path config;

  @Override
  public Integer call() throws Exception {
    return NodeCommand.run(config, Network.Role.REPLICA);
  }
}
