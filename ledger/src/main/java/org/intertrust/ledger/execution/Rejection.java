package org.intertrust.ledger.execution;

import java.util.Objects;

/**
 * Why one transaction was not applied.
 *
 * @param reason the typed cause
 * @param detail a deterministic human-readable detail (same on every replica)
 */
public record Rejection(RejectionReason reason, String detail) {

  /** Checks that no field is null. */
  public Rejection {
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(detail, "detail");
  }
}
