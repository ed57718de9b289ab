package org.intertrust.ledger.value;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** SHA-256 (FIPS 180-4) through the JDK provider, returning typed {@link Hash32} values. */
public final class Sha256 {

  private Sha256() {}

  /** Returns a fresh SHA-256 digest. */
  public static MessageDigest newDigest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK must provide SHA-256", e);
    }
  }

  /** Returns SHA-256 of the concatenation of {@code parts}. */
  public static Hash32 hash(byte[]... parts) {
    MessageDigest digest = newDigest();
    for (byte[] part : parts) {
      digest.update(part);
    }
    return finish(digest);
  }

  /** Completes {@code digest} as a {@link Hash32}. */
  public static Hash32 finish(MessageDigest digest) {
    return Hash32.of(digest.digest());
  }
}
