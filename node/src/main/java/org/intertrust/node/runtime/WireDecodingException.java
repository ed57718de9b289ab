package org.intertrust.node.runtime;

/** Bytes from the network that do not decode; {@link #reason()} names why, for counters. */
public final class WireDecodingException extends Exception {
  private static final long serialVersionUID = 1L;

  private final String reason;

  /**
   * @param reason a short, stable name for the kind of failure (used as a counter key)
   * @param detail what was wrong
   */
  public WireDecodingException(String reason, String detail) {
    super(reason + ": " + detail);
    this.reason = reason;
  }

  /** A short, stable name for the kind of failure. */
  public String reason() {
    return reason;
  }
}
