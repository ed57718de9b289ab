package org.intertrust.ledger.state;

import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The working copy of a state that a block is executed on. Created by {@link
 * LedgerState#toMutable()} (a copy, O(size)); {@link #freeze()} hands the maps to a new {@link
 * LedgerState} without copying and makes this object unusable. Not thread-safe.
 *
 * <p>Writes here are unconditional; the rules that decide what may be written live in the execution
 * package, which buffers a transaction's writes and applies them only if it is accepted.
 */
public final class MutableState implements StateView {

  private TreeMap<?, ?>[] maps;

  MutableState(TreeMap<?, ?>[] maps) {
    this.maps = maps;
  }

  /** Returns an empty state. */
  public static MutableState empty() {
    TreeMap<?, ?>[] maps = new TreeMap<?, ?>[Section.ALL.size()];
    for (int i = 0; i < maps.length; i++) {
      maps[i] = new TreeMap<>();
    }
    return new MutableState(maps);
  }

  @Override
  public <K extends Comparable<K>, V> Optional<V> get(Section<K, V> section, K key) {
    return Optional.ofNullable(map(section).get(Objects.requireNonNull(key, "key")));
  }

  /** Stores {@code value} under {@code key}. */
  public <K extends Comparable<K>, V> void put(Section<K, V> section, K key, V value) {
    map(section).put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
  }

  /** Removes the entry under {@code key}, if any. */
  public <K extends Comparable<K>, V> void remove(Section<K, V> section, K key) {
    map(section).remove(Objects.requireNonNull(key, "key"));
  }

  /** Returns an immutable snapshot taking over this state's maps; this object is then spent. */
  public LedgerState freeze() {
    TreeMap<?, ?>[] taken = checkedMaps();
    maps = null;
    return new LedgerState(taken);
  }

  @SuppressWarnings("unchecked")
  private <K extends Comparable<K>, V> TreeMap<K, V> map(Section<K, V> section) {
    return (TreeMap<K, V>) checkedMaps()[section.index()];
  }

  private TreeMap<?, ?>[] checkedMaps() {
    if (maps == null) {
      throw new IllegalStateException("mutable state was frozen");
    }
    return maps;
  }
}
