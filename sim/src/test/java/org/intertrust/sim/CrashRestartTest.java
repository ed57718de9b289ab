package org.intertrust.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.intertrust.sim.ScriptedNode.Received;
import org.intertrust.sim.example.RoundConfig;
import org.intertrust.sim.example.RoundLog;
import org.intertrust.sim.example.RoundMessage;
import org.intertrust.sim.example.RoundNode;
import org.intertrust.sim.example.RoundSimulations;
import org.intertrust.sim.storage.CrashLoss;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Crashes discard the instance and (some) unflushed writes; restarts rebuild from storage. */
class CrashRestartTest {
  private static final long MS = 1_000_000L;

  static LongStream seeds() {
    return RoundSimulations.seeds(10);
  }

  /**
   * The leader commits rounds 1..5 by 100 ms (20 ms each), crashes at 105 ms, restarts at 200 ms.
   * Returns the first round the restarted leader commits.
   */
  private static int firstRoundAfterRestart(long seed, boolean flush, CrashLoss loss) {
    RoundLog log = new RoundLog();
    Simulation<RoundMessage> simulation =
        RoundSimulations.build(
            seed, RoundConfig.of(4, 10).withFlushOnCommit(flush), log, b -> b.crashLoss(loss));
    simulation.crashAt(0, 105 * MS);
    simulation.restartAt(0, 200 * MS);
    simulation.runFor(2_000 * MS);
    return log.commits().stream()
        .filter(c -> c.incarnation() == 1)
        .findFirst()
        .orElseThrow()
        .round();
  }

  @Test
  void crash_losesUnflushedWrites_restartedLeaderStartsOver() {
    assertEquals(1, firstRoundAfterRestart(1, false, CrashLoss.ALL_UNFLUSHED));
  }

  @Test
  void crash_keepsFlushedWrites_restartedLeaderResumes() {
    assertEquals(6, firstRoundAfterRestart(1, true, CrashLoss.ALL_UNFLUSHED));
  }

  @Test
  void crashWithoutLoss_keepsUnflushedWrites() {
    assertEquals(6, firstRoundAfterRestart(1, false, CrashLoss.NONE));
  }

  @ParameterizedTest(name = "seed={0}")
  @MethodSource("seeds")
  void randomPrefixLoss_keepsAPrefixOfTheUnflushedWrites(long seed) {
    int first = firstRoundAfterRestart(seed, false, CrashLoss.RANDOM_PREFIX);
    assertTrue(first >= 1 && first <= 6, "seed=" + seed + ": restarted at round " + first);
  }

  @Test
  void messagesToACrashedNode_areDropped_andTheQuorumStillCommits() {
    RoundLog log = new RoundLog();
    Simulation<RoundMessage> simulation =
        RoundSimulations.build(1, RoundConfig.of(4, 10), log, b -> b);
    simulation.crashAt(3, 0);
    SimulationResult result = simulation.runFor(2_000 * MS);
    assertEquals(10, log.lastRound());
    assertEquals(10, result.counters().get("messages.dropped_crashed_receiver"));
    assertFalse(simulation.isUp(3));
    assertTrue(simulation.node(3).isEmpty());
  }

  @Test
  void restart_buildsANewInstanceWithTheSameStorage_andOldTimersNeverFire() {
    List<Integer> incarnations = new ArrayList<>();
    List<Received> received = new ArrayList<>();
    Simulation<String> simulation =
        Simulation.<String>builder(1)
            .group(
                "nodes",
                1,
                (id, storage, incarnation) -> {
                  incarnations.add(incarnation);
                  assertEquals(incarnation > 0, storage.contains("k"));
                  return ScriptedNode.starting(
                      context -> {
                        context.storage().put("k", new byte[] {1});
                        context.storage().flush();
                        context.setTimer(50 * MS, "inc" + context.incarnation());
                      },
                      received);
                })
            .build();
    simulation.crashAt(0, 10 * MS);
    simulation.restartAt(0, 20 * MS);
    simulation.runFor(1_000 * MS);
    assertEquals(List.of(0, 1), incarnations);
    assertEquals(List.of(new Received(70 * MS, -1, "timer:inc1")), received);
  }

  @Test
  void sendsOfAHandlerStillRunningAtTheCrash_areLost() {
    List<Received> received = new ArrayList<>();
    Simulation<String> simulation =
        Simulation.<String>builder(1)
            .group(
                "nodes",
                2,
                (id, storage, incarnation) ->
                    ScriptedNode.starting(
                        context -> {
                          if (id == 0) {
                            context.charge(5 * MS);
                            context.send(1, "late");
                          }
                        },
                        received))
            .build();
    simulation.crashAt(0, 2 * MS);
    SimulationResult result = simulation.runFor(100 * MS);
    assertEquals(List.of(), received);
    assertEquals(1, result.counters().get("messages.dropped_crashed_sender"));
  }

  @Test
  void leaderStorage_recordsTheLastCommittedRound() {
    RoundLog log = new RoundLog();
    Simulation<RoundMessage> simulation =
        RoundSimulations.build(1, RoundConfig.of(4, 3), log, b -> b);
    simulation.runFor(1_000 * MS);
    byte[] committed = simulation.storage(0).get(RoundNode.COMMITTED_KEY).orElseThrow();
    assertEquals(3, java.nio.ByteBuffer.wrap(committed).getInt());
    assertEquals(0, simulation.storage(0).unflushedWrites());
  }
}
