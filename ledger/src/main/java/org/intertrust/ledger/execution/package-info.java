/**
 * Deterministic execution of transactions against the ledger state.
 *
 * <p>{@link org.intertrust.ledger.execution.TransactionExecutor} checks a transaction against a
 * {@link org.intertrust.ledger.state.StateView}, buffering its writes; only if every check passes
 * are the writes applied, so a transaction is applied whole or not at all. A rejection carries a
 * {@link org.intertrust.ledger.execution.RejectionReason}. Execution reads nothing but the state,
 * the transaction and the {@link org.intertrust.ledger.execution.ExecutionContext} (height,
 * consensus time, own AS id): no clock, no randomness, no I/O.
 */
package org.intertrust.ledger.execution;
