/**
 * The event trace: one compact text line per simulated event, hashed as it is written (SHA-256), so
 * two runs from the same seed can be compared byte for byte even when the lines are not kept.
 */
package org.intertrust.sim.trace;
