package org.intertrust.sim;

import java.util.Optional;
import org.intertrust.sim.stats.Counters;
import org.intertrust.sim.storage.SimStorage;

/**
 * What invariants and stop conditions may read of a running simulation.
 *
 * @param <M> the protocol's message type
 */
public interface SimulationView<M> {
  /** The root seed of the run. */
  long seed();

  /** The current virtual time in nanoseconds. */
  long now();

  /** Total number of nodes, all groups together; ids are {@code 0..nodeCount()-1}. */
  int nodeCount();

  /** The live instance of node {@code nodeId}, or empty while it is crashed. */
  Optional<SimNode<M>> node(int nodeId);

  /** Whether node {@code nodeId} is running. */
  boolean isUp(int nodeId);

  /** The durable store of node {@code nodeId}. */
  SimStorage storage(int nodeId);

  /** The node of the event just processed, or -1 for an event that concerns no single node. */
  int lastNode();

  /** Engine counters: messages sent, delivered, lost, duplicated, dropped, events, etc. */
  Counters counters();
}
