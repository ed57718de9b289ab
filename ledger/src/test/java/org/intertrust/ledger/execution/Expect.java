package org.intertrust.ledger.execution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.intertrust.ledger.state.CrossAsKey;
import org.intertrust.ledger.state.CrossAsRecord;
import org.intertrust.ledger.state.CrossAsRole;
import org.intertrust.ledger.state.CrossAsStatus;
import org.intertrust.ledger.state.LedgerState;
import org.intertrust.ledger.state.MutableState;
import org.intertrust.ledger.state.Section;
import org.intertrust.ledger.testing.Fixtures;
import org.intertrust.ledger.tx.CrossAsTransaction;
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

  /**
   * Executes {@code tx}, a destination-side decision, and asserts that it applied as RELEASE with
   * {@code reason}, changing nothing but the destination's cross-AS record; returns the new state.
   */
  static LedgerState released(
      RejectionReason reason, LedgerState state, CrossAsTransaction tx, ExecutionContext ctx) {
    LedgerState next = applied(state, tx, ctx);
    CrossAsKey key = new CrossAsKey(tx.crossTxId(), CrossAsRole.DESTINATION);
    CrossAsRecord record = next.get(Section.CROSS_AS, key).orElseThrow();
    assertEquals(CrossAsStatus.RELEASED, record.status());
    assertEquals(reason.name(), record.reason());
    MutableState expected = state.toMutable();
    expected.put(Section.CROSS_AS, key, record);
    assertEquals(expected.freeze().hash(), next.hash(), "only the record changed");
    return next;
  }

  /** Executes {@code tx}, asserts it applied, and returns the new state. */
  static LedgerState applied(LedgerState state, Transaction tx, ExecutionContext ctx) {
    return Fixtures.applied(TransactionExecutor.execute(state, tx, ctx));
  }
}
