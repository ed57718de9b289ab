/**
 * {@code intertrust bench round}: the paper's Fig. 4 grid (section VI) on the simulator's round
 * driver ({@link org.intertrust.sim.round}), the paper-faithful baseline beside it, and the table,
 * CSV, JSON and chart that report it.
 */
package org.intertrust.bench.round;
