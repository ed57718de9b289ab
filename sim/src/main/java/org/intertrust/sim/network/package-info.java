/**
 * The simulated network: per-link delay, jitter, loss, duplication and bandwidth ({@link
 * org.intertrust.sim.network.LinkProfile}), and partitions that cut groups of nodes apart.
 */
package org.intertrust.sim.network;
