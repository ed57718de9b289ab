package org.intertrust.ledger.execution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.intertrust.ledger.state.LedgerState;
import org.intertrust.ledger.testing.Fixtures;
import org.intertrust.ledger.tx.Transaction;

/** Assertions shared by the execution tests. */
final class Expect {

  private Expect() {}

  /** Executes {@code tx} and asserts it is rejected for {@code reason} with the state unchanged. */
  static void rejected(
      RejectionReason reason, LedgerState state, Transaction tx, ExecutionContext ctx) {
    ExecutionResult result = TransactionExecutor.execute(state, tx, ctx);
    if (!(result instanceof ExecutionResult.Rejected rejected)) {
      throw new AssertionError("expected " + reason + ", but applied: " + tx);
    }
    assertEquals(reason, rejected.rejection().reason(), rejected.rejection().detail());
    assertSame(state, rejected.state());
    assertEquals(state.hash(), rejected.state().hash());
  }

  /** Executes {@code tx}, asserts it applied, and returns the new state. */
  static LedgerState applied(LedgerState state, Transaction tx, ExecutionContext ctx) {
    return Fixtures.applied(TransactionExecutor.execute(state, tx, ctx));
  }
}
