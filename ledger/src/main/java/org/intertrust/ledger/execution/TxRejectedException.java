package org.intertrust.ledger.execution;

/**
 * Internal control flow of the rules: thrown by a check, caught by {@link TransactionExecutor},
 * which turns it into a {@link Rejection}. Never escapes the package. No stack trace is kept.
 */
final class TxRejectedException extends Exception {

  private final transient Rejection rejection;

  TxRejectedException(RejectionReason reason, String detail) {
    super(reason + ": " + detail, null, false, false);
    this.rejection = new Rejection(reason, detail);
  }

  Rejection rejection() {
    return rejection;
  }
}
