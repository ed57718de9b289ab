package org.intertrust.sim.consensus;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
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
import org.intertrust.sim.trace.TraceMode;

/**
 * One AS's consensus on the simulator: n replicas running the real {@link Replica} core with real
 * keys and real BLS and Ed25519 operations, f of them Byzantine, over a 10 ms network. Runs until
 * every honest replica has committed {@code rounds} blocks (or a virtual-time limit), checking
 * agreement, monotonic heights and vote uniqueness after every event.
 */
public final class ConsensusScenario {
  private static final long MILLIS = 1_000_000L;
  private static final AsId AS = new AsId(1);

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
      long maxVirtualMillis) {
    public Options {
      byzantine = List.copyOf(byzantine);
      if (n < 1 || f < 0 || f > ConsensusConfig.faults(n)) {
        throw new IllegalArgumentException(
            "need 0 <= f <= " + ConsensusConfig.faults(n) + " for n=" + n + ", got f=" + f);
      }
      if (rounds < 1 || maxVirtualMillis < 1) {
        throw new IllegalArgumentException("rounds and the time limit must be positive");
      }
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
      String traceSha256) {}

  private ConsensusScenario() {}

  /** Runs one scenario. */
  public static Summary run(Options options) {
    return run(options, simulation -> {});
  }

  /** Runs one scenario after {@code schedule} has planned crashes, restarts or partitions. */
  static Summary run(Options options, Consumer<Simulation<Packet>> schedule) {
    Keys keys = Keys.deal(options.n(), options.seed());
    MemoizingVerifier verifier = new MemoizingVerifier(SignatureVerifier.DIRECT);
    Map<Integer, Behaviour> roles = assignRoles(options);
    ConsensusObserver observer =
        new ConsensusObserver(
            options.n(),
            roles.keySet(),
            keys.config.commitKey(),
            org.intertrust.consensus.Block.genesis(AS).hash());
    Simulation<Packet> simulation =
        Simulation.<Packet>builder(options.seed())
            .group(
                "replicas",
                options.n(),
                (id, storage, incarnation) ->
                    node(id, storage, keys, roles.get(id), observer, options, verifier))
            .network(new NetworkModel(LinkProfile.reliable().withJitter(MILLIS)))
            .cpu(cpuModel(options.cpu(), ConsensusConfig.quorum(options.n())))
            .trace(TraceMode.HASH_AND_TAIL, 40)
            .invariant(view -> observer.violations())
            .build();
    Set<Integer> honest = new HashSet<>();
    for (int i = 0; i < options.n(); i++) {
      if (!roles.containsKey(i)) {
        honest.add(i);
      }
    }
    schedule.accept(simulation);
    SimulationResult result =
        simulation.runUntil(
            () -> observer.minHonestHeight(honest) >= options.rounds(),
            options.maxVirtualMillis() * MILLIS);
    return summarize(options, roles, observer, result, honest);
  }

  private static SimNode<Packet> node(
      int id,
      org.intertrust.sim.storage.SimStorage storage,
      Keys keys,
      Behaviour behaviour,
      ConsensusObserver observer,
      Options options,
      SignatureVerifier verifier) {
    if (behaviour == Behaviour.SILENT) {
      return new SilentNode();
    }
    Replica replica =
        new Replica(
            keys.config,
            id,
            keys.identities.get(id),
            keys.shares.get(id),
            PayloadSource.EMPTY,
            ReplicaNode.loadSafety(storage),
            new SplittableRandom(options.seed() * 7919 + id),
            verifier);
    Function<ConsensusMessage, Packet> tamper =
        behaviour == null
            ? ReplicaNode.HONEST
            : Tampering.of(
                behaviour,
                AS,
                keys.identities.get(id),
                keys.shares.get(id),
                options.n(),
                options.seed() * 31 + id);
    return new ReplicaNode(replica, observer, tamper, keys.config.quorum());
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
        result.traceSha256());
  }

  /** A replica that never sends anything. */
  private static final class SilentNode implements SimNode<Packet> {
    @Override
    public void onStart(NodeContext<Packet> context) {}

    @Override
    public void onMessage(int from, Packet packet) {}

    @Override
    public void onTimer(SimTimer timer) {}
  }

  /** Deterministic keys for a run: Ed25519 identities and a (2f+1, n) commit key. */
  private record Keys(
      ConsensusConfig config, List<IdentityKeyPair> identities, List<KeyShare> shares) {
    static Keys deal(int n, long seed) {
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
          new ConsensusConfig(
              AS, publicKeys, dealt.publicKey(), 200 * MILLIS, Packet.MAX_PAYLOAD_BYTES);
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
