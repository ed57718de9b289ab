package org.intertrust.ledger.execution;

import java.util.Optional;
import org.intertrust.ledger.state.CrossAsKey;
import org.intertrust.ledger.state.CrossAsRecord;
import org.intertrust.ledger.state.CrossAsRole;
import org.intertrust.ledger.state.CrossAsStatus;
import org.intertrust.ledger.state.Escrow;
import org.intertrust.ledger.state.PoolKey;
import org.intertrust.ledger.state.Section;
import org.intertrust.ledger.tx.EscrowFinalize;
import org.intertrust.ledger.tx.EscrowLock;
import org.intertrust.ledger.tx.EscrowRefund;
import org.intertrust.ledger.tx.VoucherBurn;
import org.intertrust.ledger.value.AccountId;
import org.intertrust.ledger.value.CrossAsTxId;

/**
 * Rules of the source side of a cross-AS transaction: lock, then exactly one of finalize, voucher
 * burn (both on UNLOCK) or refund (on RELEASE).
 */
final class SourceRules {

  private SourceRules() {}

  static Optional<CrossAsEntry> lock(Step step, EscrowLock tx) throws TxRejectedException {
    Effects effects = step.effects();
    Checks.positive(tx.amount());
    Checks.otherAs(tx.destination(), step.ctx());
    Checks.knownAsset(effects, tx.asset());
    CrossAsKey key = Checks.firstTime(effects, tx.crossTxId(), CrossAsRole.SOURCE);
    Checks.authorised(step, tx);
    effects.debit(tx.owner(), tx.asset(), tx.amount());
    Escrow escrow =
        new Escrow(tx.owner(), tx.asset(), tx.amount(), tx.destination(), tx.deadline());
    effects.put(Section.ESCROWS, tx.crossTxId(), escrow);
    return step.record(key, CrossAsStatus.LOCKED, tx.destination(), "");
  }

  static Optional<CrossAsEntry> finalizeEscrow(Step step, EscrowFinalize tx)
      throws TxRejectedException {
    Escrow escrow = settle(step, tx.crossTxId(), CrossAsStatus.FINALIZED);
    if (escrow.returnsHome()) {
      throw new TxRejectedException(
          RejectionReason.WRONG_ESCROW_KIND, escrow.asset() + " returns home: use VOUCHER_BURN");
    }
    if (tx.beneficiary().isPresent()) {
      AccountId beneficiary = tx.beneficiary().get();
      Checks.validRecipient(beneficiary);
      step.effects().credit(beneficiary, escrow.asset(), escrow.amount());
    } else {
      PoolKey pool = new PoolKey(escrow.asset(), escrow.destination());
      step.effects().addAmount(Section.POOL, pool, escrow.amount());
    }
    return settled(step, tx.crossTxId(), CrossAsStatus.FINALIZED, escrow);
  }

  static Optional<CrossAsEntry> burn(Step step, VoucherBurn tx) throws TxRejectedException {
    Escrow escrow = settle(step, tx.crossTxId(), CrossAsStatus.FINALIZED);
    if (!escrow.returnsHome()) {
      throw new TxRejectedException(
          RejectionReason.WRONG_ESCROW_KIND, escrow.asset() + " is not going home");
    }
    step.effects()
        .subtractAmount(
            Section.VOUCHERS, escrow.asset(), escrow.amount(), RejectionReason.INSUFFICIENT_FUNDS);
    return settled(step, tx.crossTxId(), CrossAsStatus.FINALIZED, escrow);
  }

  static Optional<CrossAsEntry> refund(Step step, EscrowRefund tx) throws TxRejectedException {
    Escrow escrow = settle(step, tx.crossTxId(), CrossAsStatus.REFUNDED);
    step.effects().credit(escrow.owner(), escrow.asset(), escrow.amount());
    return settled(step, tx.crossTxId(), CrossAsStatus.REFUNDED, escrow);
  }

  /** Checks the record may move to {@code target}, removes the escrow and returns it. */
  private static Escrow settle(Step step, CrossAsTxId id, CrossAsStatus target)
      throws TxRejectedException {
    CrossAsRecord record = Checks.locked(step.effects(), id);
    Escrow escrow =
        step.effects()
            .get(Section.ESCROWS, id)
            .orElseThrow(() -> new IllegalStateException("LOCKED record without escrow " + id));
    if (!record.status().canMoveTo(target)) {
      throw new IllegalStateException(record.status() + " cannot move to " + target);
    }
    step.effects().remove(Section.ESCROWS, id);
    return escrow;
  }

  private static Optional<CrossAsEntry> settled(
      Step step, CrossAsTxId id, CrossAsStatus status, Escrow escrow) {
    CrossAsKey key = new CrossAsKey(id, CrossAsRole.SOURCE);
    return step.record(key, status, escrow.destination(), "");
  }
}
