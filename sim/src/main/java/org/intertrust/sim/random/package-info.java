/**
 * Seeded randomness for the simulator: one root seed, from which independent streams are derived
 * per purpose, so that a new random use in one place leaves every other stream unchanged.
 */
package org.intertrust.sim.random;
