package org.intertrust.gateway.tee;

import java.util.Objects;

/** An enclave operation failed; {@link #reason()} says why. */
public final class EnclaveException extends Exception {
  private static final long serialVersionUID = 1L;

  /** Why an enclave operation failed. */
  public enum Reason {
    /** Sealed data does not open: tampered, sealed under another label, measurement or platform. */
    UNSEAL_FAILED,
    /** Sealed or persisted bytes do not parse. */
    MALFORMED,
    /** Sealed state is older than the monotonic counter says it must be: a rollback. */
    ROLLED_BACK
  }

  private final Reason reason;

  public EnclaveException(Reason reason, String message) {
    super(reason + ": " + message);
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  public EnclaveException(Reason reason, String message, Throwable cause) {
    super(reason + ": " + message, cause);
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  /** Returns why the operation failed. */
  public Reason reason() {
    return reason;
  }
}
