package org.intertrust.sim.consensus;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.intertrust.sim.consensus.ConsensusScenario.CpuMode;
import org.intertrust.sim.consensus.ConsensusScenario.Options;
import org.intertrust.sim.consensus.ConsensusScenario.Summary;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * An honest leader crashes just before its round and comes back a second later from its persisted
 * safety state: the others time out, change view, and keep committing; the restarted replica
 * catches up (liveness is measured over every honest replica, the crashed one included).
 */
class LeaderCrashTest {
  private static final long MILLIS = 1_000_000L;

  static Stream<Arguments> clusters() {
    List<Arguments> out = new ArrayList<>();
    for (int n : new int[] {4, 7, 10}) {
      for (long seed = 0; seed < 3; seed++) {
        out.add(Arguments.of(n, seed));
      }
    }
    return out.stream();
  }

  @ParameterizedTest(name = "n={0} seed={1}")
  @MethodSource("clusters")
  void leaderCrashingBeforeItsRound_causesAViewChange_thenProgress(int n, long seed) {
    int leaderOfRound3 = 3 % n;
    Summary summary =
        ConsensusScenario.run(
            new Options(n, 0, List.of(), 12, seed, CpuMode.FIXED, 30_000),
            simulation -> {
              simulation.crashAt(leaderOfRound3, 40 * MILLIS);
              simulation.restartAt(leaderOfRound3, 1_040 * MILLIS);
            });
    assertTrue(summary.invariantsOk(), "seed " + seed + ": " + summary.violations());
    assertTrue(summary.viewChanges() >= 1, "seed " + seed + ": no view change");
    assertTrue(summary.committedRounds() >= 12, "seed " + seed + ": " + summary);
  }
}
