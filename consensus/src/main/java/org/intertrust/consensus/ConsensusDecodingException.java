package org.intertrust.consensus;

import java.util.Objects;

/**
 * Bytes from the network that are not a consensus message {@link ConsensusCodec} accepts; {@link
 * #reason()} says why, for the rejection log and the metrics. Thrown only by decoding: a peer's bad
 * bytes are an input to reject, never an error of this replica.
 */
public final class ConsensusDecodingException extends Exception {
  private static final long serialVersionUID = 1L;

  /** Why the bytes were rejected. */
  public enum Reason {
    /** The message is larger than the codec's maximum message size (checked before parsing). */
    TOO_LARGE,
    /** The first byte is not a wire version this codec reads. */
    UNSUPPORTED_VERSION,
    /** The kind tag names no message kind. */
    UNKNOWN_KIND,
    /** The bytes end before the message does. */
    TRUNCATED,
    /** Bytes remain after the message. */
    TRAILING_BYTES,
    /** A payload or a list is longer than its bound. */
    OVER_LIMIT,
    /**
     * A field has a value no valid message has (a flag byte other than 0 or 1, a negative round).
     */
    INVALID_VALUE,
    /** A BLS signature, share or Ed25519 signature is not a valid encoding of one. */
    BAD_SIGNATURE_ENCODING
  }

  private final Reason reason;

  public ConsensusDecodingException(Reason reason, String message) {
    super(reason + ": " + message);
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  public Reason reason() {
    return reason;
  }
}
