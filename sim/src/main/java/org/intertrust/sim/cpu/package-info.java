/**
 * The CPU-time model: what computation costs a simulated node in virtual time. A node is busy while
 * it handles an event; what it charges delays its sends and every later event it handles.
 */
package org.intertrust.sim.cpu;
