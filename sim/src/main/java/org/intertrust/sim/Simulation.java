package org.intertrust.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.intertrust.sim.cpu.CpuModel;
import org.intertrust.sim.cpu.WallClock;
import org.intertrust.sim.network.NetworkModel;
import org.intertrust.sim.network.Partition;
import org.intertrust.sim.random.SeedStreams;
import org.intertrust.sim.stats.Counters;
import org.intertrust.sim.storage.SimStorage;
import org.intertrust.sim.trace.Trace;

/**
 * A seeded discrete-event simulation of a set of {@link SimNode}s.
 *
 * <p><b>Determinism.</b> Events are processed in (virtual time, sequence number) order; sequence
 * numbers are assigned when events are scheduled, so ties break by scheduling order. All randomness
 * comes from streams derived from the seed ({@link SeedStreams}): {@code "network"} per sender,
 * {@code "node"} per node and incarnation, {@code "crash"} for storage loss. With a deterministic
 * CPU model, the same seed, code and scenario give a byte-identical trace.
 *
 * <p><b>Nodes.</b> Each node handles one event at a time. An event that arrives while its node is
 * busy waits in the node's inbox; the node takes the next one when its handler's charged CPU time
 * has elapsed. Messages to a crashed node, or across a partition, are dropped.
 *
 * <p><b>Use.</b> Build with {@link #builder}, schedule faults ({@link #crashAt}, {@link
 * #restartAt}, {@link #partition}), then call {@link #runUntil} or {@link #runFor} as often as the
 * scenario needs. Not thread-safe; one thread drives a simulation.
 *
 * @param <M> the protocol's message type
 */
public final class Simulation<M> implements SimulationView<M> {
  private final long seed;
  private final SeedStreams streams;
  private final NetworkModel network;
  private final CpuModel cpu;
  private final Trace trace;
  private final MessageDescriber<M> describer;
  private final List<Invariant<M>> invariants;
  private final int invariantInterval;
  private final long maxEvents;
  private final List<NodeSlot<M>> slots = new ArrayList<>();
  private final EventQueue queue = new EventQueue();
  private final Transport<M> transport;
  private final NodeEvents<M> nodes;
  private final EngineCounters stats = new EngineCounters();
  private final EventTracer<M> tracer;

  private long now;
  private long nextSequence;
  private long nextTimerId;
  private long eventsProcessed;
  private int sinceCheck;
  private int lastNode = -1;
  private List<Violation> violations = List.of();

  Simulation(SimulationBuilder<M> config) {
    this.seed = config.seed;
    this.streams = new SeedStreams(seed);
    this.network = config.network;
    this.cpu = config.cpu;
    this.trace = new Trace(config.traceMode, config.traceTail);
    this.describer = config.describer;
    this.tracer = new EventTracer<>(trace, describer);
    this.invariants = List.copyOf(config.invariants);
    this.invariantInterval = config.invariantInterval;
    this.maxEvents = config.maxEvents;
    this.transport = new Transport<>(this, network);
    this.nodes = new NodeEvents<>(this, config, streams, tracer, stats, transport);
    for (int g = 0; g < config.groups.size(); g++) {
      NodeGroup group = config.groups.get(g);
      for (int id = group.firstId(); id < group.endId(); id++) {
        slots.add(
            new NodeSlot<>(id, group, config.factories.get(g), streams.stream("network", id)));
      }
    }
    for (NodeSlot<M> slot : slots) {
      nodes.bringUp(slot);
    }
  }

  /** A builder for a simulation seeded with {@code seed}. */
  public static <M> SimulationBuilder<M> builder(long seed) {
    return new SimulationBuilder<>(seed);
  }

  // ---- scenario -------------------------------------------------------------------------------

  /** Crashes node {@code nodeId} at virtual time {@code time} (no effect if already down). */
  public void crashAt(int nodeId, long time) {
    requireNode(nodeId);
    schedule(requireFuture(time), Event.CRASH, nodeId);
  }

  /** Restarts node {@code nodeId} at {@code time} from its storage (no effect if it is up). */
  public void restartAt(int nodeId, long time) {
    requireNode(nodeId);
    schedule(requireFuture(time), Event.RESTART, nodeId);
  }

  /** Activates {@code partition} at {@code start} and heals it at {@code heal} (if finite). */
  public void partition(Partition partition, long start, long heal) {
    if (heal <= start) {
      throw new IllegalArgumentException("heal " + heal + " must follow start " + start);
    }
    schedule(requireFuture(start), Event.PARTITION, -1).payload = partition;
    if (heal != Long.MAX_VALUE) {
      schedule(heal, Event.HEAL, -1).payload = partition;
    }
  }

  /**
   * Delivers {@code message} to node {@code to} at {@code time}, outside the network model: a
   * client request or a scripted peer. {@code from} may be any id, also one of no node.
   */
  public void inject(long time, int from, int to, M message) {
    requireNode(to);
    Event event = schedule(requireFuture(time), Event.MESSAGE, to);
    event.from = from;
    event.incarnation = -1;
    event.departure = time;
    event.payload = message;
  }

  /** Runs {@code action} at virtual time {@code time}, e.g. to change the network mid-run. */
  public void at(long time, String label, Consumer<Simulation<M>> action) {
    schedule(requireFuture(time), Event.ACTION, -1).payload = new ScheduledAction<>(label, action);
  }

  private record ScheduledAction<M>(String label, Consumer<Simulation<M>> action) {}

  /**
   * A random stream for the scenario itself (client workloads, fault schedules), derived from the
   * seed and {@code purpose}: independent of the engine's and the nodes' streams, so drawing from
   * it does not change them.
   */
  public SplittableRandom scenarioRandom(String purpose) {
    return streams.stream("scenario/" + purpose);
  }

  /** The network model, e.g. to change link profiles from an {@link #at} action. */
  public NetworkModel network() {
    return network;
  }

  /** The trace, for its hash or (in full mode) its lines. */
  public Trace trace() {
    return trace;
  }

  /** Virtual CPU time node {@code nodeId} has spent in handlers, over all incarnations. */
  public long cpuNanos(int nodeId) {
    return slot(nodeId).cpuNanos;
  }

  /** The virtual time until which node {@code nodeId} is busy. */
  public long busyUntil(int nodeId) {
    return slot(nodeId).busyUntil;
  }

  // ---- running --------------------------------------------------------------------------------

  /** Runs for {@code durationNanos} of virtual time, or until a violation. */
  public SimulationResult runFor(long durationNanos) {
    return runUntil(() -> false, Math.addExact(now, durationNanos));
  }

  /**
   * Processes events until {@code condition} holds (checked before each event), the next event lies
   * after {@code deadlineNanos}, the queue is empty, the event budget is spent, or an invariant
   * breaks. Can be called again to continue the run. On {@link RunOutcome#TIME_LIMIT}, and on
   * {@link RunOutcome#QUEUE_EMPTY} with a finite deadline, virtual time advances to the deadline,
   * so that a scenario can run a phase, change the world, and run the next phase.
   */
  public SimulationResult runUntil(BooleanSupplier condition, long deadlineNanos) {
    long wallStart = WallClock.nanoTime();
    RunOutcome outcome = loop(condition, deadlineNanos);
    return result(outcome, WallClock.nanoTime() - wallStart);
  }

  private RunOutcome loop(BooleanSupplier condition, long deadlineNanos) {
    while (true) {
      if (!violations.isEmpty()) {
        return RunOutcome.INVARIANT_VIOLATED;
      }
      if (condition.getAsBoolean()) {
        return RunOutcome.CONDITION_MET;
      }
      if (eventsProcessed >= maxEvents) {
        return RunOutcome.EVENT_LIMIT;
      }
      if (queue.isEmpty()) {
        if (deadlineNanos != Long.MAX_VALUE) {
          now = Math.max(now, deadlineNanos);
        }
        return RunOutcome.QUEUE_EMPTY;
      }
      if (queue.peek().time > deadlineNanos) {
        now = Math.max(now, deadlineNanos);
        return RunOutcome.TIME_LIMIT;
      }
      Event event = queue.poll();
      now = event.time;
      dispatch(event);
    }
  }

  private SimulationResult result(RunOutcome outcome, long wallNanos) {
    return new SimulationResult(
        outcome,
        seed,
        now,
        eventsProcessed,
        trace.sha256Hex(),
        trace.lineCount(),
        cpu.describe(),
        violations,
        trace.tail(Integer.MAX_VALUE),
        counters().snapshot(),
        wallNanos);
  }

  // ---- dispatch -------------------------------------------------------------------------------

  private void dispatch(Event event) {
    switch (event.kind) {
      case Event.MESSAGE, Event.TIMER, Event.START -> nodes.arrive(event);
      case Event.WAKE -> nodes.wake(event);
      case Event.CRASH -> nodes.crash(slot(event.node));
      case Event.RESTART -> nodes.restart(slot(event.node));
      case Event.PARTITION, Event.HEAL -> changePartition(event);
      case Event.ACTION -> runAction(event);
      default -> throw new IllegalStateException("unknown event kind " + event.kind);
    }
  }

  void setLastNode(int nodeId) {
    lastNode = nodeId;
  }

  private void changePartition(Event event) {
    lastNode = -1;
    Partition partition = (Partition) event.payload;
    if (event.kind == Event.PARTITION) {
      network.activate(partition);
      trace.record(now, -1, "PARTITION", partition.toString());
    } else {
      network.heal(partition);
      trace.record(now, -1, "HEAL", partition.toString());
    }
    afterEvent();
  }

  @SuppressWarnings("unchecked")
  private void runAction(Event event) {
    lastNode = -1;
    ScheduledAction<M> action = (ScheduledAction<M>) event.payload;
    trace.record(now, -1, "ACTION", action.label());
    action.action().accept(this);
    afterEvent();
  }

  void afterEvent() {
    eventsProcessed++;
    if (invariants.isEmpty() || ++sinceCheck < invariantInterval) {
      return;
    }
    sinceCheck = 0;
    List<Violation> found = new ArrayList<>();
    for (Invariant<M> invariant : invariants) {
      try {
        found.addAll(invariant.check(this));
      } catch (RuntimeException e) {
        throw new SimulationException(
            seed, "an invariant threw at t=" + now + "\n" + tracer.tailText(), e);
      }
    }
    if (!found.isEmpty()) {
      violations = List.copyOf(found);
      trace.record(now, lastNode, "VIOLATION", found.get(0).toString());
    }
  }

  // ---- scheduling -----------------------------------------------------------------------------

  Event schedule(long time, byte kind, int node) {
    Event event = new Event(time, nextSequence++, kind, node);
    queue.add(event);
    return event;
  }

  void scheduleMessage(NodeSlot<M> sender, int to, M message, long departure, long arrival) {
    Event event = schedule(arrival, Event.MESSAGE, to);
    event.from = sender.id;
    event.incarnation = sender.incarnation;
    event.departure = departure;
    event.payload = message;
  }

  SimTimer scheduleTimer(NodeSlot<M> slot, int incarnation, long deadline, Object tag) {
    SimTimer timer = new SimTimer(nextTimerId++, tag, deadline);
    Event event = schedule(deadline, Event.TIMER, slot.id);
    event.incarnation = incarnation;
    event.payload = timer;
    return timer;
  }

  void requireNode(int nodeId) {
    if (nodeId < 0 || nodeId >= slots.size()) {
      throw new IllegalArgumentException("no node " + nodeId + " (nodes: " + slots.size() + ")");
    }
  }

  private long requireFuture(long time) {
    if (time < now) {
      throw new IllegalArgumentException("time " + time + " is before now " + now);
    }
    return time;
  }

  NodeSlot<M> slot(int nodeId) {
    requireNode(nodeId);
    return slots.get(nodeId);
  }

  int sizeBytes(M message) {
    return describer.sizeBytes(message);
  }

  void traceSend(long departure, int from, String kind, int to, M message) {
    tracer.message(departure, from, kind, "to", to, message);
  }

  void traceNote(int node, long time, String text) {
    tracer.note(time, node, text);
  }

  // ---- view -----------------------------------------------------------------------------------

  @Override
  public long seed() {
    return seed;
  }

  @Override
  public long now() {
    return now;
  }

  @Override
  public int nodeCount() {
    return slots.size();
  }

  @Override
  public Optional<SimNode<M>> node(int nodeId) {
    NodeSlot<M> slot = slot(nodeId);
    return slot.up ? Optional.of(slot.instance) : Optional.empty();
  }

  @Override
  public boolean isUp(int nodeId) {
    return slot(nodeId).up;
  }

  @Override
  public SimStorage storage(int nodeId) {
    return slot(nodeId).storage;
  }

  @Override
  public int lastNode() {
    return lastNode;
  }

  @Override
  public Counters counters() {
    return stats.export(eventsProcessed, transport);
  }
}
