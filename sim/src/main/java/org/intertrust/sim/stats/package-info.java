/** Measurement helpers for simulated runs: latency distributions and named counters. */
package org.intertrust.sim.stats;
