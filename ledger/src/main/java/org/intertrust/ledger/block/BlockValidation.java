package org.intertrust.ledger.block;

import java.util.Objects;

/** The outcome of validating and executing a received block. */
public sealed interface BlockValidation {

  /**
   * The block is valid; here is its execution.
   *
   * @param executed the receipts and resulting state
   */
  record Valid(ExecutedBlock executed) implements BlockValidation {
    /** Checks that no field is null. */
    public Valid {
      Objects.requireNonNull(executed, "executed");
    }
  }

  /**
   * The block is invalid and must not be stored or voted for.
   *
   * @param rejection why
   */
  record Invalid(BlockRejection rejection) implements BlockValidation {
    /** Checks that no field is null. */
    public Invalid {
      Objects.requireNonNull(rejection, "rejection");
    }
  }
}
