package org.intertrust.sim;

import java.util.ArrayList;
import java.util.List;
import org.intertrust.sim.cpu.CpuModel;
import org.intertrust.sim.network.NetworkModel;
import org.intertrust.sim.storage.CrashLoss;
import org.intertrust.sim.trace.TraceMode;

/**
 * Configures a {@link Simulation}. Defaults: a reliable network with 10 ms links, the free CPU
 * model, crashes lose every unflushed write, trace mode {@link TraceMode#HASH_AND_TAIL} keeping 200
 * lines, invariants after every event, messages described by {@code toString()}.
 *
 * @param <M> the protocol's message type
 */
public final class SimulationBuilder<M> {
  final long seed;
  final List<NodeGroup> groups = new ArrayList<>();
  final List<NodeFactory<M>> factories = new ArrayList<>();
  final List<Invariant<M>> invariants = new ArrayList<>();
  NetworkModel network = NetworkModel.reliable();
  CpuModel cpu = CpuModel.free();
  CrashLoss crashLoss = CrashLoss.ALL_UNFLUSHED;
  TraceMode traceMode = TraceMode.HASH_AND_TAIL;
  int traceTail = 200;
  int invariantInterval = 1;
  long maxEvents = Long.MAX_VALUE;
  MessageDescriber<M> describer = String::valueOf;

  SimulationBuilder(long seed) {
    this.seed = seed;
  }

  /**
   * Adds {@code size} nodes of one kind, with the next free ids, built by {@code factory}. Call it
   * once per kind, e.g. replicas first (ids {@code 0..n-1}), then gateways, then clients.
   */
  public SimulationBuilder<M> group(String name, int size, NodeFactory<M> factory) {
    int first = groups.isEmpty() ? 0 : groups.get(groups.size() - 1).endId();
    groups.add(new NodeGroup(name, first, size));
    factories.add(factory);
    return this;
  }

  /** The network model; the simulation changes its partitions as scheduled. */
  public SimulationBuilder<M> network(NetworkModel model) {
    this.network = model;
    return this;
  }

  /** The CPU-time model. */
  public SimulationBuilder<M> cpu(CpuModel model) {
    this.cpu = model;
    return this;
  }

  /** What a crash does to unflushed writes. */
  public SimulationBuilder<M> crashLoss(CrashLoss loss) {
    this.crashLoss = loss;
    return this;
  }

  /** How much trace to keep, and how many last lines to report on failure. */
  public SimulationBuilder<M> trace(TraceMode mode, int tailLines) {
    this.traceMode = mode;
    this.traceTail = tailLines;
    return this;
  }

  /** How messages are described in the trace and sized for bandwidth. */
  public SimulationBuilder<M> describer(MessageDescriber<M> messageDescriber) {
    this.describer = messageDescriber;
    return this;
  }

  /** Adds an invariant, checked after every event (or every {@link #invariantInterval}). */
  public SimulationBuilder<M> invariant(Invariant<M> invariant) {
    invariants.add(invariant);
    return this;
  }

  /** Checks invariants after every {@code events} events instead of after each (default 1). */
  public SimulationBuilder<M> invariantInterval(int events) {
    if (events < 1) {
      throw new IllegalArgumentException("interval must be positive: " + events);
    }
    this.invariantInterval = events;
    return this;
  }

  /** Stops any run once this many events have been processed in total. */
  public SimulationBuilder<M> maxEvents(long events) {
    this.maxEvents = events;
    return this;
  }

  /** The simulation, with every node's start scheduled at virtual time zero, in id order. */
  public Simulation<M> build() {
    if (groups.isEmpty()) {
      throw new IllegalStateException("a simulation needs at least one node group");
    }
    return new Simulation<>(this);
  }
}
