/**
 * Simulated per-node durable storage that tells flushed writes from unflushed ones, so a crash can
 * lose what a real process would lose when it dies before {@code fsync}.
 */
package org.intertrust.sim.storage;
