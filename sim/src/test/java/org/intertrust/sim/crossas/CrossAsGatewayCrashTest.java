package org.intertrust.sim.crossas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.intertrust.crypto.dealing.DealingContext;
import org.intertrust.sim.crossas.CrossAsScenario.Fault;
import org.intertrust.sim.crossas.CrossAsScenario.GatewayCrash;
import org.intertrust.sim.crossas.CrossAsScenario.Kind;
import org.intertrust.sim.crossas.CrossAsScenario.Options;
import org.intertrust.sim.crossas.CrossAsScenario.Summary;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A gateway crashing mid-protocol and restarting from its sealed enclave state and the snapshots it
 * stored (ADR 0015), in each role: X's first gateway (the source gateway of the transactions routed
 * to it) and Y's first gateway (a destination gateway), at several points of the protocol (before
 * the requests arrive, while dealings are requested, while locks are certified, while relays and
 * decisions travel, after settlement), restarting before the deadlines (short outage) or after them
 * (long outage). Every transaction ends final on both sides with matching outcomes, every §5
 * invariant holds after every event, and the status a client reads at its source gateway matches
 * both ledgers. Same seeds, same runs.
 */
class CrossAsGatewayCrashTest {
  private static final boolean LONG = Boolean.getBoolean("intertrust.long");
  private static final int TRANSACTIONS = 6;
  private static final long DEADLINE = 1_500;

  /** (role: 0 = X's gateway, 1 = Y's; crash time ms; outage ms; seed). */
  static Stream<Arguments> points() {
    List<Arguments> points = new ArrayList<>();
    long[] times =
        LONG
            ? new long[] {40, 60, 80, 100, 130, 160, 200, 260, 350, 500}
            : new long[] {60, 160, 500};
    for (int role = 0; role <= 1; role++) {
      for (long at : times) {
        for (long down : new long[] {250, DEADLINE + 200}) {
          points.add(Arguments.of(role, at, down, 3 + at + down + role));
        }
      }
    }
    return points.stream();
  }

  private static Options options(long seed, int ases, Set<Kind> kinds, Set<Fault> faults) {
    boolean perSession = seed % 2 == 1;
    return new Options(
        4,
        2,
        TRANSACTIONS,
        seed,
        perSession ? DealingContext.Mode.PER_SESSION : DealingContext.Mode.PER_TRANSACTION,
        perSession,
        kinds,
        faults,
        15,
        DEADLINE,
        10_000,
        ases);
  }

  private static CrossAsScenario.Run runOk(Options options, List<GatewayCrash> crashes) {
    CrossAsScenario.Run run =
        CrossAsScenario.runWorld(options, CrossAsScenario.Carriage.GATEWAY_BYTES, crashes);
    Summary summary = run.summary();
    String report = "seed " + options.seed() + " " + crashes + ": " + summary;
    assertTrue(summary.invariantsOk(), report);
    assertTrue(summary.auditOk(), report);
    assertEquals(TRANSACTIONS, summary.submitted(), report);
    assertEquals(TRANSACTIONS, summary.finalBothSides(), report);
    assertEquals(TRANSACTIONS, summary.unlocked() + summary.released(), report);
    return run;
  }

  @ParameterizedTest(name = "role {0} crashes at {1} ms for {2} ms, seed {3}")
  @MethodSource("points")
  void crashedGateway_resumesItsTransactions_allFinalWithMatchingOutcomes(
      int role, long atMillis, long downMillis, long seed) {
    Options options =
        options(seed, 2, EnumSet.of(Kind.TRANSFER, Kind.SWAP, Kind.MESSAGE), Set.of());
    CrossAsScenario.Run run =
        runOk(options, List.of(new GatewayCrash(role, 0, atMillis, downMillis)));
    System.out.printf(
        "crash role=%d at=%d down=%d seed=%d resumed=%d unlocked=%d released=%d virtual=%d%n",
        role,
        atMillis,
        downMillis,
        seed,
        run.world().stats().resumedTransactions(),
        run.summary().unlocked(),
        run.summary().released(),
        run.summary().virtualMillis());
  }

  @ParameterizedTest(name = "source gateway crashes at {1} ms, seed {3}")
  @MethodSource("points")
  void crashedSourceGateway_whileItsTransactionsAreInFlight_resumesThem(
      int role, long atMillis, long downMillis, long seed) {
    org.junit.jupiter.api.Assumptions.assumeTrue(role == 0 && atMillis >= 100 && atMillis <= 200);
    // Every transaction from X goes through one of X's two gateways: crash both, one after the
    // other, so that some transactions in flight are always carried by a crashed one.
    Options options = options(seed, 2, EnumSet.of(Kind.TRANSFER), Set.of());
    CrossAsScenario.Run run =
        runOk(
            options,
            List.of(
                new GatewayCrash(0, 0, atMillis, downMillis),
                new GatewayCrash(0, 1, atMillis + 5, downMillis)));
    assertTrue(
        run.world().stats().resumedTransactions() > 0,
        "a source gateway crashed with transactions in flight: " + run.summary());
  }

  @ParameterizedTest(name = "{0} ASs, seed {1}")
  @MethodSource("asesAndSeeds")
  void gatewayCrashAndDrop_withMoreAses_allKinds(int ases, long seed) {
    for (Fault fault : List.of(Fault.GATEWAY_CRASH, Fault.GATEWAY_DROP)) {
      Options options =
          options(seed, ases, EnumSet.allOf(Kind.class), EnumSet.of(fault, Fault.BYZANTINE));
      runOk(options, CrossAsScenario.defaultCrashes(options));
    }
  }

  static Stream<Arguments> asesAndSeeds() {
    return LONG
        ? Stream.of(
            Arguments.of(3, 7L), Arguments.of(4, 8L), Arguments.of(3, 9L), Arguments.of(4, 10L))
        : Stream.of(Arguments.of(3, 7L), Arguments.of(4, 8L));
  }
}
