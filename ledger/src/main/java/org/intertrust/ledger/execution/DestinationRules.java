package org.intertrust.ledger.execution;

import java.util.Optional;
import org.intertrust.crypto.encoding.AsId;
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
import org.intertrust.ledger.tx.SwapExecute;
import org.intertrust.ledger.tx.SwapTerms;
import org.intertrust.ledger.tx.VoucherMint;
import org.intertrust.ledger.value.AssetId;

/**
 * Rules of the destination side: exactly one decision per cross-AS id. The decision rule of a
 * relayed operation (a mint, a swap leg, a message delivery; ADR 0008) is deterministic: a
 * transaction that is malformed for this AS (another AS's terms, a payload that does not match its
 * hash) or whose id was already decided is rejected and changes nothing; otherwise the AS decides
 * UNLOCK and applies the operation if it is before the deadline and the operation is valid here,
 * and RELEASE with the typed reason ({@link RejectionReason#name()}) if not. A bare {@link
 * DecisionRecord} decides without an effect, UNLOCK only up to the deadline; an {@link ExpireEntry}
 * releases only after it.
 */
final class DestinationRules {

  /** Most messages one inbox holds. */
  static final long MAX_INBOX_MESSAGES = 1_000_000;

  /** Reason recorded when an expiry decides RELEASE. */
  static final String DEADLINE_PASSED = "DEADLINE_PASSED";

  private DestinationRules() {}

  /** The operation a decision applies on UNLOCK; it throws to make the decision RELEASE. */
  @FunctionalInterface
  private interface Operation {
    void apply(Step leg) throws TxRejectedException;
  }

  /**
   * Decides {@code key}: applies {@code operation} in a nested buffer and records UNLOCKED, or, if
   * it is rejected, drops its writes and records RELEASED with the rejection's reason.
   */
  private static Optional<CrossAsEntry> decideOperation(
      Step step, CrossAsKey key, AsId source, Operation operation) {
    Effects leg = new Effects(step.effects());
    try {
      operation.apply(new Step(leg, step.txId(), step.ctx()));
    } catch (TxRejectedException e) {
      return step.record(key, CrossAsStatus.RELEASED, source, e.rejection().reason().name());
    }
    leg.commitTo(step.effects());
    return step.record(key, CrossAsStatus.UNLOCKED, source, "");
  }

  static Optional<CrossAsEntry> mint(Step step, VoucherMint tx) throws TxRejectedException {
    Checks.otherAs(tx.source(), step.ctx());
    CrossAsKey key = Checks.firstTime(step.effects(), tx.crossTxId(), CrossAsRole.DESTINATION);
    return decideOperation(step, key, tx.source(), leg -> credit(leg, tx));
  }

  private static void credit(Step leg, VoucherMint tx) throws TxRejectedException {
    Checks.notPast(tx.deadline(), leg.ctx());
    Checks.positive(tx.amount());
    Checks.validRecipient(tx.recipient());
    Optional<AssetId> home = tx.sourceAsset().unwrapVoucherOf(leg.ctx().self());
    AssetId credited = home.isPresent() ? home.get() : voucherDenomination(tx);
    if (home.isPresent()) {
      PoolKey pool = new PoolKey(credited, tx.source());
      leg.effects()
          .subtractAmount(Section.POOL, pool, tx.amount(), RejectionReason.INSUFFICIENT_POOL);
    } else {
      leg.effects().addAmount(Section.VOUCHERS, credited, tx.amount());
    }
    leg.effects().credit(tx.recipient(), credited, tx.amount());
  }

  private static AssetId voucherDenomination(VoucherMint tx) throws TxRejectedException {
    return tx.sourceAsset()
        .voucherFrom(tx.source())
        .orElseThrow(
            () ->
                new TxRejectedException(
                    RejectionReason.DENOMINATION_TOO_LONG, "voucher of " + tx.sourceAsset()));
  }

  static Optional<CrossAsEntry> executeSwap(Step step, SwapExecute tx) throws TxRejectedException {
    SwapTerms terms = tx.terms();
    Checks.destinationIsSelf(terms.destination(), step.ctx());
    Checks.otherAs(terms.source(), step.ctx());
    CrossAsKey key = Checks.firstTime(step.effects(), tx.crossTxId(), CrossAsRole.DESTINATION);
    return decideOperation(step, key, terms.source(), leg -> counterpartyLeg(leg, tx));
  }

  /** Bob's leg: his signature, then his asset to Alice. */
  private static void counterpartyLeg(Step leg, SwapExecute tx) throws TxRejectedException {
    SwapTerms terms = tx.terms();
    Checks.notPast(terms.deadline(), leg.ctx());
    Checks.positive(terms.counterpartyAmount());
    Checks.knownAsset(leg.effects(), terms.counterpartyAsset());
    Checks.validRecipient(terms.initiator());
    if (!terms.counterpartySigned(tx.counterpartySignature())) {
      throw new TxRejectedException(
          RejectionReason.BAD_SIGNATURE, "counterparty " + terms.counterparty());
    }
    leg.effects()
        .debit(terms.counterparty(), terms.counterpartyAsset(), terms.counterpartyAmount());
    leg.effects().credit(terms.initiator(), terms.counterpartyAsset(), terms.counterpartyAmount());
  }

  static Optional<CrossAsEntry> deliver(Step step, MessageDelivery tx) throws TxRejectedException {
    Checks.destinationIsSelf(tx.terms().destination(), step.ctx());
    Checks.otherAs(tx.source(), step.ctx());
    if (!tx.terms().matches(tx.payload())) {
      throw new TxRejectedException(
          RejectionReason.PAYLOAD_MISMATCH, "payload of " + tx.crossTxId() + " has another hash");
    }
    CrossAsKey key = Checks.firstTime(step.effects(), tx.crossTxId(), CrossAsRole.DESTINATION);
    return decideOperation(step, key, tx.source(), leg -> append(leg, tx));
  }

  private static void append(Step leg, MessageDelivery tx) throws TxRejectedException {
    Checks.notPast(tx.deadline(), leg.ctx());
    long size = leg.effects().get(Section.INBOX_SIZES, tx.inbox()).orElse(0L);
    if (size >= MAX_INBOX_MESSAGES) {
      throw new TxRejectedException(RejectionReason.INBOX_FULL, tx.inbox().name());
    }
    InboxMessage message =
        new InboxMessage(tx.crossTxId(), tx.source(), tx.payload(), leg.ctx().height());
    leg.effects().put(Section.INBOX_MESSAGES, new InboxKey(tx.inbox(), size), message);
    leg.effects().put(Section.INBOX_SIZES, tx.inbox(), size + 1);
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
