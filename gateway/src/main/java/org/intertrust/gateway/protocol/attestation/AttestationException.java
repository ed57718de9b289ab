package org.intertrust.gateway.protocol.attestation;

import java.util.Objects;

/** A peer's attestation was rejected; {@link #reason()} says why. */
public final class AttestationException extends Exception {
  private static final long serialVersionUID = 1L;

  /** Why attestation evidence was rejected. */
  public enum Reason {
    /** No quote, or a quote from a platform or backend that is not a trusted root. */
    UNATTESTED,
    /** The quote's measurement is not on the allowlist. */
    UNKNOWN_MEASUREMENT,
    /** The quote is older than the maximum age, or dated in the future beyond the allowed skew. */
    STALE_QUOTE,
    /** The quote answers no outstanding challenge: replayed, or answering someone else. */
    REPLAYED_QUOTE,
    /** The platform's signature over the quote does not verify. */
    BAD_SIGNATURE,
    /**
     * The caller data, or the ASs named in the quote, do not match the presented keys and
     * configuration.
     */
    WRONG_CALLER_DATA,
    /** The presented configuration has k &lt; f+1: a certificate would need no honest signer. */
    THRESHOLD_TOO_LOW,
    /** The evidence does not parse. */
    MALFORMED
  }

  private final Reason reason;

  public AttestationException(Reason reason, String message) {
    super(reason + ": " + message);
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  /** Returns why the evidence was rejected. */
  public Reason reason() {
    return reason;
  }
}
