package org.intertrust.sim.crossas;

import java.util.Objects;
import java.util.Optional;

/**
 * Bytes that are not a {@link CrossAsMessage} {@link CrossAsWire} accepts. {@link #reason()} says
 * why; for a nested consensus or gateway message that did not decode, {@link #innerReason()} names
 * that codec's reason, and {@link #label()} joins both for counters ({@code
 * GATEWAY/MALFORMED_DEALING}).
 */
public final class CrossAsDecodingException extends Exception {
  private static final long serialVersionUID = 1L;

  /** Why the bytes were rejected. */
  public enum Reason {
    /** The message is larger than the codec's maximum (checked before parsing). */
    TOO_LARGE,
    /** The first byte is not a wire version this codec reads. */
    UNSUPPORTED_VERSION,
    /** The kind tag names no message kind. */
    UNKNOWN_KIND,
    /** The bytes end before the message does. */
    TRUNCATED,
    /** Bytes remain after the message. */
    TRAILING_BYTES,
    /** A length prefix is larger than the bound of its field. */
    OVER_LIMIT,
    /** A field has a value no valid message has. */
    INVALID_VALUE,
    /** The nested consensus message does not decode; see {@link #innerReason()}. */
    CONSENSUS,
    /** The nested gateway message or transfer terms do not decode; see {@link #innerReason()}. */
    GATEWAY,
    /** An execution share or certificate does not decode (a point off the curve). */
    EXECUTION
  }

  private final Reason reason;
  private final Optional<String> innerReason;

  public CrossAsDecodingException(Reason reason, String message) {
    this(reason, Optional.empty(), message);
  }

  /** With the nested codec's reason ({@code ConsensusDecodingException.Reason} or gateway's). */
  public CrossAsDecodingException(Reason reason, Enum<?> innerReason, String message) {
    this(reason, Optional.of(innerReason.name()), message);
  }

  private CrossAsDecodingException(Reason reason, Optional<String> innerReason, String message) {
    super(reason + innerReason.map(r -> "/" + r).orElse("") + ": " + message);
    this.reason = Objects.requireNonNull(reason, "reason");
    this.innerReason = innerReason;
  }

  public Reason reason() {
    return reason;
  }

  /** The nested codec's reason, for {@link Reason#CONSENSUS} and {@link Reason#GATEWAY}. */
  public Optional<String> innerReason() {
    return innerReason;
  }

  /** The reason for counters: {@code REASON} or {@code REASON/INNER}. */
  public String label() {
    return reason + innerReason.map(r -> "/" + r).orElse("");
  }
}
