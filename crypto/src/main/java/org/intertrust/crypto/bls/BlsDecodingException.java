package org.intertrust.crypto.bls;

/** A BLS key, signature or share that failed to decode; {@link #reason()} says why. */
public final class BlsDecodingException extends Exception {
  private static final long serialVersionUID = 1L;

  /** Why the bytes were rejected. */
  public enum Reason {
    /** The byte string does not have the fixed length of the value. */
    WRONG_LENGTH,
    /** The flag bits or the coordinate are not a valid compressed encoding. */
    BAD_ENCODING,
    /** The coordinates do not satisfy the curve equation. */
    NOT_ON_CURVE,
    /** The point lies on the curve but outside the prime-order subgroup. */
    NOT_IN_SUBGROUP,
    /** The point at infinity: never a valid key or signature. */
    INFINITY,
    /** A secret scalar of zero. */
    ZERO_SECRET,
    /** A secret scalar not below the group order r. */
    SECRET_OUT_OF_RANGE,
    /** A share index outside 1..65535. */
    INVALID_SHARE_INDEX
  }

  private final Reason reason;

  public BlsDecodingException(Reason reason, String message) {
    super(reason + ": " + message);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
