package org.intertrust.ledger.execution;

import java.util.Optional;
import org.intertrust.crypto.encoding.AsId;
import org.intertrust.ledger.state.CrossAsKey;
import org.intertrust.ledger.state.CrossAsRecord;
import org.intertrust.ledger.state.CrossAsRole;
import org.intertrust.ledger.state.CrossAsStatus;
import org.intertrust.ledger.state.Escrow;
import org.intertrust.ledger.state.OutboundMessage;
import org.intertrust.ledger.state.PoolKey;
import org.intertrust.ledger.state.Section;
import org.intertrust.ledger.tx.EscrowFinalize;
import org.intertrust.ledger.tx.EscrowLock;
import org.intertrust.ledger.tx.EscrowRefund;
import org.intertrust.ledger.tx.MessageSend;
import org.intertrust.ledger.tx.MessageTerms;
import org.intertrust.ledger.tx.SwapLock;
import org.intertrust.ledger.tx.SwapTerms;
import org.intertrust.ledger.tx.VoucherBurn;
import org.intertrust.ledger.value.AccountId;
import org.intertrust.ledger.value.CrossAsTxId;

/**
 * Rules of the source side of a cross-AS transaction: a lock (an escrow for a TRANSFER or a SWAP, a
 * value-free {@link OutboundMessage} for a MESSAGE), then exactly one of finalize, voucher burn
 * (both on UNLOCK) or refund (on RELEASE). Finalizing pays a swap escrow to its beneficiary, pools
 * a transfer escrow, and keeps a sent message; refunding returns an escrow to its owner and removes
 * a sent message.
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

  /** The initiator's half of a swap: her asset is escrowed for the counterparty. */
  static Optional<CrossAsEntry> lockSwap(Step step, SwapLock tx) throws TxRejectedException {
    Effects effects = step.effects();
    SwapTerms terms = tx.terms();
    Checks.sourceIsSelf(terms.source(), step.ctx());
    Checks.positive(terms.initiatorAmount());
    Checks.otherAs(terms.destination(), step.ctx());
    Checks.knownAsset(effects, terms.initiatorAsset());
    Checks.validRecipient(terms.counterparty());
    CrossAsKey key = Checks.firstTime(effects, tx.crossTxId(), CrossAsRole.SOURCE);
    Checks.authorised(step, tx);
    effects.debit(terms.initiator(), terms.initiatorAsset(), terms.initiatorAmount());
    Escrow escrow =
        new Escrow(
            terms.initiator(),
            terms.initiatorAsset(),
            terms.initiatorAmount(),
            terms.destination(),
            terms.deadline(),
            Optional.of(terms.counterparty()));
    effects.put(Section.ESCROWS, tx.crossTxId(), escrow);
    return step.record(key, CrossAsStatus.LOCKED, terms.destination(), "");
  }

  /** A message's record on its source: no value moves. */
  static Optional<CrossAsEntry> send(Step step, MessageSend tx) throws TxRejectedException {
    MessageTerms terms = tx.terms();
    Checks.sourceIsSelf(terms.source(), step.ctx());
    Checks.otherAs(terms.destination(), step.ctx());
    CrossAsKey key = Checks.firstTime(step.effects(), tx.crossTxId(), CrossAsRole.SOURCE);
    Checks.authorised(step, tx);
    OutboundMessage message =
        new OutboundMessage(
            terms.sender(), terms.destination(), terms.inbox(), terms.payloadHash());
    step.effects().put(Section.OUTBOX, tx.crossTxId(), message);
    return step.record(key, CrossAsStatus.LOCKED, terms.destination(), "");
  }

  static Optional<CrossAsEntry> finalizeEscrow(Step step, EscrowFinalize tx)
      throws TxRejectedException {
    CrossAsRecord record = Checks.locked(step.effects(), tx.crossTxId());
    Optional<Escrow> held = step.effects().get(Section.ESCROWS, tx.crossTxId());
    if (held.isEmpty()) {
      expectBeneficiary(Optional.empty(), tx.beneficiary());
      sentMessage(step, tx.crossTxId());
      return settled(step, tx.crossTxId(), CrossAsStatus.FINALIZED, record.counterpart());
    }
    Escrow escrow = held.get();
    if (escrow.returnsHome()) {
      throw new TxRejectedException(
          RejectionReason.WRONG_ESCROW_KIND, escrow.asset() + " returns home: use VOUCHER_BURN");
    }
    expectBeneficiary(escrow.beneficiary(), tx.beneficiary());
    step.effects().remove(Section.ESCROWS, tx.crossTxId());
    if (escrow.beneficiary().isPresent()) {
      AccountId beneficiary = escrow.beneficiary().get();
      Checks.validRecipient(beneficiary);
      step.effects().credit(beneficiary, escrow.asset(), escrow.amount());
    } else {
      PoolKey pool = new PoolKey(escrow.asset(), escrow.destination());
      step.effects().addAmount(Section.POOL, pool, escrow.amount());
    }
    return settled(step, tx.crossTxId(), CrossAsStatus.FINALIZED, escrow.destination());
  }

  private static void expectBeneficiary(Optional<AccountId> held, Optional<AccountId> named)
      throws TxRejectedException {
    if (!held.equals(named)) {
      throw new TxRejectedException(
          RejectionReason.BENEFICIARY_MISMATCH,
          "escrow pays " + held + ", finalize names " + named);
    }
  }

  static Optional<CrossAsEntry> burn(Step step, VoucherBurn tx) throws TxRejectedException {
    Checks.locked(step.effects(), tx.crossTxId());
    Escrow escrow = escrowOf(step, tx.crossTxId());
    if (!escrow.returnsHome()) {
      throw new TxRejectedException(
          RejectionReason.WRONG_ESCROW_KIND, escrow.asset() + " is not going home");
    }
    step.effects().remove(Section.ESCROWS, tx.crossTxId());
    step.effects()
        .subtractAmount(
            Section.VOUCHERS, escrow.asset(), escrow.amount(), RejectionReason.INSUFFICIENT_FUNDS);
    return settled(step, tx.crossTxId(), CrossAsStatus.FINALIZED, escrow.destination());
  }

  static Optional<CrossAsEntry> refund(Step step, EscrowRefund tx) throws TxRejectedException {
    CrossAsRecord record = Checks.locked(step.effects(), tx.crossTxId());
    Optional<Escrow> held = step.effects().get(Section.ESCROWS, tx.crossTxId());
    if (held.isEmpty()) {
      sentMessage(step, tx.crossTxId());
      step.effects().remove(Section.OUTBOX, tx.crossTxId());
      return settled(step, tx.crossTxId(), CrossAsStatus.REFUNDED, record.counterpart());
    }
    Escrow escrow = held.get();
    step.effects().remove(Section.ESCROWS, tx.crossTxId());
    step.effects().credit(escrow.owner(), escrow.asset(), escrow.amount());
    return settled(step, tx.crossTxId(), CrossAsStatus.REFUNDED, escrow.destination());
  }

  /** The escrow of a LOCKED id, rejecting a sent message (which has none). */
  private static Escrow escrowOf(Step step, CrossAsTxId id) throws TxRejectedException {
    Optional<Escrow> escrow = step.effects().get(Section.ESCROWS, id);
    if (escrow.isEmpty()) {
      sentMessage(step, id);
      throw new TxRejectedException(RejectionReason.WRONG_ESCROW_KIND, id + " is a message");
    }
    return escrow.get();
  }

  /** The sent message of a LOCKED id that holds no escrow; fails fast if there is none. */
  private static OutboundMessage sentMessage(Step step, CrossAsTxId id) {
    return step.effects()
        .get(Section.OUTBOX, id)
        .orElseThrow(() -> new IllegalStateException("LOCKED record holds nothing: " + id));
  }

  private static Optional<CrossAsEntry> settled(
      Step step, CrossAsTxId id, CrossAsStatus status, AsId destination) {
    CrossAsKey key = new CrossAsKey(id, CrossAsRole.SOURCE);
    return step.record(key, status, destination, "");
  }
}
