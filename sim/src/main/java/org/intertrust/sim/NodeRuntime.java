package org.intertrust.sim;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.intertrust.sim.cpu.CpuModel;
import org.intertrust.sim.cpu.WallClock;
import org.intertrust.sim.storage.SimStorage;

/**
 * The {@link NodeContext} of one node instance. It accumulates the CPU charged by the running
 * handler and buffers the handler's sends, which the engine releases at the handler's end.
 */
final class NodeRuntime<M> implements NodeContext<M> {
  private static final int BROADCAST = -1;

  private final Simulation<M> engine;
  private final NodeSlot<M> slot;
  private final int incarnation;
  private final SplittableRandom random;
  private final CpuModel cpu;
  private final boolean measure;

  private boolean inHandler;
  private boolean valid = true;
  private long start;
  private long charged;
  private long wallStart;

  private int pending;
  private int[] targets = new int[16];
  private int[][] multicastTargets = new int[16][];
  private Object[] messages = new Object[16];

  NodeRuntime(Simulation<M> engine, NodeSlot<M> slot, SplittableRandom random, CpuModel cpu) {
    this.engine = engine;
    this.slot = slot;
    this.incarnation = slot.incarnation;
    this.random = random;
    this.cpu = cpu;
    this.measure = cpu.measuresWallClock();
  }

  void begin(long now) {
    inHandler = true;
    start = now;
    charged = 0;
    wallStart = measure ? WallClock.nanoTime() : 0;
  }

  /** Ends the handler and returns its CPU cost in virtual nanoseconds. */
  long end() {
    inHandler = false;
    return charged + (measure ? WallClock.nanoTime() - wallStart : 0);
  }

  /** Releases the buffered sends, departing at {@code departure}. */
  void releaseSends(Transport<M> transport, long departure) {
    for (int i = 0; i < pending; i++) {
      @SuppressWarnings("unchecked")
      M message = (M) messages[i];
      if (targets[i] == BROADCAST) {
        for (int to = slot.group.firstId(); to < slot.group.endId(); to++) {
          if (to != slot.id) {
            transport.transmit(slot, to, message, departure);
          }
        }
      } else if (multicastTargets[i] != null) {
        for (int to : multicastTargets[i]) {
          transport.transmit(slot, to, message, departure);
        }
      } else {
        transport.transmit(slot, targets[i], message, departure);
      }
      messages[i] = null;
      multicastTargets[i] = null;
    }
    pending = 0;
  }

  void invalidate() {
    valid = false;
  }

  private void requireActive() {
    if (!valid || !inHandler) {
      throw new IllegalStateException(
          "node " + slot.id + " used its context outside a handler or after a crash");
    }
  }

  private void buffer(int target, int[] multicast, M message) {
    requireActive();
    if (pending == messages.length) {
      int capacity = pending * 2;
      targets = Arrays.copyOf(targets, capacity);
      multicastTargets = Arrays.copyOf(multicastTargets, capacity);
      messages = Arrays.copyOf(messages, capacity);
    }
    targets[pending] = target;
    multicastTargets[pending] = multicast;
    messages[pending] = message;
    pending++;
  }

  @Override
  public int nodeId() {
    return slot.id;
  }

  @Override
  public NodeGroup group() {
    return slot.group;
  }

  @Override
  public int incarnation() {
    return incarnation;
  }

  @Override
  public long now() {
    return start + charged + (measure && inHandler ? WallClock.nanoTime() - wallStart : 0);
  }

  @Override
  public void send(int to, M message) {
    engine.requireNode(to);
    buffer(to, null, message);
  }

  @Override
  public void broadcast(M message) {
    buffer(BROADCAST, null, message);
  }

  @Override
  public void multicast(int[] to, M message) {
    for (int target : to) {
      engine.requireNode(target);
    }
    buffer(0, to.clone(), message);
  }

  @Override
  public SimTimer setTimer(long delayNanos, Object tag) {
    requireActive();
    if (delayNanos < 0) {
      throw new IllegalArgumentException("negative timer delay " + delayNanos);
    }
    return engine.scheduleTimer(slot, incarnation, now() + delayNanos, tag);
  }

  @Override
  public void cancelTimer(SimTimer timer) {
    timer.cancel();
  }

  @Override
  public void charge(long nanos) {
    requireActive();
    if (nanos < 0) {
      throw new IllegalArgumentException("negative CPU charge " + nanos);
    }
    charged += nanos;
  }

  @Override
  public void charge(String operation) {
    charge(operation, 1);
  }

  @Override
  public void charge(String operation, int count) {
    charge(cpu.nanos(operation, count));
  }

  @Override
  public SplittableRandom random() {
    return random;
  }

  @Override
  public SimStorage storage() {
    return slot.storage;
  }

  @Override
  public void note(String text) {
    requireActive();
    engine.traceNote(slot.id, now(), text);
  }
}
