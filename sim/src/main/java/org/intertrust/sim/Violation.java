package org.intertrust.sim;

/**
 * A broken invariant.
 *
 * @param invariant the name of the invariant
 * @param detail what is wrong, with the node ids and values involved
 */
public record Violation(String invariant, String detail) {
  @Override
  public String toString() {
    return invariant + ": " + detail;
  }
}
