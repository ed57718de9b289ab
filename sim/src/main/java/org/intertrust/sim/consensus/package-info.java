/**
 * One AS's consensus on the simulator: the real replica core behind an adapter, scripted Byzantine
 * behaviours, a crypto cost model, and the invariants checked after every event.
 */
package org.intertrust.sim.consensus;
