package org.intertrust.gateway.protocol.wire;

import java.util.Objects;

/**
 * Bytes from the network that are not a gateway message {@link GatewayCodec} accepts; {@link
 * #reason()} says why, for the rejection log and the metrics. Thrown only by decoding: a peer's bad
 * bytes are an input to reject, never an error of this node.
 */
public final class GatewayDecodingException extends Exception {
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
    /** A length prefix is larger than the bound of its field. */
    OVER_LIMIT,
    /** A field has a value no valid message has (a flag byte other than 0 or 1, a time >= 2^63). */
    INVALID_VALUE,
    /** A BLS share, an Ed25519 key or an Ed25519 signature is not a valid encoding of one. */
    BAD_KEY_OR_SIGNATURE_ENCODING,
    /** A cross-AS statement does not parse ({@code CrossAsStatement.decode}). */
    MALFORMED_STATEMENT,
    /** A transaction proof does not parse ({@code TransactionProof.decode}). */
    MALFORMED_PROOF,
    /** A dealing record does not parse ({@code DealingRecord.parse}). */
    MALFORMED_DEALING,
    /** Transfer terms do not parse ({@code TransferTerms.read}). */
    MALFORMED_TERMS
  }

  private final Reason reason;

  public GatewayDecodingException(Reason reason, String message) {
    super(reason + ": " + message);
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  /** Returns why the bytes were rejected. */
  public Reason reason() {
    return reason;
  }
}
