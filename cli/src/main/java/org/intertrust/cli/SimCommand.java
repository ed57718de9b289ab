package org.intertrust.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.intertrust.consensus.ConsensusConfig;
import org.intertrust.sim.consensus.Behaviour;
import org.intertrust.sim.consensus.ConsensusScenario;
import org.intertrust.sim.consensus.ConsensusScenario.CpuMode;
import org.intertrust.sim.consensus.ConsensusScenario.Summary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code intertrust sim}: one AS's consensus in the seeded simulator, with Byzantine replicas. */
@Command(
    name = "sim",
    mixinStandardHelpOptions = true,
    description = {
      "Simulate one AS's consensus, with Byzantine replicas, from a seed.",
      "",
      "n replicas (f of them Byzantine) run the real replica core in the seeded simulator over a",
      "10 ms network, with real keys and real BLS and Ed25519, until every honest replica has",
      "committed --rounds blocks. Agreement, monotonic heights and vote uniqueness are checked",
      "after every event. Exit code 0 if the invariants held, 1 if one broke (the run stops",
      "there), 2 for a usage error."
    })
final class SimCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--n", description = "Replicas (default: ${DEFAULT-VALUE}).")
  int n = 4;

  @Option(names = "--f", description = "Byzantine replicas, at most (n-1)/3 (default: the most).")
  Integer f;

  @Option(
      names = "--byzantine",
      split = ",",
      description =
          "Behaviours, assigned round-robin to the f Byzantine replicas: silent, equivocate,"
              + " bad-shares, fork-votes, withhold, non-member, malformed (default: silent).")
  List<String> byzantine = List.of("silent");

  @Option(names = "--rounds", description = "Blocks to commit (default: ${DEFAULT-VALUE}).")
  int rounds = 100;

  @Option(names = "--seed", description = "Simulation seed (default: ${DEFAULT-VALUE}).")
  long seed = 1;

  @Option(
      names = "--cpu",
      description =
          "Crypto cost model: fixed (reference medians; replays exactly), measured-table (timed"
              + " on this machine at start-up), free (default: ${DEFAULT-VALUE}).")
  String cpu = "fixed";

  @Option(
      names = "--max-seconds",
      description = "Virtual-time limit in seconds (default: ${DEFAULT-VALUE}).")
  long maxSeconds = 600;

  @Option(names = "--json", description = "Print one JSON object instead of a summary.")
  boolean json;

  @Override
  public Integer call() {
    ConsensusScenario.Options options = options();
    PrintWriter err = spec.commandLine().getErr();
    err.println("[sim] n=" + n + " f=" + options.f() + " byzantine=" + byzantine + " seed=" + seed);
    err.flush();
    Summary summary = ConsensusScenario.run(options);
    PrintWriter out = spec.commandLine().getOut();
    out.print(json ? SimOutput.json(summary) : SimOutput.text(summary));
    out.flush();
    return summary.invariantsOk() ? 0 : 1;
  }

  private ConsensusScenario.Options options() {
    if (n < 1 || n > 2048) {
      throw new ParameterException(spec.commandLine(), "--n must be in 1..2048");
    }
    int faults = f == null ? ConsensusConfig.faults(n) : f;
    if (faults < 0 || faults > ConsensusConfig.faults(n)) {
      throw new ParameterException(
          spec.commandLine(), "--f must be in 0.." + ConsensusConfig.faults(n) + " for n=" + n);
    }
    if (rounds < 1 || maxSeconds < 1) {
      throw new ParameterException(spec.commandLine(), "--rounds and --max-seconds must be > 0");
    }
    List<Behaviour> behaviours = new ArrayList<>();
    for (String name : byzantine) {
      try {
        behaviours.add(Behaviour.parse(name));
      } catch (IllegalArgumentException e) {
        throw new ParameterException(spec.commandLine(), "unknown --byzantine behaviour " + name);
      }
    }
    CpuMode mode;
    try {
      mode = CpuMode.valueOf(cpu.toUpperCase(Locale.ROOT).replace('-', '_'));
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), "unknown --cpu " + cpu);
    }
    return new ConsensusScenario.Options(
        n, faults, behaviours, rounds, seed, mode, maxSeconds * 1000);
  }
}
