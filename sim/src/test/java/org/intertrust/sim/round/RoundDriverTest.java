package org.intertrust.sim.round;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.intertrust.crypto.bls.ShareIndex;
import org.intertrust.crypto.bls.ThresholdDealer;
import org.intertrust.sim.cpu.CpuCostTable;
import org.intertrust.sim.network.LinkProfile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RoundDriverTest {
  private static final long MS = 1_000_000L;
  private static final long SIGN = 200_000;
  private static final long DECODE_UNCHECKED = 2_000;
  private static final long DECODE = 80_000;
  private static final long VERIFY_PARTIAL = 1_100_000;
  private static final long VERIFY_CERTIFICATE = 1_200_000;
  private static final long COMBINE = 3 * MS;
  private static final long ONE_BY_ONE = 7 * MS;

  private static CpuCostTable fixedTable() {
    return RoundCosts.fixed(SIGN, DECODE_UNCHECKED, DECODE, VERIFY_PARTIAL, VERIFY_CERTIFICATE)
        .table(COMBINE, ONE_BY_ONE, "ns(fixed)");
  }

  private static Map<Combining, RoundOutcome> run(
      RoundSetup setup, CpuTiming timing, long seed, int round) {
    return new RoundDriver(setup, fixedTable(), timing, seed)
        .run(round, EnumSet.allOf(Combining.class));
  }

  @ParameterizedTest(name = "seed={0}")
  @ValueSource(longs = {1, 2, 3})
  void sameSeed_givesTheSameRounds(long seed) {
    RoundSetup setup = RoundSetup.deal(16, 5, 6, FaultyBehaviour.SILENT, seed);
    List<Map<Combining, RoundOutcome>> first = new ArrayList<>();
    List<Map<Combining, RoundOutcome>> second = new ArrayList<>();
    for (int round = 0; round < 3; round++) {
      first.add(run(setup, CpuTiming.COST_TABLE, seed, round));
      second.add(run(setup, CpuTiming.COST_TABLE, seed, round));
    }
    assertEquals(first, second, "seed " + seed);
  }

  @Test
  void roundEnds_whenEveryHonestReplicaVerified_afterThreeDelaysAndTheCriticalPathCrypto() {
    int n = 13;
    int f = 4;
    int k = f + 1;
    RoundSetup setup = RoundSetup.deal(n, f, k, FaultyBehaviour.SILENT, 5);
    Map<Combining, RoundOutcome> outcomes = run(setup, CpuTiming.COST_TABLE, 5, 0);
    long delays = 3 * LinkProfile.DEFAULT_DELAY_NANOS;
    RoundOutcome fast = outcomes.get(Combining.OPTIMIZED);
    assertEquals(n - f, fast.verifiedReplicas());
    assertEquals(
        delays + SIGN + (k - 1L) * DECODE_UNCHECKED + COMBINE + VERIFY_CERTIFICATE,
        fast.latencyNanos());
    RoundOutcome baseline = outcomes.get(Combining.BASELINE);
    assertEquals(n - f, baseline.verifiedReplicas());
    assertEquals(
        delays + SIGN + (k - 1L) * (DECODE + VERIFY_PARTIAL) + ONE_BY_ONE + VERIFY_CERTIFICATE,
        baseline.latencyNanos());
    assertTrue(fast.fastPath());
    assertEquals(List.of(), fast.blamed());
    for (ShareIndex signer : fast.signers()) {
      assertTrue(signer.value() == 1 || signer.value() > f + 1, "a silent replica signed");
    }
  }

  @Test
  void badShares_areBlamedOnExactlyTheFaultyReplicas_andTheRoundStillEnds() {
    int n = 10;
    int f = 3;
    RoundSetup setup = RoundSetup.deal(n, f, f + 1, FaultyBehaviour.BAD_SHARES, 9);
    Map<Combining, RoundOutcome> outcomes = run(setup, CpuTiming.COST_TABLE, 9, 0);
    List<ShareIndex> faulty = List.of(ShareIndex.of(2), ShareIndex.of(3), ShareIndex.of(4));
    for (RoundOutcome outcome : outcomes.values()) {
      assertEquals(n - f, outcome.verifiedReplicas(), outcome.combining().name());
      List<ShareIndex> blamed = new ArrayList<>(outcome.blamed());
      blamed.sort(null);
      assertEquals(faulty, blamed, outcome.combining().name());
      for (ShareIndex signer : outcome.signers()) {
        assertTrue(!faulty.contains(signer), "faulty signer " + signer);
      }
    }
    assertEquals(2, outcomes.get(Combining.OPTIMIZED).combineAttempts(), "one failed, one good");
    assertEquals(2, outcomes.get(Combining.BASELINE).combineAttempts(), "one failed, one good");
  }

  @Test
  void blamedReplicas_areSetAsideInLaterRounds_atTheCostOfDecodingTheirShares() {
    int n = 10;
    int f = 3;
    int k = f + 1;
    RoundSetup setup = RoundSetup.deal(n, f, k, FaultyBehaviour.BAD_SHARES, 11);
    RoundDriver driver = new RoundDriver(setup, fixedTable(), CpuTiming.COST_TABLE, 11);
    Map<Combining, RoundOutcome> first = driver.run(0, EnumSet.allOf(Combining.class));
    Map<Combining, RoundOutcome> second = driver.run(1, EnumSet.allOf(Combining.class));
    long delays = 3 * LinkProfile.DEFAULT_DELAY_NANOS;
    RoundOutcome fast = second.get(Combining.OPTIMIZED);
    assertEquals(List.of(), fast.blamed());
    assertEquals(1, fast.combineAttempts());
    assertEquals(
        delays + SIGN + (f + k - 1L) * DECODE_UNCHECKED + COMBINE + VERIFY_CERTIFICATE,
        fast.latencyNanos());
    RoundOutcome baseline = second.get(Combining.BASELINE);
    assertEquals(List.of(), baseline.blamed());
    assertEquals(
        delays
            + SIGN
            + f * DECODE
            + (k - 1L) * (DECODE + VERIFY_PARTIAL)
            + ONE_BY_ONE
            + VERIFY_CERTIFICATE,
        baseline.latencyNanos());
    for (Combining combining : Combining.values()) {
      assertTrue(
          second.get(combining).latencyNanos() < first.get(combining).latencyNanos(),
          combining.name());
    }
  }

  @Test
  void perCallTiming_endsEveryRound_andBlamesOnlyFaultyReplicas() {
    int n = 10;
    int f = 3;
    RoundSetup setup = RoundSetup.deal(n, f, f + 1, FaultyBehaviour.BAD_SHARES, 4);
    for (int round = 0; round < 3; round++) {
      for (RoundOutcome outcome : run(setup, CpuTiming.PER_CALL, 4, round).values()) {
        assertEquals(n - f, outcome.verifiedReplicas());
        for (ShareIndex blamed : outcome.blamed()) {
          assertTrue(blamed.value() >= 2 && blamed.value() <= f + 1, "honest blamed: " + blamed);
        }
      }
    }
  }

  @Test
  void baseline_isSlowerThanOptimized_underCostsMeasuredOnThisMachine() {
    RoundSetup setup = RoundSetup.deal(40, 13, 14, FaultyBehaviour.SILENT, 3);
    RoundCosts costs = RoundCosts.measure(setup);
    Map<Combining, RoundOutcome> outcomes =
        new RoundDriver(setup, costs.table(setup), CpuTiming.COST_TABLE, 3)
            .run(0, EnumSet.allOf(Combining.class));
    long fast = outcomes.get(Combining.OPTIMIZED).latencyNanos();
    long baseline = outcomes.get(Combining.BASELINE).latencyNanos();
    assertTrue(fast >= 3 * LinkProfile.DEFAULT_DELAY_NANOS, "three message delays at least");
    assertTrue(baseline > fast, "baseline " + baseline + " ns, optimized " + fast + " ns");
  }

  @Test
  void setup_rejectsTooManyFaultyReplicas_andThresholdsTheHonestCannotReach() {
    var key = ThresholdDealer.dealRandom(3, 9, new Random(1));
    assertThrows(
        IllegalArgumentException.class, () -> new RoundSetup(9, 3, key, FaultyBehaviour.SILENT, 0));
    var high = ThresholdDealer.dealRandom(8, 9, new Random(1));
    assertThrows(
        IllegalArgumentException.class,
        () -> new RoundSetup(9, 2, high, FaultyBehaviour.SILENT, 0));
  }
}
