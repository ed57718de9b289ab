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
 * Three ASs on the simulator: transfers between random ordered pairs, each gateway running one core
 * per peer AS; the §5 invariants hold per pair and per asset (each pair's observer checks the
 * source's coin escrowed for the destination against its vouchers there), with and without faults.
 * {@code -Dintertrust.long=true} runs more seeds, and n = 7 too.
 */
class CrossAsThreeAsTest {
  private static final boolean LONG = Boolean.getBoolean("intertrust.long");
  private static final int TRANSACTIONS = 6;

  static LongStream seeds() {
    return LongStream.rangeClosed(1, LONG ? 20 : 2);
  }

  private static Options options(long seed, int n, Set<Fault> faults) {
    Options base = Options.transfers(TRANSACTIONS, seed);
    boolean twoGateways = faults.contains(Fault.GATEWAY_CRASH) || seed % 3 == 0;
    return new Options(
        n,
        twoGateways ? 2 : 1,
        TRANSACTIONS,
        seed,
        seed % 2 == 0 ? DealingContext.Mode.PER_TRANSACTION : DealingContext.Mode.PER_SESSION,
        seed % 2 != 0,
        base.kinds(),
        faults.isEmpty() ? EnumSet.noneOf(Fault.class) : EnumSet.copyOf(faults),
        10,
        faults.contains(Fault.PARTITION) ? 600 : base.deadlineMillis(),
        10_000,
        3);
  }

  private static Summary runOk(Options options) {
    Summary summary = CrossAsScenario.run(options);
    String report = "seed " + options.seed() + " " + options.faults() + ": " + summary;
    assertTrue(summary.invariantsOk(), report);
    assertTrue(summary.auditOk(), report);
    assertEquals(TRANSACTIONS, summary.submitted(), report);
    assertEquals(TRANSACTIONS, summary.finalBothSides(), report);
    return summary;
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void threeAses_transfersBetweenRandomPairs_unlock(long seed) {
    Summary summary = runOk(options(seed, 4, Set.of()));
    assertEquals(TRANSACTIONS, summary.unlocked(), summary.toString());
    assertEquals(0, summary.provenanceRefused(), summary.toString());
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void threeAses_byzantineReplicasAndForgedCertificates(long seed) {
    Summary summary = runOk(options(seed, 4, Set.of(Fault.BYZANTINE, Fault.FORGED_CERTIFICATE)));
    assertEquals(TRANSACTIONS, summary.unlocked(), summary.toString());
    assertTrue(summary.provenanceRefused() >= TRANSACTIONS, summary.toString());
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void threeAses_partitionPastTheDeadline_releases(long seed) {
    Summary summary = runOk(options(seed, 4, Set.of(Fault.PARTITION)));
    assertTrue(summary.released() > 0, summary.toString());
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void threeAses_lossAndARogueGateway(long seed) {
    Summary summary = runOk(options(seed, 4, Set.of(Fault.LOSS, Fault.UNATTESTED_GATEWAY)));
    assertEquals(0, summary.rogueAnswers(), summary.toString());
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void threeAses_sevenReplicasEach(long seed) {
    org.junit.jupiter.api.Assumptions.assumeTrue(LONG, "n = 7 with three ASs: -Dintertrust.long");
    runOk(options(seed, 7, Set.of(Fault.BYZANTINE)));
  }
}
