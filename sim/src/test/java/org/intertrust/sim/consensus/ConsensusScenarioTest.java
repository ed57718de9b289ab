package org.intertrust.sim.consensus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.intertrust.consensus.ConsensusConfig;
import org.intertrust.sim.consensus.ConsensusScenario.CpuMode;
import org.intertrust.sim.consensus.ConsensusScenario.Options;
import org.intertrust.sim.consensus.ConsensusScenario.Summary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ConsensusScenarioTest {
  private static final boolean LONG = Boolean.getBoolean("intertrust.long");

  static Stream<Arguments> matrix() {
    List<Arguments> out = new ArrayList<>();
    int seeds = LONG ? 10 : 1;
    for (int n : new int[] {4, 7}) {
      for (Behaviour behaviour : Behaviour.values()) {
        for (long seed = 0; seed < seeds; seed++) {
          out.add(Arguments.of(n, behaviour, seed));
        }
      }
    }
    return out.stream();
  }

  @ParameterizedTest(name = "n={0} {1} seed={2}")
  @MethodSource("matrix")
  void exactlyFByzantineReplicas_keepTheInvariants_andTheClusterCommits(
      int n, Behaviour behaviour, long seed) {
    int f = ConsensusConfig.faults(n);
    Summary summary =
        ConsensusScenario.run(
            new Options(n, f, List.of(behaviour), 15, seed, CpuMode.FIXED, 20_000));
    assertTrue(summary.invariantsOk(), "seed " + seed + ": " + summary.violations());
    assertTrue(
        summary.committedRounds() >= 15,
        "seed " + seed + ": " + summary.committedRounds() + " rounds; " + summary);
  }

  @Test
  void sameSeed_givesTheSameTrace_andAnotherSeedAnotherOne() {
    Options options = new Options(4, 1, List.of(Behaviour.SILENT), 10, 42, CpuMode.FIXED, 10_000);
    Summary first = ConsensusScenario.run(options);
    Summary again = ConsensusScenario.run(options);
    assertEquals(first.traceSha256(), again.traceSha256());
    assertEquals(first.events(), again.events());
    Summary other =
        ConsensusScenario.run(
            new Options(4, 1, List.of(Behaviour.SILENT), 10, 43, CpuMode.FIXED, 10_000));
    assertNotEquals(first.traceSha256(), other.traceSha256());
  }

  @Test
  void honestRounds_takeThreeHopsPlusCrypto() {
    Summary summary =
        ConsensusScenario.run(new Options(4, 0, List.of(), 20, 1, CpuMode.FIXED, 10_000));
    assertTrue(summary.invariantsOk());
    assertTrue(summary.p50Ms() >= 30 && summary.p50Ms() < 60, "p50 " + summary.p50Ms());
    assertEquals(0, summary.viewChanges());
  }

  @Test
  void moreThanFByzantine_isRefused() {
    assertThrows(
        IllegalArgumentException.class,
        () -> new Options(4, 2, List.of(Behaviour.SILENT), 10, 1, CpuMode.FIXED, 1000));
  }
}
