package org.intertrust.sim;

import org.intertrust.sim.storage.NodeStorage;

/**
 * Builds a node instance: at the start of a run ({@code incarnation == 0}) and after each restart,
 * when the node must recover from what {@code storage} kept through the crash.
 *
 * @param <M> the protocol's message type
 */
@FunctionalInterface
public interface NodeFactory<M> {
  /** A fresh instance for node {@code nodeId}; {@code storage} is the node's durable store. */
  SimNode<M> create(int nodeId, NodeStorage storage, int incarnation);
}
