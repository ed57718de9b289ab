package org.intertrust.sim.storage;

import java.util.ArrayList;
import java.util.List;
import java.util.NavigableMap;
import java.util.Optional;

/**
 * A node's durable key-value store, as the protocol nodes use it: string keys, byte-array values,
 * keys listed in order. Writes are visible to reads at once and durable once {@link #flush()}
 * returns. The simulator's implementation is {@link SimStorage} (in memory, with simulated
 * crashes); the node runtime's keeps the same contract on disk.
 */
public interface NodeStorage {
  /** Stores {@code value} under {@code key} (durable after the next {@link #flush()}). */
  void put(String key, byte[] value);

  /** Removes {@code key} (durable after the next {@link #flush()}). */
  void delete(String key);

  /** The current value of {@code key}, flushed or not. */
  Optional<byte[]> get(String key);

  /** Whether {@code key} currently has a value. */
  boolean contains(String key);

  /** The current keys starting with {@code prefix}, in order. */
  List<String> keys(String prefix);

  /** Makes every write so far durable, like {@code fsync}. */
  void flush();

  /**
   * The keys of {@code contents} that start with {@code prefix}, in order: {@link #keys} for a
   * store that keeps its visible contents in a sorted map.
   */
  static List<String> keysWithPrefix(NavigableMap<String, ?> contents, String prefix) {
    List<String> keys = new ArrayList<>();
    for (String key : contents.tailMap(prefix, true).keySet()) {
      if (!key.startsWith(prefix)) {
        break;
      }
      keys.add(key);
    }
    return keys;
  }
}
