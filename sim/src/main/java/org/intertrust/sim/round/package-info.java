/**
 * One threshold-certificate round of DESIGN.md §7 on the simulator, with real BLS operations: the
 * paper's Fig. 4 experiment (section VI) and its paper-faithful baseline.
 *
 * <p>A {@link org.intertrust.sim.round.RoundDriver} runs one round in a fresh {@link
 * org.intertrust.sim.Simulation}: the leader (replica 0, also the collector) broadcasts a proposal,
 * each honest replica signs a real partial signature and sends it to the collector, the collector
 * combines as soon as it holds k shares ({@link org.intertrust.sim.round.Combining}) and broadcasts
 * the certificate, and each honest replica verifies it. The round ends when every honest replica
 * holds a verified certificate. Every crypto operation is charged to the virtual CPU of the node
 * that performs it, at costs measured on this machine at start-up ({@link
 * org.intertrust.sim.round.RoundCosts}).
 */
package org.intertrust.sim.round;
