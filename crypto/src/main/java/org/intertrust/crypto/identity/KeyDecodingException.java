package org.intertrust.crypto.identity;

import java.util.Objects;

/** A public key encoding was rejected. Carries the {@link Reason}. */
public class KeyDecodingException extends Exception {

  /** Why a key encoding was rejected. */
  public enum Reason {
    /** The encoding does not have the fixed length of the key type. */
    WRONG_LENGTH,
    /** A coordinate is not reduced modulo the field prime, or an unused bit is set. */
    NOT_CANONICAL,
    /** The encoding names no point on the curve, or the JDK provider refuses it. */
    INVALID_POINT,
    /** The point lies in the small-order subgroup, so signatures under it prove nothing. */
    SMALL_ORDER
  }

  private final Reason reason;

  KeyDecodingException(Reason reason, String message) {
    super(reason + ": " + message);
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  KeyDecodingException(Reason reason, String message, Throwable cause) {
    super(reason + ": " + message, cause);
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  /** Returns why the encoding was rejected. */
  public Reason reason() {
    return reason;
  }
}
