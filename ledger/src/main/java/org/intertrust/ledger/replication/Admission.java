package org.intertrust.ledger.replication;

import java.util.Objects;
import java.util.Optional;
import org.intertrust.ledger.value.TxId;

/**
 * The answer to a submitted transaction: accepted into the mempool, or refused with a reason.
 *
 * @param txId the transaction's id, when the bytes were a transaction
 * @param problem why it was refused; empty if accepted
 * @param detail a human-readable explanation for logs
 */
public record Admission(Optional<TxId> txId, Optional<TransactionProblem> problem, String detail) {

  /** Checks that no field is null. */
  public Admission {
    Objects.requireNonNull(txId, "txId");
    Objects.requireNonNull(problem, "problem");
    Objects.requireNonNull(detail, "detail");
  }

  static Admission accepted(TxId txId) {
    return new Admission(Optional.of(txId), Optional.empty(), "");
  }

  static Admission refused(Optional<TxId> txId, TransactionProblem problem, String detail) {
    return new Admission(txId, Optional.of(problem), detail);
  }

  /** Whether the transaction entered the mempool. */
  public boolean isAccepted() {
    return problem.isEmpty();
  }
}
