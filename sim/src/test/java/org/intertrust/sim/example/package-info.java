/**
 * A small protocol that exercises the simulator: a leader proposes a value each round and commits
 * it once a quorum acknowledges. Not a consensus protocol; it exists to show how a protocol plugs
 * into the engine and to test the engine.
 */
package org.intertrust.sim.example;
