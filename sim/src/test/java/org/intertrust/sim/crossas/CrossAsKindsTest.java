package org.intertrust.sim.crossas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.intertrust.crypto.dealing.DealingContext;
import org.intertrust.sim.crossas.CrossAsScenario.Fault;
import org.intertrust.sim.crossas.CrossAsScenario.Kind;
import org.intertrust.sim.crossas.CrossAsScenario.KindCounts;
import org.intertrust.sim.crossas.CrossAsScenario.Options;
import org.intertrust.sim.crossas.CrossAsScenario.Summary;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Mixed workloads of TRANSFER, SWAP and MESSAGE (ADR 0008) on two ASs of n = 4, over several seeds,
 * without faults and under each fault: every transaction ends final on both sides with matching
 * outcomes, the §5 invariants and Y's decision rule hold after every event ({@link
 * CrossAsObserver}), supply per asset is conserved and escrow equals vouchers outstanding. The
 * default run takes one seed per fault (a different one for each, so both dealing modes and one and
 * two gateways occur) and three without faults; {@code -Dintertrust.long=true} takes twelve seeds
 * for each (a failure prints its seed).
 */
class CrossAsKindsTest {
  private static final boolean LONG = Boolean.getBoolean("intertrust.long");
  private static final int SEEDS = LONG ? 12 : 1;
  private static final int SEEDS_WITHOUT_FAULTS = LONG ? 12 : 3;
  private static final int TRANSACTIONS = 6;
  private static final Set<Kind> ALL = EnumSet.allOf(Kind.class);
  private static final long MAX_VIRTUAL_MILLIS = 8_000;

  static Stream<Arguments> seedsAndFaults() {
    Stream.Builder<Arguments> cases = Stream.builder();
    for (Fault fault : CrossAsScenario.IMPLEMENTED_FAULTS) {
      long first = 1 + fault.ordinal();
      LongStream.range(first, first + SEEDS).forEach(seed -> cases.add(Arguments.of(seed, fault)));
    }
    LongStream.rangeClosed(1, SEEDS_WITHOUT_FAULTS)
        .forEach(seed -> cases.add(Arguments.of(seed, null)));
    return cases.build();
  }

  static Options options(long seed, Set<Fault> faults, int transactions) {
    boolean twoGateways =
        seed % 3 == 0
            || faults.contains(Fault.GATEWAY_CRASH)
            || faults.contains(Fault.GATEWAY_DROP);
    return new Options(
        4,
        twoGateways ? 2 : 1,
        transactions,
        seed,
        seed % 2 == 0 ? DealingContext.Mode.PER_TRANSACTION : DealingContext.Mode.PER_SESSION,
        false,
        ALL,
        faults,
        20,
        faults.contains(Fault.PARTITION) ? 600 : 5_000,
        MAX_VIRTUAL_MILLIS);
  }

  private static Summary runOk(Options options) {
    long start = System.nanoTime();
    Summary summary = CrossAsScenario.run(options);
    System.out.printf(
        "crossas-kinds seed=%d faults=%s real=%dms virtual=%dms kinds=%s releases=%s%n",
        options.seed(),
        options.faults(),
        (System.nanoTime() - start) / 1_000_000,
        summary.virtualMillis(),
        summary.byKind(),
        summary.releaseReasons());
    String report = "seed " + options.seed() + " " + options.faults() + ": " + summary;
    assertTrue(summary.invariantsOk(), report);
    assertTrue(summary.auditOk(), report);
    assertEquals(options.transactions(), summary.submitted(), report);
    assertEquals(options.transactions(), summary.finalBothSides(), report);
    assertEquals(summary.submitted(), summary.unlocked() + summary.released(), report);
    for (Kind kind : options.kinds()) {
      KindCounts counts = summary.byKind().get(kind);
      assertEquals(options.transactions() / 3, counts.submitted(), report);
      assertEquals(counts.submitted(), counts.finalBothSides(), report);
      assertEquals(counts.submitted(), counts.unlocked() + counts.released(), report);
    }
    return summary;
  }

  @ParameterizedTest(name = "seed={0} fault={1}")
  @MethodSource("seedsAndFaults")
  void mixedKinds_endFinalOnBothSidesWithMatchingOutcomes(long seed, Fault fault) {
    Set<Fault> faults = fault == null ? EnumSet.noneOf(Fault.class) : EnumSet.of(fault);
    Summary summary = runOk(options(seed, faults, TRANSACTIONS));
    Map<String, Long> reasons = summary.releaseReasons();
    long expectedInvalid =
        reasons.getOrDefault("INSUFFICIENT_FUNDS", 0L) + reasons.getOrDefault("BAD_SIGNATURE", 0L);
    long deadline = reasons.getOrDefault("DEADLINE_PASSED", 0L);
    assertEquals(summary.released(), expectedInvalid + deadline, summary.toString());
    if (fault == Fault.PARTITION) {
      assertEquals(TRANSACTIONS, summary.released(), summary.toString());
    } else {
      assertEquals(0, deadline, summary.toString());
      assertEquals(
          TRANSACTIONS - expectedInvalid, summary.unlocked(), "only invalid swaps are released");
    }
    if (fault == Fault.FORGED_CERTIFICATE) {
      assertTrue(summary.provenanceRefused() >= TRANSACTIONS, summary.toString());
    } else if (fault == null) {
      assertEquals(0, summary.provenanceRefused(), summary.toString());
    }
  }
}
