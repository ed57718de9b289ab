package org.intertrust.sim.crossas;

import org.intertrust.sim.ForwardingContext;
import org.intertrust.sim.NodeContext;
import org.intertrust.sim.NodeGroup;
import org.intertrust.sim.consensus.AsMessage;

/**
 * Lets a one-AS replica node run inside a multi-AS simulation: it sees the ids of its own AS
 * (0..n-1, as its consensus core expects) and its messages travel wrapped in {@link
 * CrossAsMessage.Local}. Everything else is the real context.
 */
final class AdaptedContext extends ForwardingContext<AsMessage, CrossAsMessage> {
  private final int base;

  AdaptedContext(NodeContext<CrossAsMessage> outer, int base) {
    super(outer);
    this.base = base;
  }

  @Override
  public int nodeId() {
    return outer.nodeId() - base;
  }

  /** The replica's group in the ids it sees: its AS's replicas, 0-based like {@link #nodeId()}. */
  @Override
  public NodeGroup group() {
    NodeGroup group = outer.group();
    return new NodeGroup(group.name(), group.firstId() - base, group.size());
  }

  @Override
  public void send(int to, AsMessage message) {
    outer.send(base + to, new CrossAsMessage.Local(message));
  }

  @Override
  public void broadcast(AsMessage message) {
    outer.broadcast(new CrossAsMessage.Local(message));
  }

  @Override
  public void multicast(int[] targets, AsMessage message) {
    int[] global = new int[targets.length];
    for (int i = 0; i < targets.length; i++) {
      global[i] = base + targets[i];
    }
    outer.multicast(global, new CrossAsMessage.Local(message));
  }
}
