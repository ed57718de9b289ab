package org.intertrust.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.LongStream;
import org.intertrust.sim.example.RoundConfig;
import org.intertrust.sim.example.RoundLog;
import org.intertrust.sim.example.RoundMessage;
import org.intertrust.sim.example.RoundSimulations;
import org.intertrust.sim.network.Partition;
import org.intertrust.sim.trace.TraceMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The same seed gives a byte-identical trace; another seed gives another trace. */
class DeterminismTest {
  private static final long MS = 1_000_000L;

  /** 20 seeds by default, 500 with {@code -Plong}. */
  static LongStream seeds() {
    return RoundSimulations.seeds(Boolean.getBoolean("intertrust.long") ? 500 : 20);
  }

  /** A run with every kind of fault, so that every random stream is exercised. */
  private static SimulationResult run(long seed, TraceMode mode) {
    return simulation(seed, mode).runUntil(() -> false, 3_000 * MS);
  }

  private static Simulation<RoundMessage> simulation(long seed, TraceMode mode) {
    RoundConfig config = RoundConfig.of(7, 30).withFlushOnCommit(false);
    Simulation<RoundMessage> simulation =
        RoundSimulations.build(
            seed,
            config,
            new RoundLog(),
            builder -> builder.network(RoundSimulations.faultyNetwork()).trace(mode, 50));
    simulation.crashAt(0, 95 * MS);
    simulation.restartAt(0, 160 * MS);
    simulation.crashAt(3, 40 * MS);
    simulation.restartAt(3, 400 * MS);
    simulation.partition(Partition.isolating(1, 2), 200 * MS, 350 * MS);
    return simulation;
  }

  @ParameterizedTest(name = "seed={0}")
  @MethodSource("seeds")
  void sameSeed_givesIdenticalTraceHash(long seed) {
    SimulationResult first = run(seed, TraceMode.HASH_AND_TAIL);
    SimulationResult second = run(seed, TraceMode.HASH_AND_TAIL);
    assertEquals(first.traceSha256(), second.traceSha256(), "seed=" + seed);
    assertEquals(first.traceLines(), second.traceLines(), "seed=" + seed);
    assertEquals(first.counters(), second.counters(), "seed=" + seed);
    assertTrue(first.traceLines() > 100, "seed=" + seed + ": the run did too little");
  }

  @ParameterizedTest(name = "seed={0}")
  @MethodSource("seeds")
  void differentSeed_givesDifferentTraceHash(long seed) {
    assertNotEquals(
        run(seed, TraceMode.HASH_AND_TAIL).traceSha256(),
        run(seed + 1, TraceMode.HASH_AND_TAIL).traceSha256(),
        "seed=" + seed);
  }

  @ParameterizedTest(name = "seed={0}")
  @MethodSource("seeds")
  void hashIsTheSha256OfTheFullTraceText_inEveryKeepingMode(long seed) throws Exception {
    Simulation<RoundMessage> full = simulation(seed, TraceMode.FULL);
    SimulationResult result = full.runUntil(() -> false, 3_000 * MS);
    List<String> lines = full.trace().lines();
    StringBuilder text = new StringBuilder();
    lines.forEach(line -> text.append(line).append('\n'));
    String expected =
        HexFormat.of()
            .formatHex(
                MessageDigest.getInstance("SHA-256")
                    .digest(text.toString().getBytes(StandardCharsets.UTF_8)));
    assertEquals(expected, result.traceSha256(), "seed=" + seed);
    assertEquals(expected, run(seed, TraceMode.HASH_AND_TAIL).traceSha256(), "seed=" + seed);
    assertEquals(lines.subList(lines.size() - 50, lines.size()), result.traceTail());
  }
}
