package org.intertrust.crypto.dealing;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import org.intertrust.crypto.secret.SecretAccess;

/**
 * The dealer's 32-byte secret from which every dealing's polynomial is derived (with HKDF and the
 * dealing context). Kept in the enclave's sealed storage: after a crash the same seed re-creates
 * the same dealing, and nobody without it can compute the shares from public data (the paper seeded
 * dealing with H(tx) alone, which is public; DESIGN.md §4 corrects that).
 */
public final class DealingSeed {
  /** Seed length in bytes. */
  public static final int BYTES = 32;

  private final byte[] seed;
  private volatile boolean destroyed;

  private DealingSeed(byte[] seed) {
    this.seed = seed;
  }

  public static DealingSeed generate(SecureRandom random) {
    byte[] seed = new byte[BYTES];
    random.nextBytes(seed);
    return new DealingSeed(seed);
  }

  /** Restores a seed, for example from sealed storage. */
  public static DealingSeed fromBytes(byte[] seed, SecretAccess access) {
    if (seed == null || seed.length != BYTES) {
      throw new IllegalArgumentException("dealing seed must be " + BYTES + " bytes");
    }
    return new DealingSeed(seed.clone());
  }

  /** The seed bytes, for sealing. Each call is a deliberate read of secret material. */
  public byte[] toBytes(SecretAccess access) {
    checkAlive();
    return seed.clone();
  }

  byte[] bytes() {
    checkAlive();
    return seed;
  }

  public void destroy() {
    Arrays.fill(seed, (byte) 0);
    destroyed = true;
  }

  private void checkAlive() {
    if (destroyed) {
      throw new IllegalStateException("dealing seed was destroyed");
    }
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof DealingSeed && MessageDigest.isEqual(seed, ((DealingSeed) other).seed);
  }

  @Override
  public int hashCode() {
    return 0;
  }

  @Override
  public String toString() {
    return "DealingSeed[redacted]";
  }
}
