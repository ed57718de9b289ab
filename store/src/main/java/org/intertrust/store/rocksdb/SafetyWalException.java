package org.intertrust.store.rocksdb;

/** The safety write-ahead log could not read or write its storage medium. */
public final class SafetyWalException extends Exception {

  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception without an underlying cause.
   *
   * @param message a detail for logs
   */
  public SafetyWalException(String message) {
    super(message);
  }

  /**
   * Creates an exception.
   *
   * @param message a detail for logs
   * @param cause the underlying failure
   */
  public SafetyWalException(String message, Throwable cause) {
    super(message, cause);
  }
}
