package org.intertrust.ledger.store;

import java.util.Objects;

/** A store operation failed. Carries a typed {@link Reason}. */
public class LedgerStoreException extends Exception {

  /** Why the operation failed. */
  public enum Reason {
    /** The block's height is not the latest height plus one (or 0 for an empty store). */
    NOT_NEXT_HEIGHT,
    /** The block's parent hash is not the latest block's hash. */
    NOT_CHILD_OF_LATEST,
    /** An execution certificate names a height not stored, or another block at that height. */
    CERTIFICATE_MISMATCH,
    /** The stored data is unreadable or the storage medium failed (implementations with I/O). */
    STORAGE_FAILURE
  }

  private final Reason reason;

  /**
   * Creates an exception.
   *
   * @param reason the cause category
   * @param message a detail for logs
   */
  public LedgerStoreException(Reason reason, String message) {
    super(reason + ": " + message);
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  /**
   * Creates an exception with an underlying cause.
   *
   * @param reason the cause category
   * @param message a detail for logs
   * @param cause the underlying failure
   */
  public LedgerStoreException(Reason reason, String message, Throwable cause) {
    super(reason + ": " + message, cause);
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  /** Returns the cause category. */
  public Reason reason() {
    return reason;
  }
}
