package org.intertrust.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import org.intertrust.sim.cpu.CpuCostTable;
import org.intertrust.sim.cpu.CpuModel;
import org.intertrust.sim.example.RoundConfig;
import org.intertrust.sim.example.RoundLog;
import org.intertrust.sim.example.RoundMessage;
import org.intertrust.sim.example.RoundSimulations;
import org.intertrust.sim.network.LinkProfile;
import org.intertrust.sim.network.NetworkModel;
import org.intertrust.sim.trace.TraceMode;
import org.junit.jupiter.api.Test;

/**
 * Throughput of the engine at the scale of the paper's Fig. 4: 800 replicas, a leader broadcast and
 * 799 replies per round, 100 rounds. Prints events per second; asserts only correctness, never a
 * time, so a slow machine cannot fail it.
 */
class EnginePerformanceTest {
  private static final long SEED = 800;
  private static final int N = 800;
  private static final int ROUNDS = 100;

  private static SimulationResult run(int rounds, TraceMode mode, CpuModel cpu, RoundLog log) {
    RoundConfig config = RoundConfig.of(N, rounds).withVerifyOperation(CpuCostTable.BLS_VERIFY);
    NetworkModel network = new NetworkModel(LinkProfile.reliable().withJitter(2_000_000));
    Simulation<RoundMessage> simulation =
        RoundSimulations.build(
            SEED, config, log, builder -> builder.network(network).cpu(cpu).trace(mode, 100));
    return simulation.runUntil(() -> log.lastRound() == rounds, Long.MAX_VALUE);
  }

  private static void report(String label, SimulationResult result, RoundLog log) {
    double seconds = result.wallNanos() / 1e9;
    System.out.printf(
        Locale.ROOT,
        "[sim perf] %s: n=%d rounds=%d events=%d wall=%.3fs events/s=%.0f"
            + " round latency %s; cpu model: %s%n",
        label,
        N,
        log.lastRound(),
        result.eventsProcessed(),
        seconds,
        result.eventsProcessed() / seconds,
        log.latency(),
        result.cpuModel());
  }

  @Test
  void leaderBroadcastAndRepliesAt800Replicas_printsEventsPerSecond() {
    run(ROUNDS, TraceMode.HASH_AND_TAIL, CpuModel.free(), new RoundLog());
    CpuModel verifyCosts =
        CpuModel.costTable(CpuCostTable.builder().fixed(CpuCostTable.BLS_VERIFY, 20_000).build());
    for (TraceMode mode : new TraceMode[] {TraceMode.HASH_AND_TAIL, TraceMode.OFF}) {
      for (CpuModel cpu : new CpuModel[] {CpuModel.free(), verifyCosts}) {
        RoundLog log = new RoundLog();
        SimulationResult result = run(ROUNDS, mode, cpu, log);
        assertEquals(ROUNDS, log.lastRound());
        report("trace=" + mode + " cpu=" + cpu.kind(), result, log);
      }
    }
  }
}
