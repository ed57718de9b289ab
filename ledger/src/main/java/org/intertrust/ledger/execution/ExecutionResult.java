package org.intertrust.ledger.execution;

import java.util.Objects;
import java.util.Optional;
import org.intertrust.ledger.state.LedgerState;
import org.intertrust.ledger.value.TxId;

/** The outcome of executing one transaction: applied in full, or rejected with nothing changed. */
public sealed interface ExecutionResult {

  /** Returns the id of the executed transaction. */
  TxId txId();

  /** Returns the state after execution (the input state if rejected). */
  LedgerState state();

  /**
   * The transaction was applied.
   *
   * @param txId the transaction
   * @param state the new state
   * @param crossAsEntry the cross-AS record it wrote, for cross-AS kinds
   */
  record Applied(TxId txId, LedgerState state, Optional<CrossAsEntry> crossAsEntry)
      implements ExecutionResult {
    /** Checks that no field is null. */
    public Applied {
      Objects.requireNonNull(txId, "txId");
      Objects.requireNonNull(state, "state");
      Objects.requireNonNull(crossAsEntry, "crossAsEntry");
    }
  }

  /**
   * The transaction was rejected; {@code state} is the unchanged input.
   *
   * @param txId the transaction
   * @param state the unchanged state
   * @param rejection why
   */
  record Rejected(TxId txId, LedgerState state, Rejection rejection) implements ExecutionResult {
    /** Checks that no field is null. */
    public Rejected {
      Objects.requireNonNull(txId, "txId");
      Objects.requireNonNull(state, "state");
      Objects.requireNonNull(rejection, "rejection");
    }
  }
}
