package org.intertrust.sim.consensus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;
import org.intertrust.consensus.ConsensusConfig;
import org.intertrust.sim.consensus.ConsensusScenario.CpuMode;
import org.intertrust.sim.consensus.ConsensusScenario.LedgerOptions;
import org.intertrust.sim.consensus.ConsensusScenario.LedgerSummary;
import org.intertrust.sim.consensus.ConsensusScenario.Options;
import org.intertrust.sim.consensus.ConsensusScenario.Summary;
import org.intertrust.sim.storage.CrashLoss;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class LedgerScenarioTest {

  static Stream<Arguments> byzantineClusters() {
    return Stream.of(
        Arguments.of(4, Behaviour.SILENT, 11L),
        Arguments.of(4, Behaviour.EQUIVOCATE, 12L),
        Arguments.of(7, Behaviour.WITHHOLD, 13L),
        Arguments.of(7, Behaviour.BAD_SHARES, 14L));
  }

  @ParameterizedTest(name = "n={0} {1} seed={2}")
  @MethodSource("byzantineClusters")
  void signedTransfers_areCommittedAndExecutedAlike_withExactlyFByzantine(
      int n, Behaviour behaviour, long seed) {
    int f = ConsensusConfig.faults(n);
    Summary summary =
        ConsensusScenario.run(
            new Options(
                n,
                f,
                List.of(behaviour),
                40,
                seed,
                CpuMode.FIXED,
                30_000,
                LedgerOptions.workload(200)));
    LedgerSummary ledger = summary.ledger().orElseThrow();
    assertTrue(summary.invariantsOk(), "seed " + seed + ": " + summary.violations());
    assertTrue(ledger.stateHashesAgree(), "seed " + seed + ": " + ledger);
    assertTrue(ledger.executedHeight() >= 40, "seed " + seed + ": " + ledger);
    assertEquals(64, ledger.stateHash().length(), ledger.toString());
    assertTrue(
        ledger.transactionsCommitted() >= ledger.transactionsSubmitted() / 2,
        "seed " + seed + ": " + ledger);
    assertEquals(0, ledger.transactionsRejected(), ledger.toString());
    assertTrue(ledger.certifiedHeights() >= 40 / 2, "seed " + seed + ": " + ledger);
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(CrashLoss.class)
  void fCrashedReplicas_restartFromStorage_catchUp_andReachTheSameStateHash(CrashLoss loss) {
    int n = 4;
    Summary summary =
        ConsensusScenario.run(
            new Options(
                n,
                0,
                List.of(),
                60,
                21,
                CpuMode.FIXED,
                30_000,
                LedgerOptions.workload(200).withCrashes(1, loss, 700, 1_400)));
    LedgerSummary ledger = summary.ledger().orElseThrow();
    assertTrue(summary.invariantsOk(), loss + ": " + summary.violations());
    assertEquals(List.of(0), ledger.crashed());
    assertTrue(ledger.stateHashesAgree(), ledger.toString());
    assertTrue(ledger.executedHeight() >= 60, ledger.toString());
    assertTrue(ledger.transactionsCommitted() > 100, ledger.toString());
  }
}
