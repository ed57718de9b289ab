package org.intertrust.gateway.protocol.certificate;

import java.util.Objects;

/** A certificate or proof was rejected; {@link #reason()} says why. */
public final class CertificateException extends Exception {
  private static final long serialVersionUID = 1L;

  /** Why a certificate or proof was rejected. */
  public enum Reason {
    /** The bytes do not parse. */
    MALFORMED,
    /** It names a dealing the verifier does not know. */
    UNKNOWN_DEALING,
    /** The threshold signature does not verify under the dealing's group key. */
    BAD_SIGNATURE,
    /** The certified statement is not what the verifier expected (kind, ASs, transaction). */
    WRONG_STATEMENT,
    /** The Merkle path does not lead from the leaf to the batch root. */
    BAD_PATH
  }

  private final Reason reason;

  public CertificateException(Reason reason, String message) {
    super(reason + ": " + message);
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  /** Returns why the certificate was rejected. */
  public Reason reason() {
    return reason;
  }
}
