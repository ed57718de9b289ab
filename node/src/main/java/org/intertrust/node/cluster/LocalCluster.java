package org.intertrust.node.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.intertrust.node.runtime.MonotonicClock;
import org.intertrust.node.runtime.NodeHost;
import org.intertrust.node.runtime.RocksNodeStorage;
import org.intertrust.node.runtime.WireCodec;
import org.intertrust.node.transport.GrpcTransport;
import org.intertrust.node.transport.NodePki;
import org.intertrust.node.transport.TransportLimits;
import org.intertrust.node.transport.TransportStats;
import org.intertrust.sim.NodeFactory;
import org.intertrust.sim.NodeGroup;

/**
 * Groups of protocol nodes run in this process over real loopback gRPC with mutual TLS, each node
 * on its own event loop with a RocksDB store in its own folder under {@code dataDirectory}: the
 * networked counterpart of {@code Simulation.builder(...).group(...)}. Node ids are assigned group
 * after group from 0, as the simulator assigns them, so the same world builders work unchanged.
 *
 * <p>{@link #close()} stops the loops first, then the transport, then the stores.
 *
 * @param <M> the protocol's message type
 */
public final class LocalCluster<M> implements AutoCloseable {
  private final GrpcTransport<M> transport;
  private final Map<Integer, NodeHost<M>> hosts = new LinkedHashMap<>();
  private final Map<Integer, RocksNodeStorage> stores = new LinkedHashMap<>();
  private final MonotonicClock clock;
  private final Object handlerLock;

  private LocalCluster(GrpcTransport<M> transport, MonotonicClock clock, Object handlerLock) {
    this.transport = transport;
    this.clock = clock;
    this.handlerLock = handlerLock;
  }

  /** A group of {@code size} nodes made by {@code factory}. */
  public record Group<M>(String name, int size, NodeFactory<M> factory) {}

  /**
   * Builds (but does not start) the nodes of {@code groups}.
   *
   * @param serializeHandlers whether all handlers share one lock (for nodes built by the
   *     simulator's world builders, whose invariant observers are single-threaded)
   */
  public static <M> LocalCluster<M> create(
      List<Group<M>> groups,
      WireCodec<M> codec,
      TransportLimits limits,
      Path dataDirectory,
      MonotonicClock clock,
      boolean serializeHandlers) {
    int total = groups.stream().mapToInt(Group::size).sum();
    List<Integer> ids = new ArrayList<>();
    for (int id = 0; id < total; id++) {
      ids.add(id);
    }
    NodePki pki = NodePki.generate(ids, new SecureRandom());
    Object shared = new Object();
    LocalCluster<M> cluster =
        new LocalCluster<>(new GrpcTransport<>(pki, codec, limits), clock, shared);
    Optional<Object> lock = serializeHandlers ? Optional.of(shared) : Optional.empty();
    try {
      int first = 0;
      for (Group<M> group : groups) {
        NodeGroup nodeGroup = new NodeGroup(group.name(), first, group.size());
        for (int id = first; id < nodeGroup.endId(); id++) {
          cluster.add(id, nodeGroup, group.factory(), dataDirectory, lock);
        }
        first = nodeGroup.endId();
      }
    } catch (IOException | RuntimeException e) {
      cluster.close();
      if (e instanceof IOException) {
        throw new UncheckedIOException((IOException) e);
      }
      throw (RuntimeException) e;
    }
    return cluster;
  }

  private void add(
      int id, NodeGroup group, NodeFactory<M> factory, Path dataDirectory, Optional<Object> lock)
      throws IOException {
    RocksNodeStorage storage = RocksNodeStorage.open(dataDirectory.resolve("node-" + id));
    stores.put(id, storage);
    NodeHost<M> host =
        new NodeHost<>(id, group, factory.create(id, storage, 0), storage, transport, clock, lock);
    hosts.put(id, host);
    transport.serve(id, host::deliver);
  }

  /** Starts every node's loop. */
  public void start() {
    hosts.values().forEach(NodeHost::start);
  }

  /**
   * Runs {@code action} under the lock the handlers share (with {@code serializeHandlers}), so that
   * it may read or update state the nodes' handlers touch, such as a world's observer.
   */
  public <T> T inspect(java.util.function.Supplier<T> action) {
    synchronized (handlerLock) {
      return action.get();
    }
  }

  /** Hands {@code message} to node {@code to} as from a local client (id -1). */
  public void inject(int to, M message) {
    host(to).deliver(-1, message, () -> {});
  }

  public NodeHost<M> host(int id) {
    NodeHost<M> host = hosts.get(id);
    if (host == null) {
      throw new IllegalArgumentException("no node " + id);
    }
    return host;
  }

  /** The first failure of any node, if one stopped. */
  public Optional<Throwable> failure() {
    for (NodeHost<M> host : hosts.values()) {
      if (host.failure().isPresent()) {
        return host.failure();
      }
    }
    return Optional.empty();
  }

  /** The time every node of this cluster reads, in nanoseconds. */
  public long now() {
    return clock.getAsLong();
  }

  public TransportStats transportStats() {
    return transport.stats();
  }

  @Override
  public void close() {
    hosts.values().forEach(NodeHost::close);
    transport.close();
    // A store is closed only under a stopped loop: RocksDB closed under a running handler crashes
    // the JVM in native code.
    stores.forEach(
        (id, store) -> {
          NodeHost<M> host = hosts.get(id);
          if (host == null || host.stopped()) {
            store.close();
          }
        });
  }
}
