package org.intertrust.sim.storage;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * A node's durable key-value store in the simulator: string keys, byte-array values, both kept in
 * key order so iteration is deterministic.
 *
 * <p>Writes ({@link #put}, {@link #delete}) are visible at once to reads, but become durable only
 * when {@link #flush()} is called. A crash ({@link #crash}) throws away some or all of the
 * unflushed writes, according to a {@link CrashLoss}. The store outlives node instances: the engine
 * hands the same store to the node that replaces a crashed one. Values are copied in and out, so
 * callers cannot change stored bytes behind the store's back.
 */
public final class SimStorage implements NodeStorage {
  private final TreeMap<String, byte[]> durable = new TreeMap<>();
  private final TreeMap<String, byte[]> visible = new TreeMap<>();
  private final List<Write> unflushed = new ArrayList<>();
  private long flushCount;

  private record Write(String key, Optional<byte[]> value) {}

  /** Stores {@code value} under {@code key} (unflushed until {@link #flush()}). */
  @Override
  public void put(String key, byte[] value) {
    byte[] copy = value.clone();
    visible.put(key, copy);
    unflushed.add(new Write(key, Optional.of(copy)));
  }

  /** Removes {@code key} (unflushed until {@link #flush()}). */
  @Override
  public void delete(String key) {
    visible.remove(key);
    unflushed.add(new Write(key, Optional.empty()));
  }

  /** The current value of {@code key}, flushed or not. */
  @Override
  public Optional<byte[]> get(String key) {
    byte[] value = visible.get(key);
    return value == null ? Optional.empty() : Optional.of(value.clone());
  }

  /** Whether {@code key} currently has a value. */
  @Override
  public boolean contains(String key) {
    return visible.containsKey(key);
  }

  /** The current keys starting with {@code prefix}, in order. */
  @Override
  public List<String> keys(String prefix) {
    return NodeStorage.keysWithPrefix(visible, prefix);
  }

  /** Makes every write so far durable, like {@code fsync}. */
  @Override
  public void flush() {
    for (Write write : unflushed) {
      apply(durable, write);
    }
    unflushed.clear();
    flushCount++;
  }

  /** Number of writes not yet flushed. */
  public int unflushedWrites() {
    return unflushed.size();
  }

  /** Number of {@link #flush()} calls so far. */
  public long flushCount() {
    return flushCount;
  }

  /**
   * Simulates a crash: keeps the unflushed writes that {@code loss} lets survive (drawing from
   * {@code random} for {@link CrashLoss#RANDOM_PREFIX}), makes them durable, and resets the visible
   * state to the durable state.
   *
   * @return the number of writes lost
   */
  public int crash(CrashLoss loss, SplittableRandom random) {
    int surviving =
        switch (loss) {
          case ALL_UNFLUSHED -> 0;
          case NONE -> unflushed.size();
          case RANDOM_PREFIX -> random.nextInt(unflushed.size() + 1);
        };
    for (Write write : unflushed.subList(0, surviving)) {
      apply(durable, write);
    }
    int lost = unflushed.size() - surviving;
    unflushed.clear();
    visible.clear();
    visible.putAll(durable);
    return lost;
  }

  private static void apply(Map<String, byte[]> target, Write write) {
    if (write.value().isPresent()) {
      target.put(write.key(), write.value().get());
    } else {
      target.remove(write.key());
    }
  }

  /** Whether the visible contents equal {@code other}'s (for tests and invariants). */
  public boolean sameContents(SimStorage other) {
    if (!visible.keySet().equals(other.visible.keySet())) {
      return false;
    }
    for (Map.Entry<String, byte[]> entry : visible.entrySet()) {
      if (!Arrays.equals(entry.getValue(), other.visible.get(entry.getKey()))) {
        return false;
      }
    }
    return true;
  }
}
