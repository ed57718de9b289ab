package org.intertrust.crypto.encoding;

import java.util.Objects;

/**
 * A value could not be encoded or decoded canonically. Carries a {@link Reason} so callers can log
 * and count rejections by cause without parsing messages.
 */
public class EncodingException extends Exception {

  /** Why encoding or decoding failed. */
  public enum Reason {
    /** Fewer bytes remain than the next field needs. */
    TRUNCATED,
    /** A declared length exceeds the bound allowed for that field. */
    LENGTH_TOO_LARGE,
    /** Bytes remain after the last expected field. */
    TRAILING_BYTES,
    /** The input does not start with the expected magic bytes. */
    BAD_MAGIC,
    /** The encoding version is not one this code understands. */
    BAD_VERSION,
    /** A domain tag names no {@link SigningDomain}. */
    UNKNOWN_DOMAIN,
    /** A field is well-formed but its value is not allowed (out of range, not UTF-8, ...). */
    INVALID_VALUE,
    /** A writer would grow beyond its configured maximum size. */
    CAPACITY_EXCEEDED
  }

  private final Reason reason;

  /**
   * Creates an exception.
   *
   * @param reason the cause category, never null
   * @param message a human-readable detail; must not contain secret material
   */
  public EncodingException(Reason reason, String message) {
    super(reason + ": " + message);
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  /** Returns the cause category. */
  public Reason reason() {
    return reason;
  }
}
