package org.intertrust.sim.crossas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Stream;
import org.intertrust.crypto.dealing.DealingContext;
import org.intertrust.sim.crossas.CrossAsScenario.Carriage;
import org.intertrust.sim.crossas.CrossAsScenario.Fault;
import org.intertrust.sim.crossas.CrossAsScenario.Options;
import org.intertrust.sim.crossas.CrossAsScenario.Summary;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Carrying messages as wire bytes changes nothing: with the same seed, a run whose messages travel
 * as objects, one whose gateway messages travel as bytes decoded by each receiver, and one whose
 * every message is encoded, decoded and checked for a round trip end in the same trace, the same
 * outcome and the same ledger state on every replica.
 */
class CarriageEquivalenceTest {
  static Stream<Arguments> runs() {
    return Stream.of(
        Arguments.of(1L, DealingContext.Mode.PER_SESSION, EnumSet.noneOf(Fault.class)),
        Arguments.of(2L, DealingContext.Mode.PER_TRANSACTION, EnumSet.of(Fault.PARTITION)),
        Arguments.of(3L, DealingContext.Mode.PER_TRANSACTION, EnumSet.of(Fault.BYZANTINE)),
        Arguments.of(4L, DealingContext.Mode.PER_SESSION, EnumSet.of(Fault.REPLAY)));
  }

  @ParameterizedTest
  @MethodSource("runs")
  void objectsAndBytes_giveTheSameRun(long seed, DealingContext.Mode dealing, Set<Fault> faults) {
    Options base = Options.transfers(2, seed).withDealing(dealing).withFaults(faults);
    Options options =
        new Options(
            base.n(),
            base.gatewaysPerAs(),
            base.transactions(),
            seed,
            dealing,
            false,
            base.kinds(),
            base.faults(),
            base.intervalMillis(),
            faults.contains(Fault.PARTITION) ? 600 : base.deadlineMillis(),
            8_000);
    long start = System.nanoTime();
    CrossAsScenario.Run objects = CrossAsScenario.runWorld(options, Carriage.OBJECTS);
    long objectsMillis = (System.nanoTime() - start) / 1_000_000;
    Summary reference = objects.summary();
    assertTrue(reference.invariantsOk(), "seed " + seed + ": " + reference);
    assertEquals(2, reference.finalBothSides(), "seed " + seed + ": " + reference);
    for (Carriage carriage : new Carriage[] {Carriage.GATEWAY_BYTES, Carriage.ALL_BYTES_CHECKED}) {
      if (carriage == Carriage.ALL_BYTES_CHECKED && (seed == 1 || seed == 4)) {
        continue; // checking every message costs wall time: the partition and Byzantine runs
      }
      start = System.nanoTime();
      CrossAsScenario.Run bytes = CrossAsScenario.runWorld(options, carriage);
      System.out.printf(
          "carriage seed=%d faults=%s OBJECTS=%dms %s=%dms carried=%s%n",
          seed,
          faults,
          objectsMillis,
          carriage,
          (System.nanoTime() - start) / 1_000_000,
          bytes.world().stats().carried());
      String what = "seed " + seed + " " + carriage;
      assertEquals(reference, bytes.summary(), what);
      assertEquals(objects.world().stateHashes(), bytes.world().stateHashes(), what);
      assertTrue(bytes.world().stats().carried().size() > 0, what + " carried nothing");
      assertEquals(0, bytes.world().stats().rejections(WireNode.MISMATCH), what);
    }
  }

  /**
   * Y's gateways send a broken copy before every message (one byte short, one too many, version 2,
   * kind 0, a length past the end, in turn): every receiver refuses each with its reason, and the
   * transfers settle as they do without the broken copies.
   */
  @ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(longs = {1, 2})
  void brokenCopiesFromAGateway_areRefusedByReason_andChangeNoOutcome(long seed) {
    Options options = Options.transfers(2, seed).withFaults(EnumSet.of(Fault.MALFORMED_BYTES));
    CrossAsScenario.Run run = CrossAsScenario.runWorld(options, Carriage.GATEWAY_BYTES);
    Summary summary = run.summary();
    String report = "seed " + seed + ": " + summary;
    assertTrue(summary.invariantsOk(), report);
    assertEquals(2, summary.finalBothSides(), report);
    assertEquals(2, summary.unlocked(), report);
    for (String reason :
        new String[] {
          "WIRE_TRUNCATED",
          "WIRE_TRAILING_BYTES",
          "WIRE_UNSUPPORTED_VERSION",
          "WIRE_UNKNOWN_KIND",
          "WIRE_OVER_LIMIT"
        }) {
      assertTrue(run.world().stats().rejections(reason) > 0, reason + " missing: " + report);
    }
    org.junit.jupiter.api.Assertions.assertThrows(
        IllegalArgumentException.class, () -> CrossAsScenario.runWorld(options, Carriage.OBJECTS));
  }
}
