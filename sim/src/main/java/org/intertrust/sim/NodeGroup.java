package org.intertrust.sim;

/**
 * A named, contiguous range of node ids of one kind, e.g. the replicas {@code 0..n-1} of an AS,
 * then gateways or clients. {@link NodeContext#broadcast} sends to the sender's group.
 *
 * @param name for output only
 * @param firstId the smallest id in the group
 * @param size the number of nodes, at least one
 */
public record NodeGroup(String name, int firstId, int size) {
  /** Validates the range. */
  public NodeGroup {
    if (firstId < 0 || size < 1) {
      throw new IllegalArgumentException("bad group " + name + ": " + firstId + "+" + size);
    }
  }

  /** Whether {@code nodeId} belongs to this group. */
  public boolean contains(int nodeId) {
    return nodeId >= firstId && nodeId < firstId + size;
  }

  /** One past the largest id in the group. */
  public int endId() {
    return firstId + size;
  }
}
