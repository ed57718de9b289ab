package org.intertrust.ledger.tx;

import java.util.Objects;

/** Bytes could not be decoded as a transaction. Carries a typed {@link Reason}. */
public final class TransactionDecodingException extends Exception {

  /** Why decoding failed. */
  public enum Reason {
    /** The input is larger than {@link TransactionCodec#MAX_ENCODED_SIZE}. */
    OVERSIZED,
    /** The input does not start with the transaction magic. */
    BAD_MAGIC,
    /** The encoding version is not {@link TransactionCodec#VERSION}. */
    BAD_VERSION,
    /** The kind tag names no {@link TransactionKind}. */
    UNKNOWN_KIND,
    /** The input ends inside a field. */
    TRUNCATED,
    /** A length prefix or count exceeds its field's bound. */
    FIELD_TOO_LARGE,
    /** A field is well-formed but its value is not allowed. */
    INVALID_VALUE,
    /** Bytes follow the last field. */
    TRAILING_BYTES
  }

  private final Reason reason;

  TransactionDecodingException(Reason reason, String message) {
    super(reason + ": " + message);
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  /** Returns why decoding failed. */
  public Reason reason() {
    return reason;
  }
}
