package org.intertrust.sim.crossas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.Set;
import java.util.stream.LongStream;
import org.intertrust.crypto.dealing.DealingContext;
import org.intertrust.sim.crossas.CrossAsScenario.Fault;
import org.intertrust.sim.crossas.CrossAsScenario.Options;
import org.intertrust.sim.crossas.CrossAsScenario.Summary;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Batch certificates on the simulator (ADR 0009): with several transfers per block, batching on
 * settles every transfer with fewer partial signatures and fewer certificates than batching off on
 * the same seed, every §5 invariant holding (the provenance audit re-checks each batched proof from
 * the ledgers); and under Byzantine replicas, loss and a partition. {@code -Dintertrust.long=true}
 * runs more seeds.
 */
class CrossAsBatchingTest {
  private static final boolean LONG = Boolean.getBoolean("intertrust.long");
  private static final int TRANSACTIONS = 8;

  static LongStream seeds() {
    return LongStream.rangeClosed(1, LONG ? 20 : 2);
  }

  private static Options options(long seed, boolean batching, Set<Fault> faults) {
    Options base = Options.transfers(TRANSACTIONS, seed);
    return new Options(
        4,
        seed % 3 == 0 ? 2 : 1,
        TRANSACTIONS,
        seed,
        DealingContext.Mode.PER_SESSION,
        batching,
        base.kinds(),
        faults.isEmpty() ? EnumSet.noneOf(Fault.class) : EnumSet.copyOf(faults),
        5,
        faults.contains(Fault.PARTITION) ? 600 : base.deadlineMillis(),
        10_000);
  }

  private static Summary runOk(Options options) {
    Summary summary = CrossAsScenario.run(options);
    String report = "seed " + options.seed() + " " + options.faults() + ": " + summary;
    assertTrue(summary.invariantsOk(), report);
    assertTrue(summary.auditOk(), report);
    assertEquals(TRANSACTIONS, summary.finalBothSides(), report);
    return summary;
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void batchingOn_settlesEverything_withLessCryptoThanOff(long seed) {
    Summary on = runOk(options(seed, true, Set.of()));
    Summary off = runOk(options(seed, false, Set.of()));
    assertEquals(TRANSACTIONS, on.unlocked(), on.toString());
    assertEquals(0, on.provenanceRefused(), on.toString());
    assertTrue(
        on.sharesSigned() < off.sharesSigned(),
        "shares on " + on.sharesSigned() + " off " + off.sharesSigned());
    assertTrue(
        on.certificatesCombined() < off.certificatesCombined(),
        "certificates on " + on.certificatesCombined() + " off " + off.certificatesCombined());
    assertTrue(off.certificatesCombined() >= 2L * TRANSACTIONS, "off: a lock and a decision each");
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void batchingOn_underByzantineReplicasAndLoss(long seed) {
    runOk(options(seed, true, Set.of(Fault.BYZANTINE, Fault.LOSS)));
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void batchingOn_withTwoGatewaysPerAs_batchesPerDealing(long seed) {
    Summary summary = runOk(options(seed, true, Set.of()).withGateways(2));
    assertEquals(TRANSACTIONS, summary.unlocked(), summary.toString());
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void batchingOn_sevenReplicas_byzantine(long seed) {
    org.junit.jupiter.api.Assumptions.assumeTrue(LONG || seed == 1, "more seeds: intertrust.long");
    Options base = options(seed, true, Set.of(Fault.BYZANTINE));
    Options seven =
        new Options(
            7,
            base.gatewaysPerAs(),
            base.transactions(),
            seed,
            base.dealing(),
            true,
            base.kinds(),
            base.faults(),
            base.intervalMillis(),
            base.deadlineMillis(),
            base.maxVirtualMillis());
    assertEquals(TRANSACTIONS, runOk(seven).unlocked());
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void batchingOn_partitionPastTheDeadline_releasesEverything(long seed) {
    Summary summary = runOk(options(seed, true, Set.of(Fault.PARTITION)));
    assertTrue(summary.released() > 0, summary.toString());
  }
}
