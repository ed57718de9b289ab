package org.intertrust.ledger.execution;

import static org.intertrust.ledger.testing.Fixtures.AS_X;
import static org.intertrust.ledger.testing.Fixtures.AS_Y;
import static org.intertrust.ledger.testing.Fixtures.CERT;
import static org.intertrust.ledger.testing.Fixtures.GOLD;
import static org.intertrust.ledger.testing.Fixtures.SILVER;
import static org.intertrust.ledger.testing.Fixtures.account;
import static org.intertrust.ledger.testing.Fixtures.ctx;
import static org.intertrust.ledger.testing.Fixtures.key;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.intertrust.crypto.identity.IdentitySignature;
import org.intertrust.ledger.state.Audit;
import org.intertrust.ledger.state.CrossAsKey;
import org.intertrust.ledger.state.CrossAsRole;
import org.intertrust.ledger.state.CrossAsStatus;
import org.intertrust.ledger.state.InboxKey;
import org.intertrust.ledger.state.LedgerState;
import org.intertrust.ledger.state.Section;
import org.intertrust.ledger.testing.Fixtures;
import org.intertrust.ledger.tx.EscrowFinalize;
import org.intertrust.ledger.tx.EscrowRefund;
import org.intertrust.ledger.tx.MessageDelivery;
import org.intertrust.ledger.tx.MessagePayload;
import org.intertrust.ledger.tx.MessageSend;
import org.intertrust.ledger.tx.MessageTerms;
import org.intertrust.ledger.tx.SwapExecute;
import org.intertrust.ledger.tx.SwapLock;
import org.intertrust.ledger.tx.SwapTerms;
import org.intertrust.ledger.tx.VoucherBurn;
import org.intertrust.ledger.value.Amount;
import org.intertrust.ledger.value.ConsensusTime;
import org.intertrust.ledger.value.CrossAsTxId;
import org.intertrust.ledger.value.InboxId;
import org.intertrust.ledger.value.Nonce;
import org.junit.jupiter.api.Test;

/**
 * The SWAP and MESSAGE rules of ADR 0008 on both ledgers: the source's lock (an escrow for the
 * counterparty, or a value-free outbound message), the destination's deterministic decision (UNLOCK
 * with its effect, or RELEASE with a typed reason and nothing else changed), and the source's
 * settlement on that decision.
 */
class SwapAndMessageRulesTest {
  private static final ConsensusTime DEADLINE = ConsensusTime.ofMillis(1_000);
  private static final InboxId INBOX = new InboxId("app.inbox");
  private static final MessagePayload PAYLOAD = MessagePayload.of(new byte[] {4, 2});

  private final LedgerState x0 = Fixtures.genesisState(AS_X);
  private final LedgerState y0 = Fixtures.genesisState(AS_Y);
  private final ExecutionContext onX = ctx(AS_X, 1, 100);
  private final ExecutionContext onY = ctx(AS_Y, 1, 100);

  /** Account 0 gives 7 GOLD on X for {@code silver} SILVER of account 1 on Y. */
  private static SwapTerms swap(long silver) {
    return new SwapTerms(
        AS_X,
        AS_Y,
        account(0),
        GOLD,
        Amount.of(7),
        account(1),
        SILVER,
        Amount.of(silver),
        DEADLINE,
        Nonce.ZERO);
  }

  private static IdentitySignature bobSigns(SwapTerms terms) {
    return terms.signAsCounterparty(key(1));
  }

  private static SwapExecute execute(SwapTerms terms) {
    return new SwapExecute(AS_Y, terms, bobSigns(terms), CERT);
  }

  private static MessageTerms message(MessagePayload payload) {
    return new MessageTerms(AS_X, AS_Y, account(0), INBOX, payload.hash(), DEADLINE, Nonce.ZERO);
  }

  private static CrossAsStatus status(LedgerState state, CrossAsTxId id, CrossAsRole role) {
    return state.get(Section.CROSS_AS, new CrossAsKey(id, role)).orElseThrow().status();
  }

  private LedgerState swapLockedOnX(SwapTerms terms) {
    return Expect.applied(x0, SwapLock.sign(key(0), terms, bobSigns(terms)), onX);
  }

  @Test
  void swapLock_escrowsAliceAssetForBob() {
    SwapTerms terms = swap(3);
    SwapLock lock = SwapLock.sign(key(0), terms, bobSigns(terms));
    LedgerState x1 = swapLockedOnX(terms);
    assertEquals(Amount.of(993), x1.balance(account(0), GOLD));
    assertEquals(
        Optional.of(account(1)),
        x1.get(Section.ESCROWS, lock.crossTxId()).orElseThrow().beneficiary());
    assertEquals(CrossAsStatus.LOCKED, status(x1, lock.crossTxId(), CrossAsRole.SOURCE));
    assertEquals(List.of(), Audit.check(x1));
  }

  @Test
  void swapLock_ofTermsForAnotherSourceIsRejected() {
    SwapTerms terms = swap(3);
    SwapLock lock = SwapLock.sign(key(0), terms, bobSigns(terms));
    Expect.rejected(
        RejectionReason.TERMS_MISMATCH,
        y0,
        new SwapLock(AS_Y, terms, lock.counterpartySignature(), lock.signature()),
        onY);
  }

  @Test
  void swapLock_notSignedByAliceIsRejected() {
    SwapTerms terms = swap(3);
    SwapLock signedByBob = SwapLock.sign(key(1), terms, bobSigns(terms));
    Expect.rejected(RejectionReason.BAD_SIGNATURE, x0, signedByBob, onX);
  }

  @Test
  void swapId_bindsTermsAndBobSignature() {
    SwapTerms terms = swap(3);
    assertNotEquals(terms.id(bobSigns(terms)), swap(4).id(bobSigns(swap(4))));
    assertNotEquals(terms.id(bobSigns(terms)), terms.id(terms.signAsCounterparty(key(2))));
  }

  @Test
  void swapExecute_withBobSignedAndFunded_unlocksAndPaysAlice() {
    SwapExecute execute = execute(swap(3));
    LedgerState y1 = Expect.applied(y0, execute, onY);
    assertEquals(CrossAsStatus.UNLOCKED, status(y1, execute.crossTxId(), CrossAsRole.DESTINATION));
    assertEquals(Amount.of(497), y1.balance(account(1), SILVER));
    assertEquals(Amount.of(503), y1.balance(account(0), SILVER));
    assertEquals(List.of(), Audit.check(y1));
  }

  @Test
  void swapExecute_bobUnsigned_releasesWithBadSignature() {
    SwapTerms terms = swap(3);
    SwapExecute forged = new SwapExecute(AS_Y, terms, terms.signAsCounterparty(key(2)), CERT);
    Expect.released(RejectionReason.BAD_SIGNATURE, y0, forged, onY);
  }

  @Test
  void swapExecute_bobLacksFunds_releasesWithInsufficientFunds() {
    Expect.released(RejectionReason.INSUFFICIENT_FUNDS, y0, execute(swap(501)), onY);
  }

  @Test
  void swapExecute_afterTheDeadline_releasesAndAtItUnlocks() {
    Expect.released(RejectionReason.DEADLINE_PASSED, y0, execute(swap(3)), ctx(AS_Y, 1, 1_001));
    Expect.applied(y0, execute(swap(3)), ctx(AS_Y, 1, 1_000));
  }

  @Test
  void swapExecute_replayedTakesEffectOnce() {
    LedgerState y1 = Expect.applied(y0, execute(swap(3)), onY);
    Expect.rejected(RejectionReason.DUPLICATE_CROSS_AS_TX, y1, execute(swap(3)), onY);
    LedgerState released =
        Expect.released(RejectionReason.INSUFFICIENT_FUNDS, y0, execute(swap(501)), onY);
    Expect.rejected(RejectionReason.DUPLICATE_CROSS_AS_TX, released, execute(swap(501)), onY);
  }

  @Test
  void swapExecute_ofTermsForAnotherDestinationIsRejected() {
    SwapExecute onTheSource = new SwapExecute(AS_X, swap(3), bobSigns(swap(3)), CERT);
    Expect.rejected(RejectionReason.TERMS_MISMATCH, x0, onTheSource, onX);
  }

  @Test
  void swapFinalize_paysBobAndConservesEachAsset() {
    SwapTerms terms = swap(3);
    CrossAsTxId id = terms.id(bobSigns(terms));
    LedgerState x1 = swapLockedOnX(terms);
    Expect.rejected(
        RejectionReason.BENEFICIARY_MISMATCH,
        x1,
        new EscrowFinalize(AS_X, id, Optional.empty(), CERT),
        onX);
    Expect.rejected(
        RejectionReason.BENEFICIARY_MISMATCH,
        x1,
        new EscrowFinalize(AS_X, id, Optional.of(account(2)), CERT),
        onX);
    Expect.rejected(RejectionReason.WRONG_ESCROW_KIND, x1, new VoucherBurn(AS_X, id, CERT), onX);
    LedgerState x2 =
        Expect.applied(x1, new EscrowFinalize(AS_X, id, Optional.of(account(1)), CERT), onX);
    assertEquals(Amount.of(1007), x2.balance(account(1), GOLD));
    assertEquals(Amount.of(993), x2.balance(account(0), GOLD));
    assertEquals(CrossAsStatus.FINALIZED, status(x2, id, CrossAsRole.SOURCE));
    assertEquals(List.of(), Audit.check(x2));
  }

  @Test
  void swapRefund_returnsAliceAsset() {
    SwapTerms terms = swap(501);
    CrossAsTxId id = terms.id(bobSigns(terms));
    LedgerState x2 = Expect.applied(swapLockedOnX(terms), new EscrowRefund(AS_X, id, CERT), onX);
    assertEquals(Amount.of(1000), x2.balance(account(0), GOLD));
    assertEquals(Amount.of(1000), x2.balance(account(1), GOLD));
    assertEquals(CrossAsStatus.REFUNDED, status(x2, id, CrossAsRole.SOURCE));
    assertEquals(List.of(), Audit.check(x2));
  }

  @Test
  void messageSend_recordsAValueFreeLock() {
    MessageSend send = MessageSend.sign(key(0), message(PAYLOAD));
    LedgerState x1 = Expect.applied(x0, send, onX);
    assertEquals(CrossAsStatus.LOCKED, status(x1, send.crossTxId(), CrossAsRole.SOURCE));
    assertEquals(
        PAYLOAD.hash(), x1.get(Section.OUTBOX, send.crossTxId()).orElseThrow().payloadHash());
    assertEquals(x0.entries(Section.BALANCES), x1.entries(Section.BALANCES));
    assertEquals(List.of(), Audit.check(x1));
    Expect.rejected(RejectionReason.DUPLICATE_CROSS_AS_TX, x1, send, onX);
  }

  @Test
  void messageSend_settlesByKeepingOrRemovingTheRecord() {
    MessageSend send = MessageSend.sign(key(0), message(PAYLOAD));
    CrossAsTxId id = send.crossTxId();
    LedgerState x1 = Expect.applied(x0, send, onX);
    Expect.rejected(RejectionReason.WRONG_ESCROW_KIND, x1, new VoucherBurn(AS_X, id, CERT), onX);
    Expect.rejected(
        RejectionReason.BENEFICIARY_MISMATCH,
        x1,
        new EscrowFinalize(AS_X, id, Optional.of(account(1)), CERT),
        onX);
    LedgerState delivered =
        Expect.applied(x1, new EscrowFinalize(AS_X, id, Optional.empty(), CERT), onX);
    assertEquals(CrossAsStatus.FINALIZED, status(delivered, id, CrossAsRole.SOURCE));
    assertTrue(delivered.get(Section.OUTBOX, id).isPresent());
    assertEquals(List.of(), Audit.check(delivered));
    LedgerState released = Expect.applied(x1, new EscrowRefund(AS_X, id, CERT), onX);
    assertEquals(CrossAsStatus.REFUNDED, status(released, id, CrossAsRole.SOURCE));
    assertTrue(released.get(Section.OUTBOX, id).isEmpty());
    assertEquals(List.of(), Audit.check(released));
  }

  @Test
  void messageDelivery_appendsTheBoundPayloadOnce() {
    MessageDelivery delivery = new MessageDelivery(AS_Y, message(PAYLOAD), PAYLOAD, CERT);
    LedgerState y1 = Expect.applied(y0, delivery, onY);
    assertEquals(
        PAYLOAD, y1.get(Section.INBOX_MESSAGES, new InboxKey(INBOX, 0)).orElseThrow().payload());
    assertEquals(CrossAsStatus.UNLOCKED, status(y1, delivery.crossTxId(), CrossAsRole.DESTINATION));
    Expect.rejected(RejectionReason.DUPLICATE_CROSS_AS_TX, y1, delivery, onY);
    assertEquals(List.of(), Audit.check(y1));
  }

  @Test
  void messageDelivery_withPayloadHashMismatchIsRefused() {
    MessagePayload other = MessagePayload.of(new byte[] {4, 3});
    Expect.rejected(
        RejectionReason.PAYLOAD_MISMATCH,
        y0,
        new MessageDelivery(AS_Y, message(PAYLOAD), other, CERT),
        onY);
  }

  @Test
  void messageDelivery_afterTheDeadlineReleases() {
    Expect.released(
        RejectionReason.DEADLINE_PASSED,
        y0,
        new MessageDelivery(AS_Y, message(PAYLOAD), PAYLOAD, CERT),
        ctx(AS_Y, 1, 1_001));
  }

  @Test
  void messageDelivery_forAnotherDestinationIsRejected() {
    Expect.rejected(
        RejectionReason.TERMS_MISMATCH,
        x0,
        new MessageDelivery(AS_X, message(PAYLOAD), PAYLOAD, CERT),
        onX);
  }
}
