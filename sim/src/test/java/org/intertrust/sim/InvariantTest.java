package org.intertrust.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.LongStream;
import org.intertrust.sim.example.RoundConfig;
import org.intertrust.sim.example.RoundLog;
import org.intertrust.sim.example.RoundMessage;
import org.intertrust.sim.example.RoundNode;
import org.intertrust.sim.example.RoundSimulations;
import org.intertrust.sim.trace.TraceMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** A broken invariant stops the run and reports the seed and the trace tail. */
class InvariantTest {
  private static final long MS = 1_000_000L;
  private static final int TAIL = 20;

  static LongStream seeds() {
    return RoundSimulations.seeds(10);
  }

  /** Breaks once the leader reaches round 5: a stand-in for "agreement" and its kin. */
  private static final Invariant<RoundMessage> LEADER_BELOW_ROUND_FIVE =
      view ->
          view.node(0)
              .map(node -> ((RoundNode) node).round())
              .filter(round -> round >= 5)
              .map(round -> List.of(new Violation("leader-below-5", "leader at round " + round)))
              .orElse(List.of());

  private static Simulation<RoundMessage> simulation(long seed, RoundLog log) {
    return RoundSimulations.build(
        seed,
        RoundConfig.of(7, 10),
        log,
        builder ->
            builder
                .network(RoundSimulations.faultyNetwork())
                .trace(TraceMode.HASH_AND_TAIL, TAIL)
                .invariant(LEADER_BELOW_ROUND_FIVE));
  }

  @ParameterizedTest(name = "seed={0}")
  @MethodSource("seeds")
  void violation_stopsTheRunRightAfterTheBreakingEvent(long seed) {
    RoundLog log = new RoundLog();
    Simulation<RoundMessage> simulation = simulation(seed, log);
    SimulationResult result = simulation.runFor(60_000 * MS);
    assertEquals(RunOutcome.INVARIANT_VIOLATED, result.outcome(), "seed=" + seed);
    assertEquals(4, log.lastRound(), "seed=" + seed + ": no event may run after the violation");
    assertEquals(seed, result.seed());
    assertEquals(
        List.of(new Violation("leader-below-5", "leader at round 5")), result.violations());
    assertEquals(TAIL, result.traceTail().size());
    String last = result.traceTail().get(TAIL - 1);
    assertTrue(last.contains("VIOLATION leader-below-5"), last);
    String lastDelivery =
        result.traceTail().stream()
            .filter(line -> line.contains(" RECV "))
            .reduce((a, b) -> b)
            .orElseThrow();
    assertTrue(lastDelivery.contains(" n0 RECV "), result.report());
  }

  @ParameterizedTest(name = "seed={0}")
  @MethodSource("seeds")
  void violation_reportNamesTheSeedAndTheTrace_andTheRunStaysStopped(long seed) {
    Simulation<RoundMessage> simulation = simulation(seed, new RoundLog());
    SimulationResult result = simulation.runFor(60_000 * MS);
    String report = result.report();
    assertTrue(report.startsWith("seed=" + seed + " outcome=INVARIANT_VIOLATED"), report);
    assertTrue(report.contains(result.traceTail().get(0)), report);
    SimulationException failure = assertThrows(SimulationException.class, result::throwIfViolated);
    assertEquals(seed, failure.seed());
    assertTrue(failure.getMessage().contains("VIOLATION leader-below-5"));
    SimulationResult again = simulation.runFor(1_000 * MS);
    assertEquals(RunOutcome.INVARIANT_VIOLATED, again.outcome());
    assertEquals(result.eventsProcessed(), again.eventsProcessed());
  }

  @ParameterizedTest(name = "seed={0}")
  @MethodSource("seeds")
  void sameSeed_violatesAtTheSameEvent(long seed) {
    SimulationResult first = simulation(seed, new RoundLog()).runFor(60_000 * MS);
    SimulationResult second = simulation(seed, new RoundLog()).runFor(60_000 * MS);
    assertEquals(first.traceTail(), second.traceTail(), "seed=" + seed);
    assertEquals(first.traceSha256(), second.traceSha256(), "seed=" + seed);
  }
}
