package org.intertrust.sim.crossas;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.intertrust.crypto.bls.ShareIndex;
import org.intertrust.crypto.encoding.AsId;
import org.intertrust.crypto.identity.AgreementKeyPair;
import org.intertrust.crypto.identity.IdentityKeyPair;
import org.intertrust.crypto.identity.IdentityPublicKey;
import org.intertrust.gateway.enclave.GatewayEnclave;
import org.intertrust.gateway.protocol.attestation.AttestedPeer;
import org.intertrust.gateway.protocol.config.AsConfiguration;
import org.intertrust.gateway.protocol.config.ReplicaKeys;
import org.intertrust.gateway.protocol.core.GatewayCore;
import org.intertrust.gateway.protocol.core.GatewayCoreConfig;
import org.intertrust.gateway.protocol.dealing.RotationPolicy;
import org.intertrust.gateway.protocol.replica.CrossAsReplica;
import org.intertrust.gateway.protocol.replica.TransferTerms;
import org.intertrust.gateway.protocol.routing.GatewayId;
import org.intertrust.gateway.protocol.routing.GatewaySelector;
import org.intertrust.gateway.protocol.wire.GatewayCodec;
import org.intertrust.gateway.tee.Measurement;
import org.intertrust.gateway.tee.SoftwarePlatform;
import org.intertrust.ledger.tx.EscrowLock;
import org.intertrust.ledger.tx.TransactionCodec;
import org.intertrust.ledger.value.AccountId;
import org.intertrust.ledger.value.Amount;
import org.intertrust.ledger.value.ConsensusTime;
import org.intertrust.ledger.value.Nonce;
import org.intertrust.sim.NodeContext;
import org.intertrust.sim.SimNode;
import org.intertrust.sim.SimTimer;
import org.intertrust.sim.Simulation;
import org.intertrust.sim.Violation;
import org.intertrust.sim.consensus.AsCluster;
import org.intertrust.sim.consensus.Behaviour;
import org.intertrust.sim.storage.NodeStorage;

/**
 * The assembled world of a {@link CrossAsScenario}: two {@link AsCluster}s, their replicas'
 * agreement keys and configurations, one software enclave and gateway core per gateway, the
 * provenance gates and the observer. Node ids: X's replicas {@code 0..n-1}, Y's {@code n..2n-1},
 * then X's gateways, then Y's.
 */
final class TwoAs {
  static final Measurement CODE = Measurement.ofRelease("intertrust-gateway-sim");
  private static final int CLIENT_ACCOUNTS = 16;
  private static final long RELAY_TIMEOUT_MILLIS = 300;

  private final CrossAsScenario.Options options;
  private final Side x;
  private final Side y;
  private final GatewaySelector selector;
  private final Map<GatewayId, Integer> gatewayNodes = new HashMap<>();
  private final CrossAsObserver observer;
  private final CrossAsStats stats = new CrossAsStats();
  private final CrossAsScenario.Carriage carriage;
  private final CrossAsWire wire;
  private Simulation<CrossAsMessage> simulation;

  /** One AS with its keys, enclaves and live nodes. */
  private static final class Side {
    final AsCluster cluster;
    final List<AgreementKeyPair> agreements = new ArrayList<>();
    final AsConfiguration configuration;
    final List<GatewayEnclave> enclaves = new ArrayList<>();
    final List<org.intertrust.gateway.tee.Enclave> platforms = new ArrayList<>();
    final ProvenanceGate gate;
    final int replicaBase;
    final int gatewayBase;
    final Map<Integer, CrossAsReplicaNode> live = new HashMap<>();

    Side(AsCluster cluster, int gateways, long seed, int replicaBase, int gatewayBase) {
      this.cluster = cluster;
      this.replicaBase = replicaBase;
      this.gatewayBase = gatewayBase;
      List<ReplicaKeys> keys = new ArrayList<>();
      for (int i = 0; i < cluster.size(); i++) {
        AgreementKeyPair agreement =
            AgreementKeyPair.generate(new SeededSecureRandom(seed * 1_009L + i));
        agreements.add(agreement);
        keys.add(new ReplicaKeys(cluster.identity(i).publicKey(), agreement.publicKey()));
      }
      int f = cluster.faults();
      this.configuration = new AsConfiguration(cluster.as(), f, f + 1, keys);
      for (int g = 0; g < gateways; g++) {
        long enclaveSeed = seed * 7_919L + 100 + g;
        org.intertrust.gateway.tee.Enclave platform =
            SoftwarePlatform.init(new SeededSecureRandom(enclaveSeed))
                .launch(CODE, () -> 0L, new SeededSecureRandom(enclaveSeed + 1));
        platforms.add(platform);
        enclaves.add(GatewayEnclave.create(platform, new SeededSecureRandom(enclaveSeed + 2)));
      }
      this.gate = new ProvenanceGate(cluster.as(), enclaveIds());
    }

    List<IdentityPublicKey> enclaveIds() {
      List<IdentityPublicKey> ids = new ArrayList<>();
      enclaves.forEach(e -> ids.add(e.publicKeys().identity()));
      return ids;
    }

    int[] gatewayNodeIds() {
      int[] ids = new int[enclaves.size()];
      for (int g = 0; g < ids.length; g++) {
        ids[g] = gatewayBase + g;
      }
      return ids;
    }
  }

  private TwoAs(
      CrossAsScenario.Options options, CrossAsScenario.Carriage carriage, Side x, Side y) {
    this.options = options;
    this.carriage = carriage;
    this.wire =
        new CrossAsWire(
            x.cluster.wireCodec(),
            new GatewayCodec(
                GatewayCodec.Limits.forReplicas(Math.max(x.cluster.size(), y.cluster.size()))));
    this.x = x;
    this.y = y;
    int g = options.gatewaysPerAs();
    this.selector =
        new GatewaySelector(Map.of(x.cluster.as(), g, y.cluster.as(), g), options.seed());
    for (int i = 0; i < g; i++) {
      gatewayNodes.put(new GatewayId(x.cluster.as(), i), x.gatewayBase + i);
      gatewayNodes.put(new GatewayId(y.cluster.as(), i), y.gatewayBase + i);
    }
    this.observer =
        new CrossAsObserver(
            x.cluster.as(),
            y.cluster.as(),
            x.cluster.honest(),
            y.cluster.honest(),
            x.enclaveIds(),
            y.enclaveIds(),
            AsCluster.coin());
  }

  static TwoAs build(CrossAsScenario.Options options, CrossAsScenario.Carriage carriage) {
    boolean byzantine = options.faults().contains(CrossAsScenario.Fault.BYZANTINE);
    return build(options, carriage, byzantine ? (options.n() - 1) / 3 : 0);
  }

  /** The world with {@code byzantinePerAs} Byzantine replicas in each AS (at most f). */
  static TwoAs build(
      CrossAsScenario.Options options, CrossAsScenario.Carriage carriage, int byzantinePerAs) {
    int n = options.n();
    Behaviour onX = options.seed() % 2 == 0 ? Behaviour.BAD_SHARES : Behaviour.SILENT;
    Behaviour onY = onX == Behaviour.SILENT ? Behaviour.BAD_SHARES : Behaviour.SILENT;
    if (byzantinePerAs < 0 || byzantinePerAs > (n - 1) / 3) {
      throw new IllegalArgumentException(
          "at most f = " + (n - 1) / 3 + " Byzantine replicas per AS");
    }
    AsCluster clusterX =
        AsCluster.create(
            CrossAsScenario.x(),
            n,
            java.util.Collections.nCopies(byzantinePerAs, onX),
            CLIENT_ACCOUNTS,
            options.seed());
    AsCluster clusterY =
        AsCluster.create(
            CrossAsScenario.y(),
            n,
            java.util.Collections.nCopies(byzantinePerAs, onY),
            CLIENT_ACCOUNTS,
            options.seed());
    int g = options.gatewaysPerAs();
    Side x = new Side(clusterX, g, options.seed() * 2 + 1, 0, 2 * n);
    Side y = new Side(clusterY, g, options.seed() * 2 + 2, n, 2 * n + g);
    return new TwoAs(options, carriage, x, y);
  }

  void attach(Simulation<CrossAsMessage> sim) {
    this.simulation = sim;
    attach(sim::now);
  }

  /** Connects the observer to the replicas' executions, timed by {@code clock} (nanoseconds). */
  void attach(java.util.function.LongSupplier clock) {
    x.cluster.onExecution(
        (replica, block) -> {
          observer.executedOnX(replica, block, clock.getAsLong());
          CrossAsReplicaNode node = x.live.get(replica);
          if (node != null) {
            node.onExecuted(block);
          }
        });
    y.cluster.onExecution(
        (replica, block) -> {
          observer.executedOnY(replica, block);
          CrossAsReplicaNode node = y.live.get(replica);
          if (node != null) {
            node.onExecuted(block);
          }
        });
  }

  SimNode<CrossAsMessage> replicaX(int id, NodeStorage storage, int incarnation) {
    return replica(x, y, id - x.replicaBase, storage);
  }

  SimNode<CrossAsMessage> replicaY(int id, NodeStorage storage, int incarnation) {
    return replica(y, x, id - y.replicaBase, storage);
  }

  private SimNode<CrossAsMessage> replica(Side own, Side peer, int local, NodeStorage storage) {
    Behaviour role = own.cluster.roles().get(local);
    if (role == Behaviour.SILENT) {
      return new Silent();
    }
    CrossAsReplica crossAs =
        new CrossAsReplica(
            own.cluster.as(),
            ShareIndex.of(local + 1),
            own.cluster.identity(local),
            own.agreements.get(local),
            peer.enclaveIds(),
            4_096);
    CrossAsReplicaNode node =
        new CrossAsReplicaNode(
            own.cluster.node(local, storage, own.gate::wrap),
            own.replicaBase,
            own.cluster.size(),
            crossAs,
            own.gate,
            own.gatewayNodeIds(),
            role == Behaviour.BAD_SHARES,
            own.cluster.identity(local));
    own.live.put(local, node);
    return carried(node, false);
  }

  SimNode<CrossAsMessage> gatewayX(int id, NodeStorage storage, int incarnation) {
    GatewayNode.Faults scripted =
        new GatewayNode.Faults(
            false, options.faults().contains(CrossAsScenario.Fault.FORGED_CERTIFICATE), false);
    return gateway(x, y, id - x.gatewayBase, storage, incarnation, scripted);
  }

  SimNode<CrossAsMessage> gatewayY(int id, NodeStorage storage, int incarnation) {
    Set<CrossAsScenario.Fault> faults = options.faults();
    int index = id - y.gatewayBase;
    GatewayNode.Faults scripted =
        new GatewayNode.Faults(
            faults.contains(CrossAsScenario.Fault.REPLAY),
            faults.contains(CrossAsScenario.Fault.FORGED_CERTIFICATE),
            faults.contains(CrossAsScenario.Fault.GATEWAY_DROP) && index == 0);
    return gateway(y, x, index, storage, incarnation, scripted);
  }

  private static final String SEALED = "gateway/sealed";

  /**
   * The enclave of gateway {@code index}: sealed to its storage at the first start, restored from
   * that sealed state after a restart (same keys, same dealing seed, so the same dealings).
   */
  private static GatewayEnclave enclave(Side own, int index, NodeStorage storage, int incarnation) {
    if (incarnation == 0) {
      GatewayEnclave fresh = own.enclaves.get(index);
      storage.put(SEALED, fresh.seal());
      storage.flush();
      return fresh;
    }
    try {
      return GatewayEnclave.restore(
          own.platforms.get(index),
          storage.get(SEALED).orElseThrow(),
          new SeededSecureRandom(incarnation * 1_000_003L + index));
    } catch (org.intertrust.gateway.tee.EnclaveException e) {
      throw new IllegalStateException("gateway " + index + " cannot restore its enclave", e);
    }
  }

  private SimNode<CrossAsMessage> gateway(
      Side own,
      Side peer,
      int index,
      NodeStorage storage,
      int incarnation,
      GatewayNode.Faults faults) {
    GatewayId self = new GatewayId(own.cluster.as(), index);
    GatewayEnclave enclave = enclave(own, index, storage, incarnation);
    GatewayCoreConfig config =
        new GatewayCoreConfig(
            self,
            own.configuration,
            new AttestedPeer(peer.enclaves.get(0).publicKeys(), peer.configuration, CODE),
            new HashSet<>(peer.enclaveIds()),
            new HashSet<>(own.enclaveIds()),
            options.dealing(),
            new RotationPolicy(100, 1_000_000),
            RELAY_TIMEOUT_MILLIS,
            4_096);
    GatewayCore core =
        new GatewayCore(
            config,
            enclave,
            selector,
            new SplittableRandom(options.seed() * 31 + own.cluster.as().value() * 7 + index));
    List<IdentityPublicKey> replicaKeys = new ArrayList<>();
    for (int i = 0; i < own.cluster.size(); i++) {
      replicaKeys.add(own.cluster.identity(i).publicKey());
    }
    GatewayNode.Topology topology =
        new GatewayNode.Topology(
            own.cluster.as(),
            own.replicaBase,
            own.cluster.size(),
            own.cluster.faults(),
            replicaKeys,
            gatewayNodes);
    boolean malformed =
        own == y && options.faults().contains(CrossAsScenario.Fault.MALFORMED_BYTES);
    return carried(new GatewayNode(core, topology, stats, faults), malformed);
  }

  /**
   * {@code node}, sending and receiving the messages {@link #carriage} carries as bytes; with
   * {@code malformed}, each preceded by a broken copy.
   */
  private SimNode<CrossAsMessage> carried(SimNode<CrossAsMessage> node, boolean malformed) {
    if (carriage == CrossAsScenario.Carriage.OBJECTS) {
      return node;
    }
    return new WireNode(
        node, wire, carriage::carriesAsBytes, stats, carriage.checksRoundTrip(), malformed);
  }

  /** The final ledger state hash of every replica that runs a ledger, X's then Y's, by index. */
  List<String> stateHashes() {
    List<String> hashes = new ArrayList<>();
    for (Side side : List.of(x, y)) {
      for (int i = 0; i < side.cluster.size(); i++) {
        hashes.add(
            side.cluster.as()
                + "/"
                + i
                + "="
                + side.cluster.state(i).map(s -> s.hash().toString()).orElse("none"));
      }
    }
    return hashes;
  }

  /** Client {@code index} locks coins on X towards Y through its source gateway. */
  void submit(Simulation<CrossAsMessage> sim, int index, SplittableRandom random) {
    Submission submission = request(index, sim.now(), random);
    sim.inject(
        sim.now() + CrossAsScenario.MILLIS, -1, submission.gatewayNode(), submission.request());
  }

  /** A client's request and the node id of the source gateway it goes to. */
  record Submission(int gatewayNode, CrossAsMessage request) {}

  /**
   * Client {@code index}'s request at time {@code now} (nanoseconds): a signed lock of coins on X
   * towards Y, recorded as submitted; the caller delivers it to the gateway.
   */
  Submission request(int index, long now, SplittableRandom random) {
    AsCluster cluster = x.cluster;
    IdentityKeyPair account = cluster.account(index % cluster.accounts());
    Nonce nonce = new Nonce(index / cluster.accounts());
    ConsensusTime deadline =
        ConsensusTime.ofMillis(now / CrossAsScenario.MILLIS + options.deadlineMillis());
    Amount amount = Amount.of(1 + random.nextInt(100));
    AsId source = x.cluster.as();
    AsId destination = y.cluster.as();
    TransferTerms terms =
        new TransferTerms(
            source,
            destination,
            AccountId.of(account.publicKey()),
            AsCluster.coin(),
            amount,
            deadline,
            nonce);
    EscrowLock lock =
        EscrowLock.sign(
            account,
            new EscrowLock.Terms(
                source, terms.id(), AsCluster.coin(), amount, destination, deadline, nonce));
    GatewayId gateway = selector.select(terms.id(), source, destination).source();
    observer.submitted(terms.id(), now);
    return new Submission(
        gatewayNodes.get(gateway),
        WireNode.outgoing(
            new CrossAsMessage.Request(TransactionCodec.encode(lock), terms),
            wire,
            carriage::carriesAsBytes,
            stats,
            carriage.checksRoundTrip()));
  }

  List<Violation> violations() {
    List<Violation> all = new ArrayList<>(x.cluster.violations());
    all.addAll(y.cluster.violations());
    all.addAll(observer.violations());
    return all;
  }

  /** The wire codec of this world's messages. */
  CrossAsWire wire() {
    return wire;
  }

  CrossAsObserver observer() {
    return observer;
  }

  CrossAsStats stats() {
    return stats;
  }

  long provenanceRefused() {
    return x.gate.refused() + y.gate.refused();
  }

  Simulation<CrossAsMessage> simulation() {
    return simulation;
  }

  /** A node that does nothing: a silent Byzantine replica. */
  private static final class Silent implements SimNode<CrossAsMessage> {
    @Override
    public void onStart(NodeContext<CrossAsMessage> context) {}

    @Override
    public void onMessage(int from, CrossAsMessage message) {}

    @Override
    public void onTimer(SimTimer timer) {}
  }

  /** The node ids of X (replicas and gateways) and of Y. */
  List<Set<Integer>> asGroups() {
    return List.of(nodesOf(x), nodesOf(y));
  }

  private static Set<Integer> nodesOf(Side side) {
    Set<Integer> nodes = new HashSet<>();
    for (int id : side.gatewayNodeIds()) {
      nodes.add(id);
    }
    for (int i = 0; i < side.cluster.size(); i++) {
      nodes.add(side.replicaBase + i);
    }
    return nodes;
  }

  /** The node id of Y's first gateway. */
  int firstGatewayOfY() {
    return y.gatewayBase;
  }
}
