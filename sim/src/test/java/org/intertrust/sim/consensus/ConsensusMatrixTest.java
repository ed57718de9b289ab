package org.intertrust.sim.consensus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.intertrust.consensus.ConsensusConfig;
import org.intertrust.consensus.ConsensusDecodingException;
import org.intertrust.consensus.RejectReason;
import org.intertrust.sim.consensus.ConsensusScenario.CpuMode;
import org.intertrust.sim.consensus.ConsensusScenario.Options;
import org.intertrust.sim.consensus.ConsensusScenario.Summary;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The consensus test matrix (issue #3): for n in {4, 7, 10, 31}, exactly f Byzantine replicas of
 * each {@link Behaviour}, many seeds each, with real BLS and Ed25519 (identical verifications are
 * shared among replicas by {@link MemoizingVerifier}, every replica is still charged for them).
 * Each run checks agreement, monotonic heights, no conflicting honest votes and valid certificates
 * after every event, and liveness: every honest replica commits a given number of blocks within the
 * virtual-time limit. Bigger n commits fewer blocks per run: round-robin leaders reach a Byzantine
 * leader within the first few rounds in most seeds, and the aggregate checks below make sure the
 * faults were exercised.
 *
 * <p>Default: {@value #DEFAULT_SEEDS} seeds per cell for n up to 10 and {@value
 * #DEFAULT_SEEDS_AT_31} at n = 31; {@code -Plong} ({@code intertrust.long}): {@value #LONG_SEEDS}
 * and {@value #LONG_SEEDS_AT_31} seeds and twice the blocks. A failure names its seed; {@code
 * ./intertrust sim} with that seed replays it.
 */
@Execution(ExecutionMode.CONCURRENT)
class ConsensusMatrixTest {
  static final int DEFAULT_SEEDS = 50;
  static final int DEFAULT_SEEDS_AT_31 = 50;
  static final int LONG_SEEDS = 200;
  static final int LONG_SEEDS_AT_31 = 100;
  private static final boolean LONG = Boolean.getBoolean("intertrust.long");
  private static final long VIRTUAL_LIMIT_MILLIS = 60_000;

  static Stream<Arguments> cells() {
    List<Arguments> cells = new ArrayList<>();
    for (int n : new int[] {4, 7, 10, 31}) {
      for (Behaviour behaviour : Behaviour.values()) {
        cells.add(Arguments.of(n, behaviour));
      }
    }
    return cells.stream();
  }

  /** Blocks every honest replica must commit in one run. */
  static int blocks(int n) {
    int blocks = n >= 31 ? 4 : n >= 7 ? 5 : 6;
    return LONG ? 2 * blocks : blocks;
  }

  /**
   * Seeds per cell. At n = 31 a run costs about a second of real Ed25519 and BLS work (JDK Ed25519
   * signs every vote), so {@code -Plong} takes fewer seeds there ({@value #LONG_SEEDS_AT_31}).
   */
  static int seeds(int n) {
    if (n >= 31) {
      return LONG ? LONG_SEEDS_AT_31 : DEFAULT_SEEDS_AT_31;
    }
    return LONG ? LONG_SEEDS : DEFAULT_SEEDS;
  }

  @ParameterizedTest(name = "n={0}, f Byzantine: {1}")
  @MethodSource("cells")
  void exactlyFByzantineReplicas_neverBreakAgreement_andHonestReplicasKeepCommitting(
      int n, Behaviour behaviour) {
    int f = ConsensusConfig.faults(n);
    int seeds = seeds(n);
    List<String> failures = new ArrayList<>();
    Map<RejectReason, Long> rejections = new EnumMap<>(RejectReason.class);
    Map<ConsensusDecodingException.Reason, Long> undecodable =
        new EnumMap<>(ConsensusDecodingException.Reason.class);
    int runsWithViewChanges = 0;
    for (long seed = 0; seed < seeds; seed++) {
      Options options =
          new Options(
              n, f, List.of(behaviour), blocks(n), seed, CpuMode.FIXED, VIRTUAL_LIMIT_MILLIS);
      Summary summary = ConsensusScenario.run(options);
      if (!summary.invariantsOk()) {
        failures.add("seed " + seed + " " + summary.byzantine() + ": " + summary.violations());
      } else if (summary.committedRounds() < blocks(n)) {
        failures.add(
            "seed " + seed + " " + summary.byzantine() + ": only " + summary.committedRounds());
      }
      summary.rejections().forEach((reason, count) -> rejections.merge(reason, count, Long::sum));
      summary.undecodable().forEach((reason, count) -> undecodable.merge(reason, count, Long::sum));
      runsWithViewChanges += summary.viewChanges() > 0 ? 1 : 0;
    }
    assertTrue(failures.isEmpty(), "n=" + n + " " + behaviour + ": " + failures);
    checkFaultsWereExercised(behaviour, seeds, runsWithViewChanges, rejections);
    if (behaviour == Behaviour.MALFORMED) {
      assertTrue(undecodable.size() >= 4, "reasons for undecodable bytes: " + undecodable);
    } else {
      assertEquals(Map.of(), undecodable, "a valid encoding was rejected");
    }
  }

  /** The Byzantine replicas must have done harm that the honest ones saw and survived. */
  private static void checkFaultsWereExercised(
      Behaviour behaviour, int seeds, int runsWithViewChanges, Map<RejectReason, Long> rejected) {
    String detail = behaviour + ": " + runsWithViewChanges + " runs with view changes, " + rejected;
    switch (behaviour) {
      case SILENT, WITHHOLD, NON_MEMBER, MALFORMED, EQUIVOCATE ->
          // Byzantine leaders (or collectors) stall their rounds: view change, then progress.
          assertTrue(runsWithViewChanges >= seeds / 2, detail);
      default -> {}
    }
    switch (behaviour) {
      case NON_MEMBER -> assertTrue(count(rejected, RejectReason.NOT_A_MEMBER) > 0, detail);
      case MALFORMED -> assertTrue(count(rejected, RejectReason.BAD_SIGNATURE) > 0, detail);
      case BAD_SHARES -> assertTrue(count(rejected, RejectReason.BAD_SHARE) > 0, detail);
      case FORK_VOTES ->
          // Fork votes are well signed: they fail as a minority, never on a signature.
          assertEquals(0, count(rejected, RejectReason.BAD_SIGNATURE), detail);
      default -> {}
    }
  }

  private static long count(Map<RejectReason, Long> rejected, RejectReason reason) {
    return rejected.getOrDefault(reason, 0L);
  }
}
