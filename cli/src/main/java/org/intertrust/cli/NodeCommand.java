package org.intertrust.cli;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import org.intertrust.node.ops.FlatYaml;
import org.intertrust.node.ops.JsonLogFormatter;
import org.intertrust.node.ops.Network;
import org.intertrust.node.ops.NodeProcess;

/**
 * Runs one node process until SIGTERM (or SIGINT): structured logs on standard error, a graceful
 * shutdown from the JVM's shutdown hook; exit code 1 if the node's loop failed.
 */
final class NodeCommand {
  private NodeCommand() {}

  static int run(Path config, Network.Role role) throws Exception {
    int id = FlatYaml.read(config).requireInt("node", 0, Integer.MAX_VALUE);
    JsonLogFormatter.install(id, role.name().toLowerCase(java.util.Locale.ROOT));
    NodeProcess process = NodeProcess.start(config, role);
    CountDownLatch stopped = new CountDownLatch(1);
    JsonLogFormatter lastWords =
        new JsonLogFormatter(id, role.name().toLowerCase(java.util.Locale.ROOT));
    Thread hook =
        new Thread(
            () -> {
              process.close();
              // The JDK's own shutdown hook may already have closed the log handlers.
              java.util.logging.LogRecord record =
                  new java.util.logging.LogRecord(
                      java.util.logging.Level.INFO, "node " + id + " shut down cleanly");
              record.setLoggerName(NodeCommand.class.getName());
              System.err.print(lastWords.format(record));
              System.err.flush();
              stopped.countDown();
            },
            "shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    while (!stopped.await(1, java.util.concurrent.TimeUnit.SECONDS)) {
      if (process.failure().isPresent()) {
        Runtime.getRuntime().removeShutdownHook(hook);
        process.close();
        return 1;
      }
    }
    return 0;
  }
}
