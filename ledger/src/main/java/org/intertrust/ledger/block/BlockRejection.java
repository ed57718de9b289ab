package org.intertrust.ledger.block;

import java.util.Objects;

/**
 * A received block was invalid.
 *
 * @param reason the typed cause
 * @param detail expected and found values, for logs
 */
public record BlockRejection(BlockRejectionReason reason, String detail) {

  /** Checks that no field is null. */
  public BlockRejection {
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(detail, "detail");
  }
}
