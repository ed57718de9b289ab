package org.intertrust.sim;

/**
 * A simulated process: a replica, a gateway or a client. The engine calls one handler at a time per
 * node, in virtual-time order, and never concurrently.
 *
 * <p>A handler must not block, sleep, read the real clock or use unseeded randomness; it acts only
 * through the {@link NodeContext} given to {@link #onStart}, which stays valid until the node
 * crashes. A crashed node's instance is discarded; its replacement is built by the {@link
 * NodeFactory} from the node's {@link org.intertrust.sim.storage.SimStorage}.
 *
 * @param <M> the protocol's message type
 */
public interface SimNode<M> {
  /** Called once when this instance starts (at time zero, or when the node restarts). */
  void onStart(NodeContext<M> context);

  /** Called when {@code message} from node {@code from} is delivered. */
  void onMessage(int from, M message);

  /** Called when {@code timer}, set by this instance and not cancelled, expires. */
  void onTimer(SimTimer timer);
}
