package org.intertrust.sim.crossas;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import org.intertrust.crypto.bls.ShareIndex;
import org.intertrust.crypto.encoding.AsId;
import org.intertrust.crypto.identity.AgreementKeyPair;
import org.intertrust.crypto.identity.IdentityPublicKey;
import org.intertrust.gateway.enclave.GatewayEnclave;
import org.intertrust.gateway.protocol.attestation.AttestationPolicy;
import org.intertrust.gateway.protocol.attestation.AttestationVerifier;
import org.intertrust.gateway.protocol.attestation.AttestedPeer;
import org.intertrust.gateway.protocol.attestation.MutualAttestation;
import org.intertrust.gateway.protocol.attestation.SoftwarePlatformTrust;
import org.intertrust.gateway.protocol.config.AsConfiguration;
import org.intertrust.gateway.protocol.config.ReplicaKeys;
import org.intertrust.gateway.protocol.core.GatewayCore;
import org.intertrust.gateway.protocol.core.GatewayCoreConfig;
import org.intertrust.gateway.protocol.dealing.RotationPolicy;
import org.intertrust.gateway.protocol.lifecycle.CrossAsStatusView;
import org.intertrust.gateway.protocol.replica.CrossAsReplica;
import org.intertrust.gateway.protocol.replica.CrossAsTerms;
import org.intertrust.gateway.protocol.routing.GatewayId;
import org.intertrust.gateway.protocol.routing.GatewaySelector;
import org.intertrust.gateway.protocol.wire.GatewayCodec;
import org.intertrust.gateway.tee.Measurement;
import org.intertrust.gateway.tee.SoftwarePlatform;
import org.intertrust.ledger.tx.TransactionCodec;
import org.intertrust.ledger.value.CrossAsTxId;
import org.intertrust.sim.NodeContext;
import org.intertrust.sim.SimNode;
import org.intertrust.sim.SimTimer;
import org.intertrust.sim.Simulation;
import org.intertrust.sim.Violation;
import org.intertrust.sim.consensus.AsCluster;
import org.intertrust.sim.consensus.Behaviour;
import org.intertrust.sim.stats.LatencyRecorder;
import org.intertrust.sim.storage.NodeStorage;

/**
 * The assembled world of a {@link CrossAsScenario}: one {@link AsCluster} per AS (two, X and Y, or
 * more), their replicas' agreement keys and configurations, one software enclave per gateway and in
 * each gateway one core per peer AS, the provenance gates and one observer per ordered pair of ASs
 * that carries transfers. Node ids: the replicas of AS i (0-based) are {@code i*n..i*n+n-1}; after
 * all replicas, the gateways of AS i are {@code A*n + i*G ..}; a rogue gateway (fault
 * unattested-gateway) comes last. With two ASs every transfer goes from X to Y; with more, each
 * goes between a random ordered pair.
 */
final class TwoAs {
  static final Measurement CODE = Measurement.ofRelease("intertrust-gateway-sim");
  private static final int CLIENT_ACCOUNTS = 16;
  private static final long RELAY_TIMEOUT_MILLIS = 300;

  private final CrossAsScenario.Options options;
  private final List<Side> sides;
  private final GatewaySelector selector;
  private final Map<GatewayId, Integer> gatewayNodes = new HashMap<>();
  private final Map<List<AsId>, CrossAsObserver> observers = new LinkedHashMap<>();
  private final CrossAsStats stats = new CrossAsStats();
  private final CrossAsScenario.Carriage carriage;
  private final CrossAsWire wire;
  private final Map<List<AsId>, CrossAsWorkload> workloads = new LinkedHashMap<>();
  private final Map<Integer, GatewayNode> gatewayInstances = new java.util.TreeMap<>();
  private final Map<AsId, Integer> submittedFrom = new HashMap<>();
  private final Optional<RogueGateway.Setup> rogue;
  private final LatencyRecorder latency = new LatencyRecorder();
  private Simulation<CrossAsMessage> simulation;

  /** One AS with its keys, enclaves and live nodes. */
  private static final class Side {
    final AsCluster cluster;
    final List<AgreementKeyPair> agreements = new ArrayList<>();
    final AsConfiguration configuration;
    final List<GatewayEnclave> enclaves = new ArrayList<>();
    final List<org.intertrust.gateway.tee.Enclave> platforms = new ArrayList<>();
    final List<IdentityPublicKey> platformRoots = new ArrayList<>();
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
        SoftwarePlatform platform = SoftwarePlatform.init(new SeededSecureRandom(enclaveSeed));
        platformRoots.add(platform.rootKey());
        org.intertrust.gateway.tee.Enclave enclave =
            platform.launch(CODE, () -> 0L, new SeededSecureRandom(enclaveSeed + 1));
        platforms.add(enclave);
        enclaves.add(GatewayEnclave.create(enclave, new SeededSecureRandom(enclaveSeed + 2)));
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
      CrossAsScenario.Options options, CrossAsScenario.Carriage carriage, List<Side> sides) {
    this.options = options;
    this.carriage = carriage;
    this.sides = List.copyOf(sides);
    this.wire =
        new CrossAsWire(
            sides.get(0).cluster.wireCodec(),
            new GatewayCodec(GatewayCodec.Limits.forReplicas(options.n())));
    int g = options.gatewaysPerAs();
    Map<AsId, Integer> counts = new HashMap<>();
    for (Side side : sides) {
      counts.put(side.cluster.as(), g);
      for (int i = 0; i < g; i++) {
        gatewayNodes.put(new GatewayId(side.cluster.as(), i), side.gatewayBase + i);
      }
    }
    this.selector = new GatewaySelector(counts, options.seed());
    for (List<Side> pair : pairs()) {
      Side source = pair.get(0);
      Side destination = pair.get(1);
      observers.put(
          List.of(source.cluster.as(), destination.cluster.as()),
          new CrossAsObserver(
              source.cluster.as(),
              destination.cluster.as(),
              source.cluster.honest(),
              destination.cluster.honest(),
              source.enclaveIds(),
              destination.enclaveIds(),
              AsCluster.coin(),
              latency));
      workloads.put(
          List.of(source.cluster.as(), destination.cluster.as()),
          new CrossAsWorkload(source.cluster, destination.cluster, options.kinds()));
    }
    this.rogue =
        options.faults().contains(CrossAsScenario.Fault.UNATTESTED_GATEWAY)
            ? Optional.of(RogueGateway.setup(options.seed(), sides.get(1).cluster.as(), g))
            : Optional.empty();
    rogue.ifPresent(r -> gatewayNodes.put(r.id(), rogueNode()));
  }

  /** The ordered pairs of ASs that carry transfers: X to Y with two ASs, every pair with more. */
  private List<List<Side>> pairs() {
    List<List<Side>> pairs = new ArrayList<>();
    if (sides.size() == 2) {
      pairs.add(sides);
      return pairs;
    }
    for (Side source : sides) {
      for (Side destination : sides) {
        if (source != destination) {
          pairs.add(List.of(source, destination));
        }
      }
    }
    return pairs;
  }

  static TwoAs build(CrossAsScenario.Options options, CrossAsScenario.Carriage carriage) {
    boolean byzantine = options.faults().contains(CrossAsScenario.Fault.BYZANTINE);
    return build(options, carriage, byzantine ? (options.n() - 1) / 3 : 0);
  }

  /** The world with {@code byzantinePerAs} Byzantine replicas in each AS (at most f). */
  static TwoAs build(
      CrossAsScenario.Options options, CrossAsScenario.Carriage carriage, int byzantinePerAs) {
    int n = options.n();
    int ases = options.ases();
    Behaviour first = options.seed() % 2 == 0 ? Behaviour.BAD_SHARES : Behaviour.SILENT;
    if (byzantinePerAs < 0 || byzantinePerAs > (n - 1) / 3) {
      throw new IllegalArgumentException(
          "at most f = " + (n - 1) / 3 + " Byzantine replicas per AS");
    }
    int g = options.gatewaysPerAs();
    List<Side> sides = new ArrayList<>();
    for (int i = 0; i < ases; i++) {
      Behaviour role =
          i % 2 == 0 ? first : first == Behaviour.SILENT ? Behaviour.BAD_SHARES : Behaviour.SILENT;
      AsCluster cluster =
          AsCluster.create(
              CrossAsScenario.as(i),
              n,
              byzantineRoles(role, byzantinePerAs),
              CLIENT_ACCOUNTS,
              options.seed());
      sides.add(new Side(cluster, g, options.seed() * 2 + 1 + i, i * n, ases * n + i * g));
    }
    return new TwoAs(options, carriage, sides);
  }

  /**
   * The behaviours of an AS's {@code count} Byzantine replicas: the AS's {@code role} (bad shares
   * or silence), then an equivocating leader, then the role again. With n = 4 (f = 1) that is the
   * role alone; from n = 7 on, every AS also has a replica that equivocates as leader.
   */
  static List<Behaviour> byzantineRoles(Behaviour role, int count) {
    List<Behaviour> roles = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      roles.add(i % 2 == 0 ? role : Behaviour.EQUIVOCATE);
    }
    return roles;
  }

  void attach(Simulation<CrossAsMessage> sim) {
    this.simulation = sim;
    attach(sim::now);
  }

  /** Connects the observers to the replicas' executions, timed by {@code clock} (nanoseconds). */
  void attach(java.util.function.LongSupplier clock) {
    for (Side side : sides) {
      side.cluster.onExecution(
          (replica, block) -> {
            for (CrossAsObserver observer : observers.values()) {
              observer.executed(side.cluster.as(), replica, block, clock.getAsLong());
            }
            CrossAsReplicaNode node = side.live.get(replica);
            if (node != null) {
              node.onExecuted(block);
            }
          });
    }
  }

  /** The replica with node id {@code id}. */
  SimNode<CrossAsMessage> replica(int id, NodeStorage storage, int incarnation) {
    Side own = sides.get(id / options.n());
    return replica(own, id - own.replicaBase, storage);
  }

  private List<IdentityPublicKey> peerEnclaveIds(Side own) {
    List<IdentityPublicKey> ids = new ArrayList<>();
    for (Side side : sides) {
      if (side != own) {
        ids.addAll(side.enclaveIds());
      }
    }
    return ids;
  }

  private SimNode<CrossAsMessage> replica(Side own, int local, NodeStorage storage) {
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
            peerEnclaveIds(own),
            4_096,
            options.batching());
    CrossAsReplicaNode node =
        new CrossAsReplicaNode(
            own.cluster.node(local, storage, own.gate::wrap),
            own.replicaBase,
            own.cluster.size(),
            crossAs,
            own.gate,
            own.gatewayNodeIds(),
            role == Behaviour.BAD_SHARES,
            own.cluster.identity(local),
            stats);
    own.live.put(local, node);
    return carried(node, false);
  }

  /**
   * The gateway with node id {@code id}. The first AS's gateways may forge; the others' may also
   * replay, and the second AS's first gateway may drop everything.
   */
  SimNode<CrossAsMessage> gateway(int id, NodeStorage storage, int incarnation) {
    int g = options.gatewaysPerAs();
    int number = (id - sides.size() * options.n()) / g;
    Side own = sides.get(number);
    int index = id - own.gatewayBase;
    Set<CrossAsScenario.Fault> faults = options.faults();
    GatewayNode.Faults scripted =
        new GatewayNode.Faults(
            number > 0 && faults.contains(CrossAsScenario.Fault.REPLAY),
            faults.contains(CrossAsScenario.Fault.FORGED_CERTIFICATE),
            number == 1 && faults.contains(CrossAsScenario.Fault.GATEWAY_DROP) && index == 0);
    return gateway(own, index, storage, incarnation, scripted);
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
      Side own, int index, NodeStorage storage, int incarnation, GatewayNode.Faults faults) {
    GatewayId self = new GatewayId(own.cluster.as(), index);
    GatewayEnclave enclave = enclave(own, index, storage, incarnation);
    Map<AsId, GatewayCore> cores = new HashMap<>();
    int peerNumber = 0;
    for (Side peer : sides) {
      if (peer == own) {
        continue;
      }
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
      long seed = options.seed() * 31 + own.cluster.as().value() * 7 + index + 1_000L * peerNumber;
      cores.put(
          peer.cluster.as(),
          new GatewayCore(config, enclave, selector, new SplittableRandom(seed)));
      peerNumber++;
    }
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
    GatewayNode node = new GatewayNode(cores, links(own, enclave, index), topology, stats, faults);
    gatewayInstances.put(own.gatewayBase + index, node);
    boolean malformed =
        own == sides.get(1) && options.faults().contains(CrossAsScenario.Fault.MALFORMED_BYTES);
    return carried(node, malformed);
  }

  /**
   * {@code node}, sending and receiving the messages {@link #carriage} carries as bytes; with
   * {@code malformed}, each preceded by a broken copy; under {@code clock-skew}, with its clock
   * ahead by its offset ({@link SkewedClockNode}).
   */
  private SimNode<CrossAsMessage> carried(SimNode<CrossAsMessage> node, boolean malformed) {
    SimNode<CrossAsMessage> carried =
        carriage == CrossAsScenario.Carriage.OBJECTS
            ? node
            : new WireNode(
                node, wire, carriage::carriesAsBytes, stats, carriage.checksRoundTrip(), malformed);
    return options.faults().contains(CrossAsScenario.Fault.CLOCK_SKEW)
        ? new SkewedClockNode(carried, options.seed())
        : carried;
  }

  /** The final ledger state hash of every replica that runs a ledger, AS by AS, by index. */
  List<String> stateHashes() {
    List<String> hashes = new ArrayList<>();
    for (Side side : sides) {
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

  /** The attestation policy of every honest gateway: the honest platforms, the release's code. */
  private AttestationPolicy policy() {
    Set<IdentityPublicKey> roots = new HashSet<>();
    sides.forEach(side -> roots.addAll(side.platformRoots));
    rogue.flatMap(RogueGateway.Setup::trustedRoot).ifPresent(roots::add);
    return new AttestationPolicy(
        new SoftwarePlatformTrust(roots), Set.of(CODE), 86_400_000L, 1_000L);
  }

  private GatewayLinks links(Side own, GatewayEnclave enclave, int index) {
    Map<Integer, AsId> peers = new HashMap<>();
    Map<AsId, AsConfiguration> configurations = new HashMap<>();
    gatewayNodes.forEach(
        (id, node) -> {
          if (!id.as().equals(own.cluster.as())) {
            peers.put(node, id.as());
          }
        });
    sides.forEach(side -> configurations.put(side.cluster.as(), side.configuration));
    MutualAttestation endpoint =
        new MutualAttestation(
            enclave.attester(own.configuration),
            new AttestationVerifier(
                own.cluster.as(),
                policy(),
                new SplittableRandom(
                    options.seed() * 131 + own.cluster.as().value() * 17 + index)));
    return new GatewayLinks(
        endpoint, peers, configurations, new HashSet<>(peerEnclaveIds(own)), stats);
  }

  /** The rogue gateway (fault unattested-gateway): it claims a gateway slot of the second AS. */
  SimNode<CrossAsMessage> rogueGateway(int id, NodeStorage storage, int incarnation) {
    RogueGateway.Setup setup = rogue.orElseThrow();
    Side own = sides.get(1);
    Map<Integer, AsId> peers = new HashMap<>();
    Map<AsId, AsConfiguration> configurations = new HashMap<>();
    gatewayNodes.forEach(
        (gateway, node) -> {
          if (!gateway.as().equals(own.cluster.as())) {
            peers.put(node, gateway.as());
          }
        });
    sides.forEach(side -> configurations.put(side.cluster.as(), side.configuration));
    return carried(
        new RogueGateway(setup, own.configuration, peers, configurations, policy(), stats), false);
  }

  private int rogueNode() {
    return sides.size() * (options.n() + options.gatewaysPerAs());
  }

  /**
   * Client request {@code index} (see {@link CrossAsWorkload}) goes to its source gateway: X to Y
   * with two ASs, a random ordered pair with more. Each AS numbers its clients' requests, so an
   * account's nonces follow each other.
   */
  void submit(Simulation<CrossAsMessage> sim, int index, SplittableRandom random) {
    Submission submission = request(index, sim.now(), random);
    sim.inject(
        sim.now() + CrossAsScenario.MILLIS, -1, submission.gatewayNode(), submission.request());
    if (clientFailover || options.faults().contains(CrossAsScenario.Fault.GATEWAY_DROP)) {
      clientRetry(sim, submission, 1);
    }
  }

  private boolean clientFailover;

  /** Clients fail over to another source gateway when theirs does not take the request. */
  void enableClientFailover() {
    clientFailover = true;
  }

  /**
   * The client's failover: if, {@link #CLIENT_RETRY_MILLIS} after sending, no gateway reports its
   * request (the status a client queries), the gateway is down or useless, and the client sends the
   * request to the next gateway of the source AS in the transaction's seeded order, and so on.
   */
  private void clientRetry(Simulation<CrossAsMessage> sim, Submission submission, int attempt) {
    sim.at(
        sim.now() + CLIENT_RETRY_MILLIS * CrossAsScenario.MILLIS,
        "client-retry",
        later -> {
          if (status(submission.tx()).isPresent()) {
            return;
          }
          List<GatewayId> order = selector.order(submission.tx(), submission.source());
          GatewayId next = order.get(attempt % order.size());
          later.inject(
              later.now() + CrossAsScenario.MILLIS,
              -1,
              gatewayNodes.get(next),
              submission.request());
          clientRetry(later, submission, attempt + 1);
        });
  }

  private static final long CLIENT_RETRY_MILLIS = 2 * RELAY_TIMEOUT_MILLIS;

  /**
   * A client's request, the node id of the source gateway it goes to, the transaction and its
   * source AS.
   */
  record Submission(int gatewayNode, CrossAsMessage request, CrossAsTxId tx, AsId source) {}

  /**
   * Client request {@code index} at time {@code now} (nanoseconds), recorded as submitted; the
   * caller delivers it to the gateway.
   */
  Submission request(int index, long now, SplittableRandom random) {
    int from = 0;
    int to = 1;
    if (sides.size() > 2) {
      from = random.nextInt(sides.size());
      to = (from + 1 + random.nextInt(sides.size() - 1)) % sides.size();
    }
    AsId source = sides.get(from).cluster.as();
    AsId destination = sides.get(to).cluster.as();
    int local = submittedFrom.merge(source, 1, Integer::sum) - 1;
    CrossAsWorkload.Request request =
        workloads
            .get(List.of(source, destination))
            .next(local, now / CrossAsScenario.MILLIS, options.deadlineMillis(), random);
    CrossAsTerms terms = request.terms();
    GatewayId gateway = selector.select(terms.id(), source, destination).source();
    observers
        .get(List.of(source, destination))
        .submitted(terms.id(), now, request.kind(), request.expectedRelease());
    return new Submission(
        gatewayNodes.get(gateway),
        WireNode.outgoing(
            new CrossAsMessage.Request(TransactionCodec.encode(request.sourceTransaction()), terms),
            wire,
            carriage::carriesAsBytes,
            stats,
            carriage.checksRoundTrip()),
        terms.id(),
        source);
  }

  /**
   * What a client would see: the status its source gateways report for {@code tx} (the first one
   * that carries it as a source), if any.
   */
  Optional<CrossAsStatusView> status(CrossAsTxId tx) {
    for (GatewayNode gateway : gatewayInstances.values()) {
      Optional<CrossAsStatusView> view = gateway.status(tx);
      if (view.isPresent()) {
        return view;
      }
    }
    return Optional.empty();
  }

  List<Violation> violations() {
    List<Violation> all = new ArrayList<>();
    sides.forEach(side -> all.addAll(side.cluster.violations()));
    observers.values().forEach(observer -> all.addAll(observer.violations()));
    return all;
  }

  /** The observers, one per ordered pair of ASs that carries transfers. */
  Collection<CrossAsObserver> observers() {
    return observers.values();
  }

  /** The {@code side}-th AS's cluster (0 is X), for runtimes that serve client queries. */
  org.intertrust.sim.consensus.AsCluster cluster(int side) {
    return sides.get(side).cluster;
  }

  /** Latencies of every pair, request to settlement on the source. */
  LatencyRecorder latency() {
    return latency;
  }

  /** The wire codec of this world's messages. */
  CrossAsWire wire() {
    return wire;
  }

  CrossAsStats stats() {
    return stats;
  }

  long provenanceRefused() {
    return sides.stream().mapToLong(side -> side.gate.refused()).sum();
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

  /** The node ids of each AS (replicas and gateways). */
  List<Set<Integer>> asGroups() {
    List<Set<Integer>> groups = new ArrayList<>();
    sides.forEach(side -> groups.add(nodesOf(side)));
    return groups;
  }

  /** Whether the run has a rogue gateway. */
  boolean hasRogue() {
    return rogue.isPresent();
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

  /** The node id of gateway {@code index} of AS number {@code as} (0-based: X is 0, Y is 1). */
  int gatewayNode(int as, int index) {
    return sides.get(as).gatewayBase + index;
  }
}
