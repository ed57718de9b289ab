/**
 * The seeded discrete-event simulator, generic over the protocol it runs.
 *
 * <p>A {@link org.intertrust.sim.Simulation} owns virtual time (nanoseconds), one event queue
 * ordered by (time, sequence number), and random streams derived from one seed. Protocol code plugs
 * in as {@link org.intertrust.sim.SimNode}s, which see the world only through a {@link
 * org.intertrust.sim.NodeContext}: send, broadcast, timers, virtual now, CPU charges, storage and a
 * seeded random stream. The engine models the network, each node's CPU (one event at a time),
 * crashes and restarts, and checks {@link org.intertrust.sim.Invariant}s after every event. The
 * same seed gives a byte-identical trace.
 */
package org.intertrust.sim;
