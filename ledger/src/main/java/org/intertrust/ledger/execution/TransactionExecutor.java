package org.intertrust.ledger.execution;

import java.util.Objects;
import java.util.Optional;
import org.intertrust.ledger.state.LedgerState;
import org.intertrust.ledger.state.MutableState;
import org.intertrust.ledger.tx.DecisionRecord;
import org.intertrust.ledger.tx.EscrowFinalize;
import org.intertrust.ledger.tx.EscrowLock;
import org.intertrust.ledger.tx.EscrowRefund;
import org.intertrust.ledger.tx.ExpireEntry;
import org.intertrust.ledger.tx.GenesisAllocation;
import org.intertrust.ledger.tx.MessageDelivery;
import org.intertrust.ledger.tx.MessageSend;
import org.intertrust.ledger.tx.SwapExecute;
import org.intertrust.ledger.tx.SwapLock;
import org.intertrust.ledger.tx.Transaction;
import org.intertrust.ledger.tx.TransactionCodec;
import org.intertrust.ledger.tx.Transfer;
import org.intertrust.ledger.tx.VoucherBurn;
import org.intertrust.ledger.tx.VoucherMint;
import org.intertrust.ledger.value.TxId;

/**
 * Executes one transaction deterministically: the result depends only on the state, the transaction
 * and the context. A transaction is applied whole or rejected with nothing changed: every check
 * runs against buffered writes, which reach the state only once all checks passed.
 */
public final class TransactionExecutor {

  private TransactionExecutor() {}

  /**
   * Executes {@code tx} on an immutable state. Copies the state when the transaction applies
   * (O(size)); to execute many transactions, use {@link #apply(MutableState, Transaction, TxId,
   * ExecutionContext)} on one working copy.
   */
  public static ExecutionResult execute(LedgerState state, Transaction tx, ExecutionContext ctx) {
    Objects.requireNonNull(state, "state");
    TxId txId = TransactionCodec.txId(tx);
    Effects effects = new Effects(state);
    try {
      Optional<CrossAsEntry> entry = plan(new Step(effects, txId, ctx), tx);
      MutableState next = state.toMutable();
      effects.commitTo(next);
      return new ExecutionResult.Applied(txId, next.freeze(), entry);
    } catch (TxRejectedException e) {
      return new ExecutionResult.Rejected(txId, state, e.rejection());
    }
  }

  /**
   * Executes {@code tx}, whose id is {@code txId}, on a working copy, changing it only if the
   * transaction applies.
   *
   * @return the receipt: applied (with any cross-AS record written) or rejected with its reason
   */
  public static Receipt apply(MutableState state, Transaction tx, TxId txId, ExecutionContext ctx) {
    Objects.requireNonNull(state, "state");
    Effects effects = new Effects(state);
    try {
      Optional<CrossAsEntry> entry = plan(new Step(effects, txId, ctx), tx);
      effects.commitTo(state);
      return Receipt.applied(txId, entry);
    } catch (TxRejectedException e) {
      return Receipt.rejected(txId, e.rejection());
    }
  }

  private static Optional<CrossAsEntry> plan(Step step, Transaction tx) throws TxRejectedException {
    Objects.requireNonNull(tx, "tx");
    if (!tx.chain().equals(step.ctx().self())) {
      throw new TxRejectedException(
          RejectionReason.WRONG_CHAIN, "for " + tx.chain() + ", executed on " + step.ctx().self());
    }
    if (tx instanceof GenesisAllocation genesis) {
      LocalRules.genesis(step, genesis);
      return Optional.empty();
    }
    if (tx instanceof Transfer transfer) {
      LocalRules.transfer(step, transfer);
      return Optional.empty();
    }
    return planCrossAs(step, tx);
  }

  private static Optional<CrossAsEntry> planCrossAs(Step step, Transaction tx)
      throws TxRejectedException {
    if (tx instanceof EscrowLock t) {
      return SourceRules.lock(step, t);
    } else if (tx instanceof EscrowFinalize t) {
      return SourceRules.finalizeEscrow(step, t);
    } else if (tx instanceof EscrowRefund t) {
      return SourceRules.refund(step, t);
    } else if (tx instanceof VoucherBurn t) {
      return SourceRules.burn(step, t);
    } else if (tx instanceof VoucherMint t) {
      return DestinationRules.mint(step, t);
    } else if (tx instanceof MessageDelivery t) {
      return DestinationRules.deliver(step, t);
    } else if (tx instanceof DecisionRecord t) {
      return DestinationRules.decide(step, t);
    } else if (tx instanceof ExpireEntry t) {
      return DestinationRules.expire(step, t);
    } else if (tx instanceof SwapLock t) {
      return SourceRules.lockSwap(step, t);
    } else if (tx instanceof MessageSend t) {
      return SourceRules.send(step, t);
    } else if (tx instanceof SwapExecute t) {
      return DestinationRules.executeSwap(step, t);
    }
    throw new IllegalStateException("unhandled transaction kind " + tx.kind());
  }
}
