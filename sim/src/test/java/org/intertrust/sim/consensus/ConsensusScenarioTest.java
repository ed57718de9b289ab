package org.intertrust.sim.consensus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.intertrust.sim.consensus.ConsensusScenario.CpuMode;
import org.intertrust.sim.consensus.ConsensusScenario.Options;
import org.intertrust.sim.consensus.ConsensusScenario.Summary;
import org.junit.jupiter.api.Test;

class ConsensusScenarioTest {
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
