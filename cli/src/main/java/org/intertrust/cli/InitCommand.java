package org.intertrust.cli;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.intertrust.node.ops.Testnet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code intertrust init}: writes a testnet (keys, certificates from a CA it makes, one YAML file
 * per process) into a new folder; never overwrites. See docs/OPERATIONS.md.
 */
@Command(
    name = "init",
    mixinStandardHelpOptions = true,
    versionProvider = VersionInfo.class,
    description =
        "Write a testnet: a CA and TLS certificates, protocol key seed, client account keys and"
            + " one YAML configuration per replica and gateway. Refuses to overwrite.")
public final class InitCommand implements Callable<Integer> {
  @Spec private CommandSpec spec;

  @Option(
      names = "--as",
      required = true,
      description = "An AS as NAME:REPLICAS, given twice (e.g. --as A:4 --as B:4).")
  List<String> ases = new ArrayList<>();

  @Option(names = "--gateways", description = "Gateways per AS (default: 2).")
  int gateways = 2;

  @Option(names = "--out", required = true, description = "The folder to write (new or empty).")
  Path out;

  @Option(
      names = "--hosts",
      split = ",",
      description =
          "Machines, node i on host i mod count (default: 127.0.0.1, every port on loopback).")
  List<String> hosts = new ArrayList<>(List.of("127.0.0.1"));

  @Option(
      names = "--base-port",
      description = "Node i: gRPC on BASE+i, HTTP on BASE+1000+i (default: 7000).")
  int basePort = 7000;

  @Override
  public Integer call() throws Exception {
    List<String> names = new ArrayList<>();
    List<Integer> sizes = new ArrayList<>();
    for (String as : ases) {
      int colon = as.lastIndexOf(':');
      if (colon <= 0) {
        throw new ParameterException(spec.commandLine(), "--as wants NAME:REPLICAS, not " + as);
      }
      names.add(as.substring(0, colon));
      try {
        sizes.add(Integer.parseInt(as.substring(colon + 1)));
      } catch (NumberFormatException e) {
        throw new ParameterException(spec.commandLine(), "--as wants NAME:REPLICAS, not " + as);
      }
    }
    if (sizes.size() != 2 || !sizes.get(0).equals(sizes.get(1))) {
      throw new ParameterException(
          spec.commandLine(), "give --as twice, with the same number of replicas (two ASs)");
    }
    Testnet.Spec testnet;
    try {
      testnet = new Testnet.Spec(names, sizes.get(0), gateways, hosts, basePort);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    List<Path> files = Testnet.init(testnet, out, new SecureRandom());
    var print = spec.commandLine().getOut();
    print.printf("wrote a testnet of %d processes into %s%n", files.size(), out);
    for (Path file : files) {
      print.printf("  %s%n", out.relativize(file));
    }
    print.printf(
        "start each with: intertrust replica|gateway --config FILE (see docs/OPERATIONS.md)%n");
    print.flush();
    return 0;
  }
}
