package org.intertrust.node.ops;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;
import org.intertrust.crypto.encoding.AsId;
import org.intertrust.gateway.protocol.governor.Governor;
import org.intertrust.node.api.ApiServer;
import org.intertrust.node.api.ClientRequests;
import org.intertrust.node.api.GovernorGate;
import org.intertrust.node.codec.CrossAsWireCodec;
import org.intertrust.node.runtime.NodeHost;
import org.intertrust.node.runtime.RocksNodeStorage;
import org.intertrust.node.transport.GrpcTransport;
import org.intertrust.node.transport.NodePki;
import org.intertrust.node.transport.TransportLimits;
import org.intertrust.sim.NodeGroup;
import org.intertrust.sim.SimNode;
import org.intertrust.sim.crossas.CrossAsMessage;
import org.intertrust.sim.crossas.CrossAsWorld;

/**
 * One replica or gateway as its own process, from its configuration file: the protocol node the
 * simulator runs, hosted by a {@link NodeHost} over {@link GrpcTransport} (mutual TLS with the
 * testnet's certificates, peers pinned) and a {@link RocksNodeStorage} under its data folder, so a
 * restart resumes from its store; plus an {@link ApiServer} for health, metrics and the client API.
 *
 * <p>{@link #close()} is the graceful shutdown (SIGTERM): stop accepting client requests and
 * streams, let the events already posted run, flush the store, close the transport and the store.
 */
public final class NodeProcess implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(NodeProcess.class.getName());
  private static final String STARTS = "process/starts";

  private final int id;
  private final Network.Role role;
  private final GrpcTransport<CrossAsMessage> transport;
  private final RocksNodeStorage storage;
  private final NodeHost<CrossAsMessage> host;
  private final ApiServer api;
  private final int incarnation;
  private final AtomicBoolean closed = new AtomicBoolean();

  private NodeProcess(
      int id,
      Network.Role role,
      GrpcTransport<CrossAsMessage> transport,
      RocksNodeStorage storage,
      NodeHost<CrossAsMessage> host,
      ApiServer api,
      int incarnation) {
    this.id = id;
    this.role = role;
    this.transport = transport;
    this.storage = storage;
    this.host = host;
    this.api = api;
    this.incarnation = incarnation;
  }

  /**
   * Starts the node of {@code configFile}, which must be a {@code role}; returns once it serves.
   */
  public static NodeProcess start(Path configFile, Network.Role role)
      throws ConfigException, IOException {
    FlatYaml config = FlatYaml.read(configFile);
    String configured = config.require("role");
    if (!configured.equalsIgnoreCase(role.name())) {
      throw new ConfigException(
          configFile + " configures a " + configured + ", not a " + role.name().toLowerCase());
    }
    Network network = Network.read(config.requirePath("network"));
    int id = config.requireInt("node", 0, network.nodes().size() - 1);
    Network.Node self = network.node(id);
    if (self.role() != role) {
      throw new ConfigException("node " + id + " is a " + self.role() + " in " + network.file());
    }
    Path keyFile = config.requirePath("tls_key");
    if (PemFiles.readableByOthers(keyFile)) {
      throw new ConfigException(keyFile + " is readable by others: chmod 600 it");
    }
    EpochClock clock = new EpochClock(network.epochMillis());
    CrossAsWorld world = CrossAsWorld.build(network.scenario(network.seed()), 0, clock);
    GrpcTransport<CrossAsMessage> transport =
        new GrpcTransport<>(
            pki(network, id, PemFiles.readPrivateKey(keyFile)),
            new CrossAsWireCodec(world.wire()),
            TransportLimits.defaults());
    for (Network.Node peer : network.nodes().values()) {
      if (peer.id() != id) {
        transport.address(peer.id(), resolve(FlatYaml.address("node " + peer.id(), peer.grpc())));
      }
    }
    RocksNodeStorage storage;
    try {
      storage = RocksNodeStorage.open(config.requirePath("data"));
    } catch (IOException e) {
      transport.close();
      throw new ConfigException(
          e.getMessage()
              + " (is another process using it?): "
              + (e.getCause() == null ? "" : e.getCause().getMessage()),
          e);
    }
    try {
      return assemble(network, config, id, role, world, transport, storage, clock);
    } catch (IOException | RuntimeException | ConfigException e) {
      transport.close();
      storage.close();
      throw e;
    }
  }

  private static NodeProcess assemble(
      Network network,
      FlatYaml config,
      int id,
      Network.Role role,
      CrossAsWorld world,
      GrpcTransport<CrossAsMessage> transport,
      RocksNodeStorage storage,
      EpochClock clock)
      throws IOException, ConfigException {
    int incarnation = storage.get(STARTS).map(b -> ByteBuffer.wrap(b).getInt()).orElse(0);
    int group = network.group(id);
    SimNode<CrossAsMessage> node = world.factories().get(group).create(id, storage, incarnation);
    storage.put(STARTS, ByteBuffer.allocate(4).putInt(incarnation + 1).array());
    storage.flush();
    int size = group < 2 ? network.replicasPerAs() : network.gatewaysPerAs();
    NodeGroup nodeGroup = new NodeGroup(groupName(group), network.groupStart(group), size);
    NodeHost<CrossAsMessage> host =
        new NodeHost<>(id, nodeGroup, node, storage, transport, clock, Optional.empty());
    transport.serve(id, resolve(config.requireAddress("listen")), host::deliver);
    host.start();
    Map<String, AsId> ases = new HashMap<>();
    List<AsId> ids = world.asIds();
    if (!ids.equals(List.of(network.asId(0), network.asId(1)))) {
      throw new IllegalStateException("the world's AS ids " + ids + " differ from the network's");
    }
    for (int as = 0; as < 2; as++) {
      ases.put(network.asNames().get(as), ids.get(as));
    }
    int as = network.node(id).as();
    ProcessBackend backend =
        new ProcessBackend(role, ids.get(as), ids.get(1 - as), world, host, transport, storage);
    ApiServer api =
        ApiServer.start(
            resolve(config.requireAddress("http_listen")),
            backend,
            new ClientRequests(ases),
            role == Network.Role.GATEWAY ? Optional.of(governor(config, clock)) : Optional.empty());
    LOG.info(
        () ->
            "node "
                + id
                + " ("
                + role.name().toLowerCase()
                + " of AS "
                + network.asNames().get(as)
                + ") started, incarnation "
                + incarnation
                + ", http port "
                + api.port());
    return new NodeProcess(id, role, transport, storage, host, api, incarnation);
  }

  /** Default sustained cross-AS requests per second and lane, and the burst above it. */
  static final long DEFAULT_REQUESTS_PER_SECOND = 1_000;

  static final long DEFAULT_BURST = 2_000;

  /**
   * A gateway's governor: {@code governor.requests_per_second} and {@code governor.burst} per lane;
   * {@code governor.value_capacity} and {@code governor.value_per_second} (both or neither) limit
   * the native coin per lane; {@code admin_token_file} (owner-only) turns on pause and resume.
   */
  private static GovernorGate governor(FlatYaml config, EpochClock clock)
      throws ConfigException, IOException {
    long rate = optionalLong(config, "governor.requests_per_second", DEFAULT_REQUESTS_PER_SECOND);
    long burst = optionalLong(config, "governor.burst", DEFAULT_BURST);
    Map<org.intertrust.ledger.value.AssetId, Governor.ValueLimit> values = new HashMap<>();
    boolean capacity = config.optional("governor.value_capacity").isPresent();
    if (capacity != config.optional("governor.value_per_second").isPresent()) {
      throw new ConfigException(
          config.file() + ": set both governor.value_capacity and governor.value_per_second");
    }
    if (capacity) {
      values.put(
          ClientRequests.coin(),
          new Governor.ValueLimit(
              config.requireLong("governor.value_capacity", 1, Long.MAX_VALUE / 1_000),
              config.requireLong("governor.value_per_second", 1, Long.MAX_VALUE / 1_000)));
    }
    Optional<String> token = Optional.empty();
    if (config.optional("admin_token_file").isPresent()) {
      java.nio.file.Path file = config.requirePath("admin_token_file");
      if (PemFiles.readableByOthers(file)) {
        throw new ConfigException(file + " is readable by others: chmod 600 it");
      }
      token = Optional.of(java.nio.file.Files.readString(file));
    }
    try {
      return new GovernorGate(
          new Governor(new Governor.Limits(rate, burst, values)),
          () -> clock.getAsLong() / 1_000_000L,
          token);
    } catch (IllegalArgumentException e) {
      throw new ConfigException(config.file() + ": " + e.getMessage(), e);
    }
  }

  private static long optionalLong(FlatYaml config, String key, long fallback)
      throws ConfigException {
    return config.optional(key).isPresent()
        ? config.requireLong(key, 1, Long.MAX_VALUE / 1_000)
        : fallback;
  }

  private static String groupName(int group) {
    return List.of("x-replicas", "y-replicas", "x-gateways", "y-gateways").get(group);
  }

  private static NodePki pki(Network network, int id, PrivateKey key) throws ConfigException {
    X509Certificate ca = PemFiles.readCertificate(network.caCertificate());
    Map<Integer, X509Certificate> certificates = new HashMap<>();
    for (Network.Node node : network.nodes().values()) {
      certificates.put(node.id(), PemFiles.readCertificate(node.certificate()));
    }
    try {
      return NodePki.of(ca, certificates, id, key);
    } catch (IllegalArgumentException e) {
      throw new ConfigException(e.getMessage(), e);
    }
  }

  private static InetSocketAddress resolve(InetSocketAddress unresolved) {
    return new InetSocketAddress(unresolved.getHostString(), unresolved.getPort());
  }

  public int id() {
    return id;
  }

  public Network.Role role() {
    return role;
  }

  /** How many times this node's store had been started before this start (0 the first time). */
  public int incarnation() {
    return incarnation;
  }

  /** The HTTP port (health, metrics, client API). */
  public int httpPort() {
    return api.port();
  }

  /** The failure that stopped the node's loop, if one did. */
  public Optional<Throwable> failure() {
    return host.failure();
  }

  /** Graceful shutdown; idempotent. */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    LOG.info(() -> "node " + id + " stopping");
    api.stopAccepting();
    transport.stopAccepting();
    try {
      host.drain(2_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    host.close();
    transport.close();
    api.close();
    if (!host.stopped()) {
      LOG.severe(() -> "node " + id + " stopped without closing its store: a handler still runs");
      return;
    }
    storage.flush();
    storage.close();
    LOG.info(() -> "node " + id + " stopped");
  }
}
