package org.intertrust.sim;

import java.util.SplittableRandom;
import org.intertrust.sim.cpu.CpuModel;
import org.intertrust.sim.network.NetworkModel;
import org.intertrust.sim.random.SeedStreams;
import org.intertrust.sim.storage.CrashLoss;

/**
 * Takes events to nodes: drops messages that cannot arrive, queues events while a node is busy and
 * wakes it when it is free, runs handlers and charges their CPU time, and crashes and restarts
 * nodes. The {@link Simulation} owns time, the queue and the invariants; this class owns what
 * happens at one node.
 */
final class NodeEvents<M> {
  private final Simulation<M> engine;
  private final NetworkModel network;
  private final CpuModel cpu;
  private final SeedStreams streams;
  private final CrashLoss crashLoss;
  private final SplittableRandom crashRandom;
  private final EventTracer<M> tracer;
  private final EngineCounters stats;
  private final Transport<M> transport;

  NodeEvents(
      Simulation<M> engine,
      SimulationBuilder<M> config,
      SeedStreams streams,
      EventTracer<M> tracer,
      EngineCounters stats,
      Transport<M> transport) {
    this.engine = engine;
    this.network = config.network;
    this.cpu = config.cpu;
    this.streams = streams;
    this.crashLoss = config.crashLoss;
    this.crashRandom = streams.stream("crash");
    this.tracer = tracer;
    this.stats = stats;
    this.transport = transport;
  }

  void arrive(Event event) {
    NodeSlot<M> slot = engine.slot(event.node);
    if (event.kind == Event.MESSAGE && !deliverable(slot, event)) {
      return;
    }
    if (stale(slot, event)) {
      return;
    }
    if (slot.busyUntil > engine.now() || !slot.inbox.isEmpty()) {
      slot.inbox.add(event);
      stats.queuedWhileBusy++;
      scheduleWake(slot);
      return;
    }
    execute(slot, event);
  }

  /** Drops a message whose destination is down, whose sender died first, or that is cut off. */
  private boolean deliverable(NodeSlot<M> slot, Event event) {
    String reason = null;
    if (!slot.up) {
      reason = "crashed";
      stats.droppedCrashedReceiver++;
    } else if (event.incarnation >= 0
        && engine.slot(event.from).crashedBefore(event.incarnation, event.departure)) {
      reason = "sender-crashed";
      stats.droppedCrashedSender++;
    } else if (event.incarnation >= 0 && !network.connected(event.from, event.node)) {
      reason = "partition";
      stats.droppedPartition++;
    }
    if (reason == null) {
      return true;
    }
    tracer.message(engine.now(), event.node, "DROP", reason + " from", event.from, event.payload);
    return false;
  }

  /** A timer that was cancelled or outlived its node instance, or a start of an old instance. */
  private boolean stale(NodeSlot<M> slot, Event event) {
    if (event.kind == Event.MESSAGE) {
      return false;
    }
    boolean stale = !slot.up || event.incarnation != slot.incarnation;
    return stale || (event.kind == Event.TIMER && ((SimTimer) event.payload).isCancelled());
  }

  private void scheduleWake(NodeSlot<M> slot) {
    if (!slot.wakeScheduled) {
      slot.wakeScheduled = true;
      engine.schedule(Math.max(slot.busyUntil, engine.now()), Event.WAKE, slot.id).incarnation =
          slot.incarnation;
    }
  }

  void wake(Event event) {
    NodeSlot<M> slot = engine.slot(event.node);
    if (!slot.up || event.incarnation != slot.incarnation) {
      return;
    }
    slot.wakeScheduled = false;
    while (!slot.inbox.isEmpty()) {
      Event next = slot.inbox.poll();
      if (!stale(slot, next)) {
        execute(slot, next);
        break;
      }
    }
    if (!slot.inbox.isEmpty()) {
      scheduleWake(slot);
    }
  }

  @SuppressWarnings("unchecked")
  private void execute(NodeSlot<M> slot, Event event) {
    engine.setLastNode(slot.id);
    tracer.execution(engine.now(), slot.id, event);
    if (event.kind == Event.MESSAGE) {
      stats.delivered++;
    } else if (event.kind == Event.TIMER) {
      stats.timersFired++;
    }
    NodeRuntime<M> runtime = slot.runtime;
    runtime.begin(engine.now());
    try {
      switch (event.kind) {
        case Event.START -> slot.instance.onStart(runtime);
        case Event.MESSAGE -> slot.instance.onMessage(event.from, (M) event.payload);
        default -> slot.instance.onTimer((SimTimer) event.payload);
      }
    } catch (RuntimeException e) {
      throw new SimulationException(
          engine.seed(),
          "node " + slot.id + " threw at t=" + engine.now() + "\n" + tracer.tailText(),
          e);
    }
    long cost = runtime.end();
    slot.busyUntil = engine.now() + cost;
    slot.cpuNanos += cost;
    runtime.releaseSends(transport, slot.busyUntil);
    engine.afterEvent();
  }

  void crash(NodeSlot<M> slot) {
    engine.setLastNode(slot.id);
    if (!slot.up) {
      tracer.record(engine.now(), slot.id, "CRASH", "ignored: already down");
      return;
    }
    slot.up = false;
    slot.crashTimes.add(engine.now());
    slot.runtime.invalidate();
    slot.runtime = null;
    slot.instance = null;
    int dropped = slot.inbox.size();
    slot.inbox.clear();
    slot.wakeScheduled = false;
    slot.busyUntil = engine.now();
    int lost = slot.storage.crash(crashLoss, crashRandom);
    stats.crashes++;
    stats.droppedCrashedReceiver += dropped;
    stats.lostWrites += lost;
    tracer.record(
        engine.now(), slot.id, "CRASH", "lost_writes=" + lost + " dropped_inbox=" + dropped);
    engine.afterEvent();
  }

  void restart(NodeSlot<M> slot) {
    engine.setLastNode(slot.id);
    if (slot.up) {
      tracer.record(engine.now(), slot.id, "RESTART", "ignored: already up");
      return;
    }
    slot.incarnation++;
    stats.restarts++;
    tracer.record(engine.now(), slot.id, "RESTART", "incarnation=" + slot.incarnation);
    bringUp(slot);
    engine.afterEvent();
  }

  /** Builds the slot's current incarnation and schedules its start at the current time. */
  void bringUp(NodeSlot<M> slot) {
    slot.up = true;
    slot.busyUntil = engine.now();
    SplittableRandom random = streams.stream("node", ((long) slot.id << 32) | slot.incarnation);
    slot.runtime = new NodeRuntime<>(engine, slot, random, cpu);
    slot.instance = slot.factory.create(slot.id, slot.storage, slot.incarnation);
    engine.schedule(engine.now(), Event.START, slot.id).incarnation = slot.incarnation;
  }
}
