package org.intertrust.sim;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.intertrust.sim.storage.SimStorage;

/**
 * The engine's per-node state, which outlives node instances: the store, the inbox of events that
 * wait while the node is busy, the incarnation and crash history, and the node's random streams.
 */
final class NodeSlot<M> {
  final int id;
  final NodeGroup group;
  final NodeFactory<M> factory;
  final SimStorage storage = new SimStorage();
  final SplittableRandom networkRandom;

  /** Events that arrived while the node was busy, in arrival order. */
  final ArrayDeque<Event> inbox = new ArrayDeque<>();

  /** Virtual time at which each incarnation crashed, indexed by incarnation. */
  final List<Long> crashTimes = new ArrayList<>();

  SimNode<M> instance;
  NodeRuntime<M> runtime;
  boolean up;
  int incarnation;
  long busyUntil;
  boolean wakeScheduled;
  long cpuNanos;

  NodeSlot(int id, NodeGroup group, NodeFactory<M> factory, SplittableRandom networkRandom) {
    this.id = id;
    this.group = group;
    this.factory = factory;
    this.networkRandom = networkRandom;
  }

  /** Whether a message sent by incarnation {@code senderIncarnation} at {@code departure} died. */
  boolean crashedBefore(int senderIncarnation, long departure) {
    return senderIncarnation < crashTimes.size() && crashTimes.get(senderIncarnation) < departure;
  }
}
