package org.intertrust.crypto.dealing;

/** A dealing record or a dealt share that was rejected; {@link #reason()} says why. */
public final class DealingException extends Exception {
  private static final long serialVersionUID = 1L;

  /** Why a dealing record or share was rejected. */
  public enum Reason {
    /** The bytes do not parse as a dealing record. */
    MALFORMED,
    /** The record is not signed by the dealer the caller expects. */
    WRONG_DEALER,
    /** The dealer's signature over the record does not verify. */
    BAD_SIGNATURE,
    /** k is outside 1..n. */
    THRESHOLD_OUT_OF_RANGE,
    /** n exceeds {@link DealingRecord#MAX_HOLDERS}. */
    TOO_MANY_HOLDERS,
    /** A commitment or verification key is not a valid G2 point. */
    INVALID_POINT,
    /** The verification keys do not lie on the committed polynomial. */
    INCONSISTENT_COMMITMENTS,
    /** The share index is not one of 1..n. */
    UNKNOWN_SHARE,
    /** The encrypted share does not open with the holder's key: tampered or misaddressed. */
    SHARE_DECRYPTION_FAILED,
    /** The decrypted share does not match its published verification key. */
    SHARE_MISMATCH,
    /** A holder's X25519 key is unusable (a low-order point): nothing can be encrypted to it. */
    INVALID_HOLDER_KEY
  }

  private final Reason reason;

  public DealingException(Reason reason, String message) {
    super(reason + ": " + message);
    this.reason = reason;
  }

  public DealingException(Reason reason, String message, Throwable cause) {
    super(reason + ": " + message, cause);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
