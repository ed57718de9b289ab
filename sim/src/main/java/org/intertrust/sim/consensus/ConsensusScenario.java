package org.intertrust.sim.consensus;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.function.Function;
import org.intertrust.consensus.ConsensusConfig;
import org.intertrust.consensus.ConsensusDecodingException;
import org.intertrust.consensus.ConsensusMessage;
import org.intertrust.consensus.PayloadSource;
import org.intertrust.consensus.RejectReason;
import org.intertrust.consensus.Replica;
import org.intertrust.consensus.SignatureVerifier;
import org.intertrust.crypto.bls.KeyShare;
import org.intertrust.crypto.bls.ThresholdDealer;
import org.intertrust.crypto.encoding.AsId;
import org.intertrust.crypto.identity.IdentityKeyPair;
import org.intertrust.crypto.identity.IdentityPublicKey;
import org.intertrust.sim.NodeContext;
import org.intertrust.sim.SimNode;
import org.intertrust.sim.SimTimer;
import org.intertrust.sim.Simulation;
import org.intertrust.sim.SimulationResult;
import org.intertrust.sim.cpu.CpuModel;
import org.intertrust.sim.network.LinkProfile;
import org.intertrust.sim.network.NetworkModel;
import org.intertrust.sim.stats.LatencyRecorder;
import org.intertrust.sim.storage.CrashLoss;
import org.intertrust.sim.trace.TraceMode;

/**
 * One AS's consensus on the simulator: n replicas running the real {@link Replica} core with real
 * keys and real BLS and Ed25519 operations, f of them Byzantine, over a 10 ms network. Runs until
 * every honest replica has committed {@code rounds} blocks (or a virtual-time limit), checking
 * agreement, monotonic heights and vote uniqueness after every event.
 *
 * <p>With {@link LedgerOptions#enabled() the ledger on}, blocks carry batches of signed client
 * transfers, every replica executes what it commits, execution certificates are combined, and the
 * {@link LedgerObserver}'s invariants (equal state hashes, conservation, valid certificates) are
 * checked after every event too; honest replicas may be crashed and restarted mid-run.
 */
public final class ConsensusScenario {
  private static final long MILLIS = 1_000_000L;
  private static final AsId AS = new AsId(1);
  private static final int LEDGER_PAYLOAD_BYTES = 256 * 1024;

  /** Block payload limit without the ledger (empty payloads; the malformed replica exceeds it). */
  private static final int PAYLOAD_BYTES = 1024;

  /** How crypto is charged to a replica's virtual CPU. */
  public enum CpuMode {
    /**
     * Fixed per-operation costs measured on the reference machine (BENCHMARKS.md): replays exactly.
     */
    FIXED,
    /** The same operations measured on this machine at start-up. */
    MEASURED_TABLE,
    /** No CPU time at all: network delays only. */
    FREE
  }

  /** Scenario settings. */
  public record Options(
      int n,
      int f,
      List<Behaviour> byzantine,
      int rounds,
      long seed,
      CpuMode cpu,
      long maxVirtualMillis,
      LedgerOptions ledger) {
    public Options {
      byzantine = List.copyOf(byzantine);
      java.util.Objects.requireNonNull(ledger, "ledger");
      if (n < 1 || f < 0 || f + ledger.crashes() > ConsensusConfig.faults(n)) {
        throw new IllegalArgumentException(
            "need 0 <= f + crashed <= "
                + ConsensusConfig.faults(n)
                + " for n="
                + n
                + ", got f="
                + f
                + " and "
                + ledger.crashes()
                + " crashed");
      }
      if (rounds < 1 || maxVirtualMillis < 1) {
        throw new IllegalArgumentException("rounds and the time limit must be positive");
      }
    }

    /** Consensus only: empty payloads, no ledger. */
    public Options(
        int n,
        int f,
        List<Behaviour> byzantine,
        int rounds,
        long seed,
        CpuMode cpu,
        long maxVirtualMillis) {
      this(n, f, byzantine, rounds, seed, cpu, maxVirtualMillis, LedgerOptions.OFF);
    }
  }

  /**
   * The ledger side of a scenario.
   *
   * @param enabled whether blocks carry transaction batches that replicas execute
   * @param txPerSecond client transfers per second of virtual time (0: none)
   * @param accounts funded client accounts the transfers go between
   * @param crashes honest replicas crashed at {@code crashAtMillis} and restarted at {@code
   *     restartAtMillis}; with the Byzantine ones at most f
   * @param crashLoss what a crash does to unflushed writes
   */
  public record LedgerOptions(
      boolean enabled,
      int txPerSecond,
      int accounts,
      int crashes,
      CrashLoss crashLoss,
      long crashAtMillis,
      long restartAtMillis) {
    /** No ledger. */
    public static final LedgerOptions OFF =
        new LedgerOptions(false, 0, 2, 0, CrashLoss.ALL_UNFLUSHED, 0, 0);

    public LedgerOptions {
      java.util.Objects.requireNonNull(crashLoss, "crashLoss");
      if (txPerSecond < 0 || accounts < 2 || crashes < 0) {
        throw new IllegalArgumentException("rate and crashes >= 0, at least two accounts");
      }
      if (crashes > 0 && (crashAtMillis < 1 || restartAtMillis <= crashAtMillis)) {
        throw new IllegalArgumentException("a crash needs 0 < crash time < restart time");
      }
    }

    /** The ledger on, with {@code txPerSecond} transfers between 64 accounts, no crashes. */
    public static LedgerOptions workload(int txPerSecond) {
      return new LedgerOptions(true, txPerSecond, 64, 0, CrashLoss.ALL_UNFLUSHED, 0, 0);
    }

    /** The same, with {@code count} honest replicas crashed and restarted. */
    public LedgerOptions withCrashes(
        int count, CrashLoss loss, long crashAtMillis, long restartAtMillis) {
      return new LedgerOptions(
          enabled, txPerSecond, accounts, count, loss, crashAtMillis, restartAtMillis);
    }
  }

  /** What a run produced. */
  public record Summary(
      long seed,
      int n,
      int f,
      List<String> byzantine,
      boolean invariantsOk,
      List<String> violations,
      int committedRounds,
      int viewChanges,
      double meanMs,
      double p50Ms,
      double p99Ms,
      String cpuModel,
      Map<RejectReason, Long> rejections,
      Map<ConsensusDecodingException.Reason, Long> undecodable,
      long events,
      long virtualMillis,
      String traceSha256,
      Optional<LedgerSummary> ledger) {}

  /**
   * What the ledger did, when it ran.
   *
   * @param transactionsSubmitted client transfers sent to the replicas
   * @param transactionsCommitted transactions applied by the agreed blocks
   * @param transactionsRejected transactions in agreed blocks that execution rejected
   * @param executedHeight the lowest height every honest replica executed
   * @param stateHash the agreed state hash at {@code executedHeight}, hex
   * @param stateHashesAgree whether every honest replica had the same state hash at every height
   * @param certifiedHeights heights with a stored execution certificate
   * @param crashed the replicas crashed and restarted
   * @param recoveredHeights for each restart, the height recovered from the replica's storage
   */
  public record LedgerSummary(
      long transactionsSubmitted,
      long transactionsCommitted,
      long transactionsRejected,
      long executedHeight,
      String stateHash,
      boolean stateHashesAgree,
      int certifiedHeights,
      List<Integer> crashed,
      List<Long> recoveredHeights) {}

  private ConsensusScenario() {}

  /** Runs one scenario. */
  public static Summary run(Options options) {
    return run(options, simulation -> {});
  }

  /** Runs one scenario after {@code schedule} has planned crashes, restarts or partitions. */
  static Summary run(Options options, Consumer<Simulation<AsMessage>> schedule) {
    boolean ledgerOn = options.ledger().enabled();
    Keys keys =
        Keys.deal(options.n(), options.seed(), ledgerOn ? LEDGER_PAYLOAD_BYTES : PAYLOAD_BYTES);
    MemoizingVerifier verifier = new MemoizingVerifier(SignatureVerifier.DIRECT);
    Map<Integer, Behaviour> roles = assignRoles(options);
    ConsensusObserver observer =
        new ConsensusObserver(
            options.n(),
            roles.keySet(),
            keys.config.commitKey(),
            org.intertrust.consensus.Block.genesis(AS).hash());
    Optional<LedgerRun> ledger =
        ledgerOn
            ? Optional.of(LedgerRun.create(AS, LEDGER_PAYLOAD_BYTES, options, roles.keySet()))
            : Optional.empty();
    Simulation<AsMessage> simulation =
        Simulation.<AsMessage>builder(options.seed())
            .group(
                "replicas",
                options.n(),
                (id, storage, incarnation) ->
                    node(id, storage, keys, roles.get(id), observer, ledger, options, verifier))
            .network(new NetworkModel(LinkProfile.reliable().withJitter(MILLIS)))
            .cpu(cpuModel(options.cpu(), ConsensusConfig.quorum(options.n())))
            .crashLoss(options.ledger().crashLoss())
            .trace(TraceMode.HASH_AND_TAIL, 40)
            .invariant(view -> violations(observer, ledger))
            .build();
    Set<Integer> honest = new HashSet<>();
    for (int i = 0; i < options.n(); i++) {
      if (!roles.containsKey(i)) {
        honest.add(i);
      }
    }
    List<Integer> crashed = scheduleCrashes(simulation, options, honest);
    ledger.ifPresent(run -> run.workload().install(simulation));
    schedule.accept(simulation);
    SimulationResult result =
        simulation.runUntil(
            () -> observer.minHonestHeight(honest) >= options.rounds(),
            options.maxVirtualMillis() * MILLIS);
    Summary summary = summarize(options, roles, observer, result, honest);
    return ledger.isEmpty() ? summary : withLedger(summary, ledger.get(), honest, crashed);
  }

  private static List<org.intertrust.sim.Violation> violations(
      ConsensusObserver observer, Optional<LedgerRun> ledger) {
    List<org.intertrust.sim.Violation> all = new ArrayList<>(observer.violations());
    ledger.ifPresent(run -> all.addAll(run.observer().violations()));
    return all;
  }

  /** Crashes the first {@code crashes} honest replicas, then restarts them. */
  private static List<Integer> scheduleCrashes(
      Simulation<AsMessage> simulation, Options options, Set<Integer> honest) {
    List<Integer> crashed = new ArrayList<>();
    LedgerOptions ledger = options.ledger();
    for (int id = 0; id < options.n() && crashed.size() < ledger.crashes(); id++) {
      if (honest.contains(id)) {
        crashed.add(id);
        simulation.crashAt(id, ledger.crashAtMillis() * MILLIS);
        simulation.restartAt(id, ledger.restartAtMillis() * MILLIS);
      }
    }
    return crashed;
  }

  private static Summary withLedger(
      Summary summary, LedgerRun run, Set<Integer> honest, List<Integer> crashed) {
    LedgerObserver observer = run.observer();
    long height = observer.minHonestExecuted(honest);
    boolean agree =
        observer.violations().stream().noneMatch(v -> v.invariant().equals("state-agreement"));
    LedgerSummary ledger =
        new LedgerSummary(
            run.workload().submitted(),
            observer.applied(),
            observer.rejected(),
            height,
            observer.stateHashAt(height),
            agree,
            observer.certifiedHeights(),
            crashed,
            observer.recoveries());
    return new Summary(
        summary.seed(),
        summary.n(),
        summary.f(),
        summary.byzantine(),
        summary.invariantsOk(),
        summary.violations(),
        summary.committedRounds(),
        summary.viewChanges(),
        summary.meanMs(),
        summary.p50Ms(),
        summary.p99Ms(),
        summary.cpuModel(),
        summary.rejections(),
        summary.undecodable(),
        summary.events(),
        summary.virtualMillis(),
        summary.traceSha256(),
        Optional.of(ledger));
  }

  private static SimNode<AsMessage> node(
      int id,
      org.intertrust.sim.storage.NodeStorage storage,
      Keys keys,
      Behaviour behaviour,
      ConsensusObserver observer,
      Optional<LedgerRun> ledgerRun,
      Options options,
      SignatureVerifier verifier) {
    if (behaviour == Behaviour.SILENT) {
      return new SilentNode();
    }
    Optional<ReplicaLedger> ledger = ledgerRun.map(run -> run.replica(id, storage, behaviour));
    Replica replica =
        new Replica(
            keys.config,
            id,
            keys.identities.get(id),
            keys.shares.get(id),
            ledger.map(ReplicaLedger::payloads).orElse(PayloadSource.EMPTY),
            ReplicaNode.loadSafety(storage),
            new SplittableRandom(options.seed() * 7919 + id),
            verifier);
    Function<ConsensusMessage, AsMessage> tamper =
        behaviour == null
            ? ReplicaNode.HONEST
            : Tampering.of(
                behaviour,
                AS,
                keys.identities.get(id),
                keys.shares.get(id),
                options.n(),
                ConsensusWire.limits(keys.config.maxPayloadBytes()),
                options.seed() * 31 + id);
    return new ReplicaNode(
        replica,
        observer,
        tamper,
        keys.config.quorum(),
        ConsensusWire.codec(keys.config.maxPayloadBytes()),
        ledger);
  }

  /** The f Byzantine replicas, spread over the ids, with behaviours assigned round-robin. */
  static Map<Integer, Behaviour> assignRoles(Options options) {
    Map<Integer, Behaviour> roles = new java.util.TreeMap<>();
    if (options.byzantine().isEmpty()) {
      return roles;
    }
    SplittableRandom random = new SplittableRandom(options.seed() ^ 0x5eedL);
    List<Integer> ids = new ArrayList<>();
    for (int i = 0; i < options.n(); i++) {
      ids.add(i);
    }
    java.util.Collections.shuffle(ids, new java.util.Random(random.nextLong()));
    for (int i = 0; i < options.f(); i++) {
      roles.put(ids.get(i), options.byzantine().get(i % options.byzantine().size()));
    }
    return roles;
  }

  static CpuModel cpuModel(CpuMode mode, int quorum) {
    return switch (mode) {
      case FREE -> CpuModel.free();
      case FIXED -> CpuModel.costTable(CryptoCosts.fixed());
      case MEASURED_TABLE -> CpuModel.costTable(CryptoCosts.measured(quorum));
    };
  }

  private static Summary summarize(
      Options options,
      Map<Integer, Behaviour> roles,
      ConsensusObserver observer,
      SimulationResult result,
      Set<Integer> honest) {
    LatencyRecorder latency = new LatencyRecorder();
    observer.roundLatencies().forEach(latency::record);
    List<String> violations = new ArrayList<>();
    result.violations().forEach(v -> violations.add(v.toString()));
    List<String> byzantine = new ArrayList<>();
    roles.forEach((id, behaviour) -> byzantine.add(id + ":" + behaviour.cliName()));
    return new Summary(
        options.seed(),
        options.n(),
        options.f(),
        byzantine,
        violations.isEmpty(),
        violations,
        observer.minHonestHeight(honest),
        observer.viewChanges(),
        latency.meanNanos() / 1e6,
        latency.percentileNanos(50) / 1e6,
        latency.percentileNanos(99) / 1e6,
        result.cpuModel(),
        observer.rejections(),
        observer.undecodable(),
        result.eventsProcessed(),
        result.virtualTimeNanos() / MILLIS,
        result.traceSha256(),
        Optional.empty());
  }

  /** A replica that never sends anything. */
  static final class SilentNode implements SimNode<AsMessage> {
    @Override
    public void onStart(NodeContext<AsMessage> context) {}

    @Override
    public void onMessage(int from, AsMessage message) {}

    @Override
    public void onTimer(SimTimer timer) {}
  }

  /** Deterministic keys for a run: Ed25519 identities and a (2f+1, n) commit key. */
  record Keys(ConsensusConfig config, List<IdentityKeyPair> identities, List<KeyShare> shares) {
    static Keys deal(int n, long seed, int maxPayloadBytes) {
      return deal(AS, n, seed, maxPayloadBytes);
    }

    static Keys deal(AsId as, int n, long seed, int maxPayloadBytes) {
      List<IdentityKeyPair> identities = new ArrayList<>();
      List<IdentityPublicKey> publicKeys = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        IdentityKeyPair identity = IdentityKeyPair.generate(seeded(seed * 1_000_003L + i));
        identities.add(identity);
        publicKeys.add(identity.publicKey());
      }
      ThresholdDealer.DealtKey dealt =
          ThresholdDealer.dealRandom(ConsensusConfig.quorum(n), n, new java.util.Random(seed));
      ConsensusConfig config =
          new ConsensusConfig(as, publicKeys, dealt.publicKey(), 200 * MILLIS, maxPayloadBytes);
      return new Keys(config, identities, dealt.shares());
    }

    private static SecureRandom seeded(long seed) {
      try {
        SecureRandom random = SecureRandom.getInstance("SHA1PRNG");
        random.setSeed(seed);
        return random;
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException(e);
      }
    }
  }
}
