package org.intertrust.crypto.memo;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A bounded least-recently-used table from byte strings (compared on their full content) to values
 * derived from them by a pure function. Thread-safe; every operation holds one lock briefly.
 *
 * <p>Bounded twice: at most {@code maxEntries} entries and at most {@code maxKeyBytes} bytes of
 * keys in total; the least recently used entries leave first. A key longer than {@code maxKeyBytes}
 * is never stored.
 *
 * @param <V> the derived values; immutable, since every caller shares them
 */
public final class ByteKeyedMemo<V> {
  private final int maxEntries;
  private final long maxKeyBytes;
  private final LinkedHashMap<Key, V> entries = new LinkedHashMap<>(16, 0.75f, true);
  private long keyBytes;

  /** A table of at most {@code maxEntries} entries and {@code maxKeyBytes} bytes of keys. */
  public ByteKeyedMemo(int maxEntries, long maxKeyBytes) {
    if (maxEntries < 1 || maxKeyBytes < 1) {
      throw new IllegalArgumentException("bounds must be positive");
    }
    this.maxEntries = maxEntries;
    this.maxKeyBytes = maxKeyBytes;
  }

  /** The value stored for bytes equal to {@code key}, if any (marks it recently used). */
  public Optional<V> get(byte[] key) {
    Key probe = new Key(key);
    synchronized (entries) {
      return Optional.ofNullable(entries.get(probe));
    }
  }

  /** Stores {@code value} for a private copy of {@code key}, evicting the oldest entries. */
  public void put(byte[] key, V value) {
    if (key.length > maxKeyBytes) {
      return;
    }
    Key copy = new Key(key.clone());
    synchronized (entries) {
      V previous = entries.put(copy, value);
      if (previous == null) {
        keyBytes += key.length;
      }
      var oldest = entries.entrySet().iterator();
      while (entries.size() > maxEntries || keyBytes > maxKeyBytes) {
        Map.Entry<Key, V> evicted = oldest.next();
        keyBytes -= evicted.getKey().bytes.length;
        oldest.remove();
      }
    }
  }

  /** Entries stored now. */
  public int size() {
    synchronized (entries) {
      return entries.size();
    }
  }

  private static final class Key {
    private final byte[] bytes;
    private final int hash;

    Key(byte[] bytes) {
      this.bytes = bytes;
      this.hash = Arrays.hashCode(bytes);
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Key that && hash == that.hash && Arrays.equals(bytes, that.bytes);
    }

    @Override
    public int hashCode() {
      return hash;
    }
  }
}
