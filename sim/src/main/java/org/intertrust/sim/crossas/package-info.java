/**
 * The cross-AS protocol on the simulator (DESIGN.md §4 and §5): two ASs, each a real consensus
 * cluster with ledgers ({@link org.intertrust.sim.consensus.AsCluster}), whose replicas also run
 * the pure replica side of the protocol ({@link
 * org.intertrust.gateway.protocol.replica.CrossAsReplica}); gateways running the pure {@link
 * org.intertrust.gateway.protocol.core.GatewayCore} over software enclaves; clients starting
 * cross-AS transfers; and the §5 invariants checked after every event ({@link
 * org.intertrust.sim.crossas.CrossAsObserver}). {@link org.intertrust.sim.crossas.CrossAsScenario}
 * assembles and runs it. {@link org.intertrust.sim.crossas.CrossAsWire} is the wire encoding of
 * every {@link org.intertrust.sim.crossas.CrossAsMessage}; {@code WireNode} carries a node's
 * messages as those bytes.
 */
package org.intertrust.sim.crossas;
