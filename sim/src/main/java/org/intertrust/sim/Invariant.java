package org.intertrust.sim;

import java.util.List;

/**
 * A property that must hold after every event. The engine calls {@link #check} after each event
 * that ran a handler or changed the world (crash, restart, partition); the first non-empty result
 * stops the run, whose result then carries the seed and the tail of the trace.
 *
 * <p>A check must not change the simulation. It may look at live nodes through the view and cast
 * them to the protocol's node type. Checks run often: inspect {@link SimulationView#lastNode()} to
 * do only incremental work when the whole system is large.
 *
 * @param <M> the protocol's message type
 */
@FunctionalInterface
public interface Invariant<M> {
  /** The violations in the current state; empty when the invariant holds. */
  List<Violation> check(SimulationView<M> view);
}
