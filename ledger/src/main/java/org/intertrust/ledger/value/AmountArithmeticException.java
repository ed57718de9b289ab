package org.intertrust.ledger.value;

/** An {@link Amount} operation would leave the range {@code 0..Long.MAX_VALUE}. */
public final class AmountArithmeticException extends Exception {

  /** Which bound was crossed. */
  public enum Kind {
    /** The sum exceeds {@link Long#MAX_VALUE}. */
    OVERFLOW,
    /** The difference is negative. */
    UNDERFLOW
  }

  private final Kind kind;

  AmountArithmeticException(Kind kind, String message) {
    super(kind + ": " + message);
    this.kind = kind;
  }

  /** Returns which bound was crossed. */
  public Kind kind() {
    return kind;
  }
}
