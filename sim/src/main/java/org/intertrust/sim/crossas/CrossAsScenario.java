package org.intertrust.sim.crossas;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;
import org.intertrust.crypto.dealing.DealingContext;
import org.intertrust.crypto.encoding.AsId;
import org.intertrust.sim.Simulation;
import org.intertrust.sim.SimulationResult;
import org.intertrust.sim.Violation;
import org.intertrust.sim.network.LinkProfile;
import org.intertrust.sim.network.NetworkModel;
import org.intertrust.sim.trace.TraceMode;

/**
 * Two ASs and their gateways on the simulator, running cross-AS transactions end to end (DESIGN.md
 * §4): X = AS 1 (source) and Y = AS 2 (destination), each n replicas of the real consensus core
 * with ledgers, plus the replica side of the protocol; G gateways per AS, each a {@link
 * org.intertrust.gateway.protocol.core.GatewayCore} over a software enclave; clients starting
 * transfers, swaps and messages ({@link CrossAsWorkload}, ADR 0008). With {@code ases} = 3 or 4,
 * more ASs (Z, W) and transfers between random ordered pairs; each gateway runs one core per peer
 * AS. Certificates per transaction or per block (batching, ADR 0009). The §5 invariants are checked
 * after every event ({@link CrossAsObserver}, one per ordered pair), termination at the end.
 */
public final class CrossAsScenario {
  static final long MILLIS = 1_000_000L;

  /** Most ASs a run takes. */
  public static final int MAX_ASES = 4;

  /** The kinds of cross-AS transaction. */
  public enum Kind {
    TRANSFER,
    SWAP,
    MESSAGE;

    /** Parses the CLI spelling. */
    public static Kind parse(String text) {
      return valueOf(text.trim().toUpperCase(Locale.ROOT));
    }
  }

  /** Faults a run can inject. */
  public enum Fault {
    BYZANTINE,
    GATEWAY_CRASH,
    GATEWAY_DROP,
    LOSS,
    PARTITION,
    REPLAY,
    FORGED_CERTIFICATE,
    UNATTESTED_GATEWAY,
    MALFORMED_BYTES,
    /** Every replica's and gateway's clock ahead of virtual time by 0 to 500 ms, per node. */
    CLOCK_SKEW;

    /** Parses the CLI spelling: lower case, hyphens. */
    public static Fault parse(String text) {
      return valueOf(text.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
    }

    /** The CLI spelling. */
    public String cliName() {
      return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
  }

  /**
   * How messages travel on the simulated network. Decoding costs no virtual time and draws no
   * randomness, so all three give the same run: same events, same trace, same final states.
   */
  public enum Carriage {
    /** Every message as an object (the fastest). */
    OBJECTS,
    /**
     * Gateway messages (between gateways, gateway and replicas, client requests) as {@link
     * CrossAsWire} bytes, each receiver decoding them, as a networked node does; messages inside an
     * AS as objects (their consensus codec has its own tests and Byzantine runs). The default.
     */
    GATEWAY_BYTES,
    /** Every message as bytes, and each sender checks its encoding round-trips (for tests). */
    ALL_BYTES_CHECKED;

    boolean carriesAsBytes(CrossAsMessage message) {
      return this == ALL_BYTES_CHECKED
          || (this == GATEWAY_BYTES && !(message instanceof CrossAsMessage.Local));
    }

    boolean checksRoundTrip() {
      return this == ALL_BYTES_CHECKED;
    }
  }

  /** Faults and kinds this version runs; the others are refused by {@link Options}. */
  public static final Set<Fault> IMPLEMENTED_FAULTS =
      EnumSet.of(
          Fault.BYZANTINE,
          Fault.GATEWAY_CRASH,
          Fault.GATEWAY_DROP,
          Fault.LOSS,
          Fault.PARTITION,
          Fault.REPLAY,
          Fault.FORGED_CERTIFICATE,
          Fault.UNATTESTED_GATEWAY,
          Fault.MALFORMED_BYTES,
          Fault.CLOCK_SKEW);

  /** Kinds this version runs: all three (ADR 0008). */
  public static final Set<Kind> IMPLEMENTED_KINDS = EnumSet.allOf(Kind.class);

  /**
   * Settings of a run.
   *
   * @param n replicas per AS
   * @param gatewaysPerAs gateways per AS
   * @param transactions cross-AS transactions the clients start
   * @param seed the seed
   * @param dealing per-transaction (the paper's) or per-session dealing
   * @param batching batch certificates, one per block, addressee and dealing (ADR 0009); needs
   *     per-session dealing
   * @param kinds the kinds of transaction; each source AS's requests cycle through them in their
   *     order
   * @param faults the faults injected
   * @param intervalMillis virtual time between two client requests
   * @param deadlineMillis each transaction's deadline, after its submission, in Y's time
   * @param maxVirtualMillis the run stops at this virtual time at the latest
   * @param ases how many ASs (2 to {@value #MAX_ASES}): with two, every transfer goes from X to Y;
   *     with more, each between a random ordered pair
   */
  public record Options(
      int n,
      int gatewaysPerAs,
      int transactions,
      long seed,
      DealingContext.Mode dealing,
      boolean batching,
      Set<Kind> kinds,
      Set<Fault> faults,
      long intervalMillis,
      long deadlineMillis,
      long maxVirtualMillis,
      int ases) {
    /** Checks the settings and refuses what is not implemented yet, saying so. */
    public Options {
      if (ases < 2 || ases > MAX_ASES) {
        throw new IllegalArgumentException("--as is 2 to " + MAX_ASES + ", not " + ases);
      }
      Objects.requireNonNull(dealing, "dealing");
      kinds = kinds.isEmpty() ? EnumSet.of(Kind.TRANSFER) : EnumSet.copyOf(kinds);
      faults = faults.isEmpty() ? EnumSet.noneOf(Fault.class) : EnumSet.copyOf(faults);
      if (n < 4 || gatewaysPerAs < 1 || transactions < 0 || intervalMillis < 1) {
        throw new IllegalArgumentException("need n >= 4, a gateway per AS, an interval >= 1 ms");
      }
      if (deadlineMillis < 1 || maxVirtualMillis < 1) {
        throw new IllegalArgumentException("deadline and time limit must be positive");
      }
      if (batching && dealing == DealingContext.Mode.PER_TRANSACTION) {
        throw new IllegalArgumentException(
            "--batching on needs --dealing per-session: a batch is one statement over many"
                + " transactions signed with one key, and per-tx dealing gives every transaction"
                + " its own key (ADR 0009); use --dealing per-session, or --batching off");
      }
      for (Kind kind : kinds) {
        if (!IMPLEMENTED_KINDS.contains(kind)) {
          throw new IllegalArgumentException(
              "kind " + kind.name().toLowerCase(Locale.ROOT) + " is not implemented yet");
        }
      }
      for (Fault fault : faults) {
        if (!IMPLEMENTED_FAULTS.contains(fault)) {
          throw new IllegalArgumentException(
              "fault " + fault.cliName() + " is not implemented yet");
        }
      }
      if ((faults.contains(Fault.GATEWAY_CRASH) || faults.contains(Fault.GATEWAY_DROP))
          && gatewaysPerAs < 2) {
        throw new IllegalArgumentException(
            "gateway-crash and gateway-drop need at least two gateways per AS (--gateways 2)");
      }
    }

    /** The same settings between two ASs. */
    public Options(
        int n,
        int gatewaysPerAs,
        int transactions,
        long seed,
        DealingContext.Mode dealing,
        boolean batching,
        Set<Kind> kinds,
        Set<Fault> faults,
        long intervalMillis,
        long deadlineMillis,
        long maxVirtualMillis) {
      this(
          n,
          gatewaysPerAs,
          transactions,
          seed,
          dealing,
          batching,
          kinds,
          faults,
          intervalMillis,
          deadlineMillis,
          maxVirtualMillis,
          2);
    }

    /** The same with {@code count} ASs. */
    public Options withAses(int count) {
      return new Options(
          n,
          gatewaysPerAs,
          transactions,
          seed,
          dealing,
          batching,
          kinds,
          faults,
          intervalMillis,
          deadlineMillis,
          maxVirtualMillis,
          count);
    }

    /**
     * Defaults: n=4, one gateway per AS, per-session dealing with batch certificates, 20 ms apart,
     * 5 s deadline.
     */
    public static Options transfers(int transactions, long seed) {
      return new Options(
          4,
          1,
          transactions,
          seed,
          DealingContext.Mode.PER_SESSION,
          true,
          EnumSet.of(Kind.TRANSFER),
          EnumSet.noneOf(Fault.class),
          20,
          5_000,
          120_000);
    }

    /**
     * The same with {@code mode}; per-transaction dealing turns batching off (it cannot batch, see
     * the constructor).
     */
    public Options withDealing(DealingContext.Mode mode) {
      return new Options(
          n,
          gatewaysPerAs,
          transactions,
          seed,
          mode,
          batching && mode == DealingContext.Mode.PER_SESSION,
          kinds,
          faults,
          intervalMillis,
          deadlineMillis,
          maxVirtualMillis,
          ases);
    }

    /** The same with batch certificates on or off. */
    public Options withBatching(boolean on) {
      return new Options(
          n,
          gatewaysPerAs,
          transactions,
          seed,
          dealing,
          on,
          kinds,
          faults,
          intervalMillis,
          deadlineMillis,
          maxVirtualMillis,
          ases);
    }

    /** The same with {@code count} gateways per AS. */
    public Options withGateways(int count) {
      return new Options(
          n,
          count,
          transactions,
          seed,
          dealing,
          batching,
          kinds,
          faults,
          intervalMillis,
          deadlineMillis,
          maxVirtualMillis,
          ases);
    }

    /** The same with {@code injected} faults. */
    public Options withFaults(Set<Fault> injected) {
      return new Options(
          n,
          gatewaysPerAs,
          transactions,
          seed,
          dealing,
          batching,
          kinds,
          injected,
          intervalMillis,
          deadlineMillis,
          maxVirtualMillis,
          ases);
    }
  }

  /**
   * What a run produced.
   *
   * @param seed the seed
   * @param invariantsOk no invariant was violated, termination included
   * @param auditOk no conservation violation (one-AS audit or cross-AS)
   * @param violations every violation found
   * @param submitted transactions the clients started
   * @param unlocked transactions Y decided UNLOCK
   * @param released transactions Y decided RELEASE
   * @param finalBothSides transactions final on both ASs with matching outcomes
   * @param p50Ms median latency from the client's request to X's settlement, simulated ms
   * @param p95Ms 95th percentile
   * @param p99Ms 99th percentile
   * @param rejections inputs gateways rejected, by reason
   * @param provenanceRefused peer-caused transactions the replicas refused for provenance
   * @param events simulator events
   * @param virtualMillis virtual time at the end
   * @param traceSha256 the hash of the trace
   * @param byKind the counts per kind of transaction (kinds submitted only)
   * @param releaseReasons Y's RELEASE decisions by reason
   * @param sharesSigned partial signatures the replicas made for cross-AS statements
   * @param certificatesCombined certificates the gateways combined from shares
   * @param signatureChecks threshold signatures of peer proofs the gateways verified
   * @param rogueAnswers messages other than handshake steps the rogue gateway got back (must be 0)
   */
  public record Summary(
      long seed,
      boolean invariantsOk,
      boolean auditOk,
      List<String> violations,
      long submitted,
      long unlocked,
      long released,
      long finalBothSides,
      double p50Ms,
      double p95Ms,
      double p99Ms,
      Map<String, Long> rejections,
      long provenanceRefused,
      long events,
      long virtualMillis,
      String traceSha256,
      Map<Kind, KindCounts> byKind,
      Map<String, Long> releaseReasons,
      long sharesSigned,
      long certificatesCombined,
      long signatureChecks,
      long rogueAnswers) {}

  /**
   * The counts of one kind of transaction in a run.
   *
   * @param submitted started by clients
   * @param unlocked decided UNLOCK by Y
   * @param released decided RELEASE by Y
   * @param finalBothSides final on both ASs with matching outcomes
   */
  public record KindCounts(long submitted, long unlocked, long released, long finalBothSides) {}

  private CrossAsScenario() {}

  /** Runs one scenario, gateway messages carried as bytes ({@link Carriage#GATEWAY_BYTES}). */
  public static Summary run(Options options) {
    return run(options, Carriage.GATEWAY_BYTES);
  }

  /** Runs one scenario with messages carried as {@code carriage} says. */
  public static Summary run(Options options, Carriage carriage) {
    return runWorld(options, carriage).summary();
  }

  /** A finished run and its world, for tests that look inside. */
  record Run(Summary summary, TwoAs world) {}

  static Run runWorld(Options options, Carriage carriage) {
    return runWorld(options, carriage, defaultCrashes(options));
  }

  /**
   * A gateway crash: gateway {@code index} of AS number {@code as} (0-based: X is 0, Y is 1)
   * crashes at {@code atMillis} and restarts {@code downMillis} later from its sealed enclave state
   * and the snapshots it stored (ADR 0015).
   */
  record GatewayCrash(int as, int index, long atMillis, long downMillis) {}

  /**
   * The crashes of fault gateway-crash: X's first gateway at 130 ms for 400 ms (it restarts before
   * the deadlines of the transactions it carries), Y's first gateway at 100 ms for a deadline (it
   * restarts after them). With more than two ASs each is a source gateway towards some ASs and a
   * destination gateway for others.
   */
  static List<GatewayCrash> defaultCrashes(Options options) {
    if (!options.faults().contains(Fault.GATEWAY_CRASH)) {
      return List.of();
    }
    return List.of(
        new GatewayCrash(0, 0, 130, 400), new GatewayCrash(1, 0, 100, options.deadlineMillis()));
  }

  static Run runWorld(Options options, Carriage carriage, List<GatewayCrash> crashes) {
    if (carriage == Carriage.OBJECTS && options.faults().contains(Fault.MALFORMED_BYTES)) {
      throw new IllegalArgumentException("malformed-bytes needs messages carried as bytes");
    }
    TwoAs world = TwoAs.build(options, carriage);
    Simulation<CrossAsMessage> simulation =
        groups(options, world, Simulation.<CrossAsMessage>builder(options.seed()))
            .network(network(options))
            .cpu(org.intertrust.sim.consensus.AsCluster.fixedCpu(2 * (options.n() / 3) + 1))
            .trace(TraceMode.HASH_AND_TAIL, 40)
            .invariant(view -> world.violations())
            .build();
    world.attach(simulation);
    scheduleFaults(options, world, simulation);
    if (!crashes.isEmpty()) {
      world.enableClientFailover();
    }
    for (GatewayCrash crash : crashes) {
      int node = world.gatewayNode(crash.as(), crash.index());
      simulation.crashAt(node, crash.atMillis() * MILLIS);
      simulation.restartAt(node, (crash.atMillis() + crash.downMillis()) * MILLIS);
    }
    SplittableRandom clients = simulation.scenarioRandom("cross-as-clients");
    for (int k = 0; k < options.transactions(); k++) {
      int index = k;
      simulation.at(
          (50 + k * options.intervalMillis()) * MILLIS,
          "client",
          sim -> world.submit(sim, index, clients));
    }
    SimulationResult result =
        simulation.runUntil(
            () ->
                world.observers().stream().mapToInt(CrossAsObserver::submittedCount).sum()
                        == options.transactions()
                    && world.observers().stream().allMatch(CrossAsObserver::allSettled)
                    && world.observers().stream()
                        .allMatch(o -> o.statusViolations(world::status).isEmpty()),
            options.maxVirtualMillis() * MILLIS);
    return new Run(summarize(options, world, result), world);
  }

  private static final List<String> NAMES = List.of("x", "y", "z", "w");

  /** Replicas of each AS, then gateways of each AS, then the rogue gateway if any. */
  private static org.intertrust.sim.SimulationBuilder<CrossAsMessage> groups(
      Options options, TwoAs world, org.intertrust.sim.SimulationBuilder<CrossAsMessage> builder) {
    for (int i = 0; i < options.ases(); i++) {
      builder = builder.group(NAMES.get(i) + "-replicas", options.n(), world::replica);
    }
    for (int i = 0; i < options.ases(); i++) {
      builder = builder.group(NAMES.get(i) + "-gateways", options.gatewaysPerAs(), world::gateway);
    }
    return world.hasRogue() ? builder.group("rogue-gateway", 1, world::rogueGateway) : builder;
  }

  private static Summary summarize(Options options, TwoAs world, SimulationResult result) {
    List<Violation> all = new ArrayList<>(result.violations());
    if (!result.violated()) {
      for (CrossAsObserver observer : world.observers()) {
        all.addAll(observer.terminationViolations());
        all.addAll(observer.statusViolations(world::status));
      }
    }
    List<String> violations = new ArrayList<>();
    all.forEach(v -> violations.add(v.toString()));
    boolean auditOk =
        all.stream()
            .noneMatch(
                v ->
                    v.invariant().equals("conservation")
                        || v.invariant().equals("supply-conserved"));
    java.util.Collection<CrossAsObserver> observers = world.observers();
    Map<String, Long> rejections = new HashMap<>(world.stats().rejections());
    return new Summary(
        options.seed(),
        all.isEmpty(),
        auditOk,
        violations,
        observers.stream().mapToLong(CrossAsObserver::submittedCount).sum(),
        observers.stream()
            .mapToLong(o -> o.count(org.intertrust.ledger.state.CrossAsStatus.UNLOCKED))
            .sum(),
        observers.stream()
            .mapToLong(o -> o.count(org.intertrust.ledger.state.CrossAsStatus.RELEASED))
            .sum(),
        observers.stream().mapToLong(CrossAsObserver::finalBothSides).sum(),
        percentileMillis(world.latency(), 50),
        percentileMillis(world.latency(), 95),
        percentileMillis(world.latency(), 99),
        rejections,
        world.provenanceRefused(),
        result.eventsProcessed(),
        result.virtualTimeNanos() / MILLIS,
        result.traceSha256(),
        byKind(observers),
        releaseReasons(observers),
        world.stats().sharesSigned(),
        world.stats().certificatesCombined(),
        world.stats().signatureChecks(),
        world.stats().rogueAnswers());
  }

  private static Map<String, Long> releaseReasons(java.util.Collection<CrossAsObserver> observers) {
    Map<String, Long> reasons = new java.util.TreeMap<>();
    observers.forEach(o -> o.releaseReasons().forEach((k, v) -> reasons.merge(k, v, Long::sum)));
    return reasons;
  }

  private static Map<Kind, KindCounts> byKind(java.util.Collection<CrossAsObserver> observers) {
    Map<Kind, KindCounts> counts = new java.util.EnumMap<>(Kind.class);
    for (Kind kind : Kind.values()) {
      long submitted = 0;
      long unlocked = 0;
      long released = 0;
      long finalBoth = 0;
      for (CrossAsObserver observer : observers) {
        submitted += observer.submittedCount(kind);
        unlocked += observer.count(kind, org.intertrust.ledger.state.CrossAsStatus.UNLOCKED);
        released += observer.count(kind, org.intertrust.ledger.state.CrossAsStatus.RELEASED);
        finalBoth += observer.finalBothSides(kind);
      }
      if (submitted > 0) {
        counts.put(kind, new KindCounts(submitted, unlocked, released, finalBoth));
      }
    }
    return counts;
  }

  /** The network: 10 ms links with 1 ms jitter; 2% loss on every link under {@code loss}. */
  private static NetworkModel network(Options options) {
    LinkProfile profile = LinkProfile.reliable().withJitter(MILLIS);
    if (options.faults().contains(Fault.LOSS)) {
      profile = profile.withLoss(LOSS);
    }
    return new NetworkModel(profile);
  }

  static final double LOSS = 0.02;

  /**
   * Partition: X (replicas and gateways) is cut from Y from 40 ms until 100 ms past the deadline of
   * the last transaction submitted by 50 ms, so those transactions expire and are refunded. Gateway
   * crashes are scheduled by the caller ({@link #defaultCrashes}).
   */
  private static void scheduleFaults(
      Options options, TwoAs world, Simulation<CrossAsMessage> simulation) {
    if (options.faults().contains(Fault.PARTITION)) {
      simulation.partition(
          org.intertrust.sim.network.Partition.between(world.asGroups()),
          40 * MILLIS,
          (150 + options.deadlineMillis()) * MILLIS);
    }
  }

  private static double percentileMillis(
      org.intertrust.sim.stats.LatencyRecorder latency, double p) {
    return latency.count() == 0 ? 0 : latency.percentileNanos(p) / 1e6;
  }

  /** The id of AS number {@code index} (0-based): AS 1 is X, AS 2 is Y, AS 3 is Z. */
  static AsId as(int index) {
    return new AsId(index + 1);
  }
}
