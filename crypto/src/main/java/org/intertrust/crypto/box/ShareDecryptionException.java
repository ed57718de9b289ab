package org.intertrust.crypto.box;

import java.util.Objects;

/**
 * An encrypted share could not be opened. Any tampering with the ciphertext, tag or nonce, and any
 * mismatch of keys, context or index, ends here; the {@link Reason} says which check failed without
 * revealing anything about the plaintext.
 */
public class ShareDecryptionException extends Exception {

  /** Why opening failed. */
  public enum Reason {
    /** The share carries a different index than the one the holder expects. */
    INDEX_MISMATCH,
    /** The dealer's public key is a low-order point. */
    KEY_AGREEMENT_FAILED,
    /** The AES-GCM tag did not verify: tampered data, wrong key, wrong context or index. */
    AUTHENTICATION_FAILED
  }

  private final Reason reason;

  ShareDecryptionException(Reason reason, String message, Throwable cause) {
    super(reason + ": " + message, cause);
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  /** Returns which check failed. */
  public Reason reason() {
    return reason;
  }
}
