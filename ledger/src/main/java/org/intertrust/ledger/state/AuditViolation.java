package org.intertrust.ledger.state;

import java.util.Objects;

/**
 * One broken accounting invariant found by {@link Audit}.
 *
 * @param kind which invariant
 * @param detail what was found, for logs
 */
public record AuditViolation(Kind kind, String detail) {

  /** The invariants {@link Audit} checks. */
  public enum Kind {
    /** Issued amount of an asset differs from balances + locked escrows + pool. */
    SUPPLY_NOT_CONSERVED,
    /** A balance, escrow or pool entry names an asset that is neither native nor outstanding. */
    UNKNOWN_ASSET,
    /** A stored amount is zero where zero entries must be removed. */
    ZERO_ENTRY,
    /**
     * An escrow has no LOCKED source record, an outbound message no LOCKED or FINALIZED one, or a
     * LOCKED record has not exactly one of an escrow and an outbound message.
     */
    ESCROW_RECORD_MISMATCH,
    /** A record's status belongs to the other role. */
    ROLE_STATUS_MISMATCH,
    /** An inbox's size differs from its number of messages. */
    INBOX_SIZE_MISMATCH,
    /** A sum overflowed 2^63-1. */
    OVERFLOW
  }

  /** Checks that no field is null. */
  public AuditViolation {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(detail, "detail");
  }
}
