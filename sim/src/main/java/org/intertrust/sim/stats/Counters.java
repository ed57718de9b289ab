package org.intertrust.sim.stats;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/** Named counters, listed in name order so that printed output is deterministic. */
public final class Counters {
  private final TreeMap<String, long[]> values = new TreeMap<>();

  /** Adds one to {@code name}. */
  public void increment(String name) {
    add(name, 1);
  }

  /** Adds {@code delta} to {@code name}, creating it at zero. */
  public void add(String name, long delta) {
    values.computeIfAbsent(name, key -> new long[1])[0] += delta;
  }

  /** The value of {@code name}; zero if it was never touched. */
  public long get(String name) {
    long[] value = values.get(name);
    return value == null ? 0 : value[0];
  }

  /** A snapshot of all counters in name order. */
  public Map<String, Long> snapshot() {
    TreeMap<String, Long> copy = new TreeMap<>();
    values.forEach((name, value) -> copy.put(name, value[0]));
    return Collections.unmodifiableMap(copy);
  }

  /** {@code name=value} pairs in name order, space separated. */
  @Override
  public String toString() {
    StringBuilder text = new StringBuilder();
    values.forEach(
        (name, value) -> {
          if (text.length() > 0) {
            text.append(' ');
          }
          text.append(name).append('=').append(value[0]);
        });
    return text.toString();
  }
}
