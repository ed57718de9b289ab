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
import org.intertrust.sim.consensus.ConsensusScenario.LedgerOptions;
import org.intertrust.sim.consensus.ConsensusScenario.Summary;
import org.intertrust.sim.storage.CrashLoss;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code intertrust sim}: one AS's consensus in the seeded simulator, with Byzantine replicas. */
@Command(
    name = "sim",
    mixinStandardHelpOptions = true,
    subcommands = CampaignCommand.class,
    description = {
      "Simulate one AS's consensus, with Byzantine replicas, from a seed.",
      "",
      "n replicas (f of them Byzantine) run the real replica core in the seeded simulator over a",
      "10 ms network, with real keys and real BLS and Ed25519, until every honest replica has",
      "committed --rounds blocks. Clients send signed transfers (--tx-rate); every replica",
      "executes what it commits, and f+1 execution shares combine into a certificate per",
      "height. Agreement, monotonic heights, vote uniqueness, equal state hashes, supply",
      "conservation and valid certificates are checked after every event. Exit code 0 if the",
      "invariants held, 1 if one broke (the run stops there), 2 for a usage error."
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

  @Option(
      names = "--tx-rate",
      description = "Client transfers per second of virtual time (default: ${DEFAULT-VALUE}).")
  int txRate = 100;

  @Option(
      names = "--no-ledger",
      description = "Consensus only: empty payloads, no execution (the paper's Fig. 4 setting).")
  boolean noLedger;

  @Option(
      names = "--crash",
      description =
          "Honest replicas to crash at 0.5 s and restart at 1.5 s of virtual time; with the"
              + " Byzantine ones at most (n-1)/3 (default: ${DEFAULT-VALUE}).")
  int crash;

  @Option(
      names = "--crash-loss",
      description =
          "What a crash loses: all-unflushed, random-prefix or none (default: ${DEFAULT-VALUE}).")
  String crashLoss = "all-unflushed";

  @Option(names = "--json", description = "Print one JSON object instead of a summary.")
  boolean json;

  @Option(
      names = "--scenario",
      description =
          "one-as (this AS's consensus and ledger) or cross-as (two ASs with gateways running"
              + " cross-AS transfers; see the cross-as options) (default: ${DEFAULT-VALUE}).")
  String scenario = "one-as";

  @picocli.CommandLine.Mixin CrossAsSimCommand crossAs = new CrossAsSimCommand();

  @Override
  public Integer call() {
    if (scenario.equals("cross-as")) {
      return crossAs.run(spec, n, seed, maxSeconds, json);
    }
    if (!scenario.equals("one-as")) {
      throw new ParameterException(spec.commandLine(), "--scenario is one-as or cross-as");
    }
    for (String option : CrossAsSimCommand.OWN_OPTIONS) {
      if (spec.commandLine().getParseResult().hasMatchedOption(option)) {
        throw new ParameterException(
            spec.commandLine(), option + " applies to --scenario cross-as only");
      }
    }
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
        n, faults, behaviours, rounds, seed, mode, maxSeconds * 1000, ledger(faults));
  }

  private LedgerOptions ledger(int faults) {
    if (txRate < 0 || txRate > 100_000) {
      throw new ParameterException(spec.commandLine(), "--tx-rate must be in 0..100000");
    }
    if (crash < 0 || faults + crash > ConsensusConfig.faults(n)) {
      throw new ParameterException(
          spec.commandLine(),
          "--crash plus --f must be at most " + ConsensusConfig.faults(n) + " for n=" + n);
    }
    if (noLedger) {
      if (crash > 0) {
        throw new ParameterException(spec.commandLine(), "--crash needs the ledger");
      }
      return LedgerOptions.OFF;
    }
    CrashLoss loss;
    try {
      loss = CrashLoss.valueOf(crashLoss.toUpperCase(Locale.ROOT).replace('-', '_'));
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), "unknown --crash-loss " + crashLoss);
    }
    return LedgerOptions.workload(txRate).withCrashes(crash, loss, 500, 1_500);
  }
}
