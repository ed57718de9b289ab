package org.intertrust.crypto.box;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.intertrust.crypto.identity.AgreementPublicKey;

/**
 * A bounded least-recently-used map from a peer's public key to the raw X25519 secret shared with
 * it. Values are copied in and out, so an evicted (and zeroed) entry never corrupts a secret a
 * caller is still using. Thread-safe.
 */
final class SharedSecretCache {

  private final int capacity;
  private final LinkedHashMap<AgreementPublicKey, byte[]> entries;

  SharedSecretCache(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be >= 1, got " + capacity);
    }
    this.capacity = capacity;
    this.entries = new LinkedHashMap<>(16, 0.75f, true);
  }

  /** Returns a copy of the cached secret for {@code peer}, if any. */
  synchronized Optional<byte[]> get(AgreementPublicKey peer) {
    byte[] secret = entries.get(peer);
    return secret == null ? Optional.empty() : Optional.of(secret.clone());
  }

  /** Stores a copy of {@code secret}, evicting and zeroing the least recently used entries. */
  synchronized void put(AgreementPublicKey peer, byte[] secret) {
    byte[] previous = entries.put(peer, secret.clone());
    if (previous != null) {
      ShareKeys.zero(previous);
    }
    Iterator<Map.Entry<AgreementPublicKey, byte[]>> eldest = entries.entrySet().iterator();
    while (entries.size() > capacity) {
      ShareKeys.zero(eldest.next().getValue());
      eldest.remove();
    }
  }

  /** Zeroes and removes every entry. */
  synchronized void clear() {
    entries.values().forEach(ShareKeys::zero);
    entries.clear();
  }

  synchronized int size() {
    return entries.size();
  }
}
