package org.intertrust.sim.consensus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.intertrust.consensus.ConsensusConfig;
import org.intertrust.sim.consensus.ConsensusScenario.CpuMode;
import org.intertrust.sim.consensus.ConsensusScenario.LedgerOptions;
import org.intertrust.sim.consensus.ConsensusScenario.LedgerSummary;
import org.intertrust.sim.consensus.ConsensusScenario.Options;
import org.intertrust.sim.consensus.ConsensusScenario.Summary;
import org.intertrust.sim.storage.CrashLoss;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The ledger on the simulated AS: signed client transfers ordered by consensus with exactly f
 * Byzantine replicas, or f honest replicas crashed and restarted; every run checks after every
 * event that honest replicas execute to equal state hashes, that supply is conserved and that
 * execution certificates verify. {@code -Dintertrust.long=true} runs the larger matrix.
 */
class LedgerScenarioTest {
  private static final boolean LONG = Boolean.getBoolean("intertrust.long");

  static Stream<Arguments> byzantineClusters() {
    if (!LONG) {
      return Stream.of(
          Arguments.of(4, Behaviour.EQUIVOCATE, 12L), Arguments.of(7, Behaviour.BAD_SHARES, 14L));
    }
    List<Arguments> all = new ArrayList<>();
    for (int n : new int[] {4, 7}) {
      for (Behaviour behaviour : Behaviour.values()) {
        all.add(Arguments.of(n, behaviour, 100L + n + behaviour.ordinal()));
      }
    }
    return all.stream();
  }

  @ParameterizedTest(name = "n={0} {1} seed={2}")
  @MethodSource("byzantineClusters")
  void signedTransfers_areCommittedAndExecutedAlike_withExactlyFByzantine(
      int n, Behaviour behaviour, long seed) {
    int rounds = 30;
    Summary summary =
        ConsensusScenario.run(
            new Options(
                n,
                ConsensusConfig.faults(n),
                List.of(behaviour),
                rounds,
                seed,
                CpuMode.FIXED,
                60_000,
                LedgerOptions.workload(200)));
    LedgerSummary ledger = summary.ledger().orElseThrow();
    assertTrue(summary.invariantsOk(), "seed " + seed + ": " + summary.violations());
    assertTrue(ledger.stateHashesAgree(), "seed " + seed + ": " + ledger);
    assertTrue(ledger.executedHeight() >= rounds, "seed " + seed + ": " + ledger);
    assertEquals(64, ledger.stateHash().length(), ledger.toString());
    assertTrue(
        ledger.transactionsCommitted() >= ledger.transactionsSubmitted() * 3 / 4,
        "seed " + seed + ": " + ledger);
    assertEquals(0, ledger.transactionsRejected(), "no nonce gaps, no double spends: " + ledger);
    assertTrue(ledger.certifiedHeights() >= rounds / 2, "seed " + seed + ": " + ledger);
  }

  @Test
  void sameSeed_givesTheSameTraceAndStateHash_anotherSeedAnotherState() {
    Options options =
        new Options(4, 0, List.of(), 10, 7, CpuMode.FIXED, 30_000, LedgerOptions.workload(300));
    Summary first = ConsensusScenario.run(options);
    Summary again = ConsensusScenario.run(options);
    assertEquals(first.traceSha256(), again.traceSha256());
    assertEquals(first.ledger(), again.ledger());
    Summary other =
        ConsensusScenario.run(
            new Options(
                4, 0, List.of(), 10, 8, CpuMode.FIXED, 30_000, LedgerOptions.workload(300)));
    assertNotEquals(
        first.ledger().orElseThrow().stateHash(), other.ledger().orElseThrow().stateHash());
  }

  static Stream<Arguments> crashes() {
    List<Arguments> all = new ArrayList<>();
    all.add(Arguments.of(4, CrashLoss.ALL_UNFLUSHED, 500L, 21L));
    all.add(Arguments.of(4, CrashLoss.NONE, 500L, 22L));
    if (LONG) {
      all.add(Arguments.of(4, CrashLoss.RANDOM_PREFIX, 500L, 23L));
      all.add(Arguments.of(7, CrashLoss.ALL_UNFLUSHED, 500L, 24L));
      all.add(Arguments.of(7, CrashLoss.RANDOM_PREFIX, 500L, 25L));
      all.add(Arguments.of(4, CrashLoss.ALL_UNFLUSHED, 16_000L, 26L));
    }
    return all.stream();
  }

  @ParameterizedTest(name = "n={0} {1} down {2} ms seed={3}")
  @MethodSource("crashes")
  void fCrashedReplicas_restartFromStorage_catchUp_andReachTheSameStateHash(
      int n, CrashLoss loss, long downMillis, long seed) {
    int f = ConsensusConfig.faults(n);
    int rounds = (int) (30 + downMillis / 40);
    Summary summary =
        ConsensusScenario.run(
            new Options(
                n,
                0,
                List.of(),
                rounds,
                seed,
                CpuMode.FIXED,
                120_000,
                LedgerOptions.workload(200).withCrashes(f, loss, 500, 500 + downMillis)));
    LedgerSummary ledger = summary.ledger().orElseThrow();
    assertTrue(summary.invariantsOk(), loss + " seed " + seed + ": " + summary.violations());
    assertEquals(f, ledger.crashed().size(), ledger.toString());
    assertEquals(f, ledger.recoveredHeights().size(), "each restart recovered: " + ledger);
    assertTrue(
        ledger.recoveredHeights().stream().allMatch(h -> h > 0),
        "blocks survived the crash in storage: " + ledger);
    assertTrue(ledger.stateHashesAgree(), ledger.toString());
    assertTrue(ledger.executedHeight() >= rounds, "restarted replicas caught up: " + ledger);
    assertTrue(ledger.transactionsCommitted() > 100, ledger.toString());
  }
}
