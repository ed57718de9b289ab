package org.intertrust.sim.cpu;

/**
 * The virtual-time cost of one named operation, as a function of an item count (for example the
 * number of shares a combine takes; 1 for single operations).
 */
@FunctionalInterface
public interface CostFunction {
  /** Nanoseconds that the operation over {@code count} items costs; never negative. */
  long nanos(int count);
}
