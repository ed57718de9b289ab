package org.intertrust.sim.network;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A network partition: nodes in different groups cannot exchange messages, in either direction.
 *
 * <p>The named groups must be disjoint. Every node that no group names belongs to one further,
 * implicit group, "the rest". So {@code isolating(3)} cuts node 3 from everyone, and {@code
 * between(List.of(A, B))} cuts A, B and the rest from each other.
 */
public final class Partition {
  private static final int REST = -1;

  private final Map<Integer, Integer> groupOf = new HashMap<>();
  private final List<Set<Integer>> groups;

  private Partition(List<Set<Integer>> groups) {
    this.groups = groups.stream().map(group -> Set.copyOf(new TreeSet<>(group))).toList();
    for (int index = 0; index < groups.size(); index++) {
      for (int node : groups.get(index)) {
        if (groupOf.put(node, index) != null) {
          throw new IllegalArgumentException("node " + node + " is in two groups");
        }
      }
    }
  }

  /** Cuts {@code nodes} (together, they can still talk to each other) from every other node. */
  public static Partition isolating(int... nodes) {
    Set<Integer> group = new TreeSet<>();
    Arrays.stream(nodes).forEach(group::add);
    return new Partition(List.of(group));
  }

  /** Cuts the given groups, and the rest, from each other. */
  public static Partition between(List<Set<Integer>> groups) {
    return new Partition(groups);
  }

  /** Whether this partition blocks messages between {@code a} and {@code b}. */
  public boolean separates(int a, int b) {
    return groupOf.getOrDefault(a, REST).intValue() != groupOf.getOrDefault(b, REST).intValue();
  }

  /** The named groups, each sorted. */
  @Override
  public String toString() {
    StringBuilder text = new StringBuilder("partition");
    for (Set<Integer> group : groups) {
      text.append(' ').append(new TreeSet<>(group));
    }
    return text.append(" |rest").toString();
  }
}
