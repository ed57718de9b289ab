package org.intertrust.sim.round;

import java.util.EnumMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import org.intertrust.crypto.bls.ShareIndex;
import org.intertrust.sim.RunOutcome;
import org.intertrust.sim.SimNode;
import org.intertrust.sim.Simulation;
import org.intertrust.sim.SimulationResult;
import org.intertrust.sim.cpu.CpuCostTable;
import org.intertrust.sim.cpu.CpuModel;
import org.intertrust.sim.network.LinkProfile;
import org.intertrust.sim.network.NetworkModel;
import org.intertrust.sim.trace.TraceMode;

/**
 * Runs rounds of one grid point. Each round is a fresh {@link Simulation} per {@link Combining},
 * all on the same real shares (computed once per round, {@link RoundShares}), under the CPU model
 * {@link CpuModel#costTable} with {@code costs} and the given {@link CpuTiming}. Under {@link
 * CpuTiming#COST_TABLE}, a round with silent faulty replicas replays exactly from {@code seed}.
 *
 * <p>A driver is one leader over consecutive rounds: each collector remembers the replicas it
 * blamed, and in later rounds sets their shares aside after decoding them, as a real leader would
 * stop trusting a replica caught sending a bad share. (A real one would fall back to them after a
 * timeout; rounds here have no timers, and the n - f &gt;= k honest shares always arrive.) Rounds
 * must therefore run in order for a run to replay.
 */
public final class RoundDriver {
  /** A round that has not ended after this much virtual time is a bug, not a slow round. */
  private static final long ROUND_LIMIT_NANOS = 600_000_000_000L;

  private final RoundSetup setup;
  private final CpuModel cpu;
  private final CpuTiming timing;
  private final long seed;
  private final Map<Combining, Set<ShareIndex>> suspects = new EnumMap<>(Combining.class);

  public RoundDriver(RoundSetup setup, CpuCostTable costs, CpuTiming timing, long seed) {
    this.setup = setup;
    this.cpu = CpuModel.costTable(costs);
    this.timing = timing;
    this.seed = seed;
    for (Combining combining : Combining.values()) {
      suspects.put(combining, new HashSet<>());
    }
  }

  /** The CPU model every round runs under, for the output. */
  public CpuModel cpu() {
    return cpu;
  }

  /** Runs round {@code round} once per combining in {@code combinings}, in enum order. */
  public Map<Combining, RoundOutcome> run(int round, Set<Combining> combinings) {
    RoundShares shares = new RoundShares(setup, timing, seed, round);
    Map<Combining, RoundOutcome> outcomes = new EnumMap<>(Combining.class);
    for (Combining combining : Combining.values()) {
      if (combinings.contains(combining)) {
        outcomes.put(combining, runOne(round, combining, shares));
      }
    }
    return outcomes;
  }

  private RoundOutcome runOne(int round, Combining combining, RoundShares shares) {
    RoundState state = new RoundState(setup);
    long roundSeed = new SplittableRandom(seed ^ (0x9E3779B97F4A7C15L * (round + 1))).nextLong();
    Simulation<RoundMessage> simulation =
        Simulation.<RoundMessage>builder(roundSeed)
            .group(
                "replicas",
                setup.n(),
                (id, storage, incarnation) -> node(id, combining, shares, state, roundSeed))
            .network(new NetworkModel(LinkProfile.fixedDelay(setup.delayNanos())))
            .cpu(cpu)
            .trace(TraceMode.OFF, 1)
            .build();
    SimulationResult result = simulation.runUntil(state::complete, ROUND_LIMIT_NANOS);
    if (result.outcome() != RunOutcome.CONDITION_MET) {
      throw new IllegalStateException(
          "round "
              + round
              + " ("
              + combining
              + ", seed "
              + seed
              + ") ended with "
              + result.outcome()
              + ": "
              + state.verified()
              + " of "
              + setup.honest()
              + " honest replicas verified");
    }
    return new RoundOutcome(
        combining,
        state.lastVerifiedAt(),
        state.verified(),
        state.signers(),
        state.blamed(),
        state.fastPath(),
        state.combineAttempts(),
        simulation.cpuNanos(RoundSetup.LEADER));
  }

  private SimNode<RoundMessage> node(
      int id, Combining combining, RoundShares shares, RoundState state, long roundSeed) {
    if (setup.isFaulty(id)) {
      return new FaultyReplica(id, setup.behaviour(), combining, timing, shares);
    }
    Optional<Collector> collector = Optional.empty();
    if (id == RoundSetup.LEADER) {
      collector =
          Optional.of(
              combining == Combining.OPTIMIZED
                  ? new FastCollector(
                      setup,
                      shares,
                      state,
                      timing,
                      new SplittableRandom(roundSeed),
                      suspects.get(combining))
                  : new BaselineCollector(setup, shares, state, timing, suspects.get(combining)));
    }
    return new HonestReplica(id, combining, timing, shares, state, collector);
  }
}
