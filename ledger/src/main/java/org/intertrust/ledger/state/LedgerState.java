package org.intertrust.ledger.state;

import java.util.Collections;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.intertrust.ledger.value.Hash32;

/**
 * An immutable snapshot of the whole ledger state. Thread-safe. Equality is by content; {@link
 * #hash()} is computed once, on first use.
 */
public final class LedgerState implements StateView {

  /** The state before genesis: every section empty. */
  public static final LedgerState EMPTY = MutableState.empty().freeze();

  private final TreeMap<?, ?>[] maps;
  private volatile Hash32 hash;

  LedgerState(TreeMap<?, ?>[] maps) {
    this.maps = maps;
  }

  @Override
  public <K extends Comparable<K>, V> Optional<V> get(Section<K, V> section, K key) {
    return Optional.ofNullable(map(section).get(Objects.requireNonNull(key, "key")));
  }

  /** Returns a read-only view of {@code section}, in key order. */
  public <K extends Comparable<K>, V> NavigableMap<K, V> entries(Section<K, V> section) {
    return Collections.unmodifiableNavigableMap(map(section));
  }

  /** Returns a mutable copy, to execute a block on. */
  public MutableState toMutable() {
    TreeMap<?, ?>[] copy = new TreeMap<?, ?>[maps.length];
    for (int i = 0; i < maps.length; i++) {
      copy[i] = new TreeMap<>(maps[i]);
    }
    return new MutableState(copy);
  }

  /** Returns the state hash ({@link StateHasher}). */
  public Hash32 hash() {
    Hash32 result = hash;
    if (result == null) {
      result = StateHasher.hash(this);
      hash = result;
    }
    return result;
  }

  @SuppressWarnings("unchecked")
  private <K extends Comparable<K>, V> TreeMap<K, V> map(Section<K, V> section) {
    return (TreeMap<K, V>) maps[section.index()];
  }

  @Override
  public boolean equals(Object other) {
    if (!(other instanceof LedgerState that)) {
      return false;
    }
    for (int i = 0; i < maps.length; i++) {
      if (!maps[i].equals(that.maps[i])) {
        return false;
      }
    }
    return true;
  }

  @Override
  public int hashCode() {
    return hash().hashCode();
  }

  @Override
  public String toString() {
    return "LedgerState[" + hash() + "]";
  }
}
