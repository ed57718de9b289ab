package org.intertrust.ledger.execution;

import java.util.Optional;
import org.intertrust.ledger.state.CrossAsKey;
import org.intertrust.ledger.state.CrossAsRole;
import org.intertrust.ledger.state.CrossAsStatus;
import org.intertrust.ledger.state.InboxKey;
import org.intertrust.ledger.state.InboxMessage;
import org.intertrust.ledger.state.PoolKey;
import org.intertrust.ledger.state.Section;
import org.intertrust.ledger.tx.Decision;
import org.intertrust.ledger.tx.DecisionRecord;
import org.intertrust.ledger.tx.ExpireEntry;
import org.intertrust.ledger.tx.MessageDelivery;
import org.intertrust.ledger.tx.VoucherMint;
import org.intertrust.ledger.value.AssetId;

/**
 * Rules of the destination side: exactly one decision per cross-AS id, UNLOCK (with its effect: a
 * mint or a message, or none for a bare decision record) only up to the deadline, RELEASE at any
 * time, and RELEASE by expiry only after the deadline.
 */
final class DestinationRules {

  /** Most messages one inbox holds. */
  static final long MAX_INBOX_MESSAGES = 1_000_000;

  /** Reason recorded when an expiry decides RELEASE. */
  static final String DEADLINE_PASSED = "DEADLINE_PASSED";

  private DestinationRules() {}

  static Optional<CrossAsEntry> mint(Step step, VoucherMint tx) throws TxRejectedException {
    Checks.positive(tx.amount());
    Checks.otherAs(tx.source(), step.ctx());
    Checks.notPast(tx.deadline(), step.ctx());
    CrossAsKey key = Checks.firstTime(step.effects(), tx.crossTxId(), CrossAsRole.DESTINATION);
    Checks.validRecipient(tx.recipient());
    Optional<AssetId> home = tx.sourceAsset().unwrapVoucherOf(step.ctx().self());
    AssetId credited = home.isPresent() ? home.get() : voucherDenomination(step, tx);
    if (home.isPresent()) {
      PoolKey pool = new PoolKey(credited, tx.source());
      step.effects()
          .subtractAmount(Section.POOL, pool, tx.amount(), RejectionReason.INSUFFICIENT_POOL);
    } else {
      step.effects().addAmount(Section.VOUCHERS, credited, tx.amount());
    }
    step.effects().credit(tx.recipient(), credited, tx.amount());
    return step.record(key, CrossAsStatus.UNLOCKED, tx.source(), "");
  }

  private static AssetId voucherDenomination(Step step, VoucherMint tx) throws TxRejectedException {
    return tx.sourceAsset()
        .voucherFrom(tx.source())
        .orElseThrow(
            () ->
                new TxRejectedException(
                    RejectionReason.DENOMINATION_TOO_LONG, "voucher of " + tx.sourceAsset()));
  }

  static Optional<CrossAsEntry> deliver(Step step, MessageDelivery tx) throws TxRejectedException {
    Checks.otherAs(tx.source(), step.ctx());
    Checks.notPast(tx.deadline(), step.ctx());
    CrossAsKey key = Checks.firstTime(step.effects(), tx.crossTxId(), CrossAsRole.DESTINATION);
    long size = step.effects().get(Section.INBOX_SIZES, tx.inbox()).orElse(0L);
    if (size >= MAX_INBOX_MESSAGES) {
      throw new TxRejectedException(RejectionReason.INBOX_FULL, tx.inbox().name());
    }
    InboxMessage message =
        new InboxMessage(tx.crossTxId(), tx.source(), tx.payload(), step.ctx().height());
    step.effects().put(Section.INBOX_MESSAGES, new InboxKey(tx.inbox(), size), message);
    step.effects().put(Section.INBOX_SIZES, tx.inbox(), size + 1);
    return step.record(key, CrossAsStatus.UNLOCKED, tx.source(), "");
  }

  static Optional<CrossAsEntry> decide(Step step, DecisionRecord tx) throws TxRejectedException {
    Checks.otherAs(tx.source(), step.ctx());
    if (tx.decision() == Decision.UNLOCK) {
      Checks.notPast(tx.deadline(), step.ctx());
    }
    CrossAsKey key = Checks.firstTime(step.effects(), tx.crossTxId(), CrossAsRole.DESTINATION);
    CrossAsStatus status =
        tx.decision() == Decision.UNLOCK ? CrossAsStatus.UNLOCKED : CrossAsStatus.RELEASED;
    return step.record(key, status, tx.source(), tx.reason());
  }

  static Optional<CrossAsEntry> expire(Step step, ExpireEntry tx) throws TxRejectedException {
    Checks.otherAs(tx.source(), step.ctx());
    if (!step.ctx().time().isAfter(tx.deadline())) {
      throw new TxRejectedException(
          RejectionReason.DEADLINE_NOT_REACHED,
          "time " + step.ctx().time() + " <= deadline " + tx.deadline());
    }
    CrossAsKey key = Checks.firstTime(step.effects(), tx.crossTxId(), CrossAsRole.DESTINATION);
    return step.record(key, CrossAsStatus.RELEASED, tx.source(), DEADLINE_PASSED);
  }
}
