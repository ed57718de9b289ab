/**
 * One AS's consensus on the simulator: the real replica core behind an adapter, scripted Byzantine
 * behaviours (the malformed one at the byte level, through the wire codec), a crypto cost model, a
 * verifier that shares identical signature checks among the replicas of a run, and the invariants
 * checked after every event.
 */
package org.intertrust.sim.consensus;
