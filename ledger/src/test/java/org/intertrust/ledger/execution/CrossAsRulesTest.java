package org.intertrust.ledger.execution;

import static org.intertrust.ledger.testing.Fixtures.AS_X;
import static org.intertrust.ledger.testing.Fixtures.AS_Y;
import static org.intertrust.ledger.testing.Fixtures.CERT;
import static org.intertrust.ledger.testing.Fixtures.GOLD;
import static org.intertrust.ledger.testing.Fixtures.account;
import static org.intertrust.ledger.testing.Fixtures.crossId;
import static org.intertrust.ledger.testing.Fixtures.ctx;
import static org.intertrust.ledger.testing.Fixtures.key;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.intertrust.crypto.encoding.AsId;
import org.intertrust.ledger.state.Audit;
import org.intertrust.ledger.state.CrossAsKey;
import org.intertrust.ledger.state.CrossAsRole;
import org.intertrust.ledger.state.CrossAsStatus;
import org.intertrust.ledger.state.InboxKey;
import org.intertrust.ledger.state.LedgerState;
import org.intertrust.ledger.state.PoolKey;
import org.intertrust.ledger.state.Section;
import org.intertrust.ledger.testing.Fixtures;
import org.intertrust.ledger.tx.Decision;
import org.intertrust.ledger.tx.DecisionRecord;
import org.intertrust.ledger.tx.EscrowFinalize;
import org.intertrust.ledger.tx.EscrowLock;
import org.intertrust.ledger.tx.EscrowRefund;
import org.intertrust.ledger.tx.ExpireEntry;
import org.intertrust.ledger.tx.MessageDelivery;
import org.intertrust.ledger.tx.MessagePayload;
import org.intertrust.ledger.tx.MessageTerms;
import org.intertrust.ledger.tx.VoucherBurn;
import org.intertrust.ledger.tx.VoucherMint;
import org.intertrust.ledger.value.Amount;
import org.intertrust.ledger.value.AssetId;
import org.intertrust.ledger.value.CertificateBytes;
import org.intertrust.ledger.value.ConsensusTime;
import org.intertrust.ledger.value.CrossAsTxId;
import org.intertrust.ledger.value.InboxId;
import org.intertrust.ledger.value.Nonce;
import org.junit.jupiter.api.Test;

class CrossAsRulesTest {

  private static final ConsensusTime DEADLINE = ConsensusTime.ofMillis(1_000);
  private static final AssetId VOUCHER = AssetId.of("voucher/AS-1/GOLD");

  private final LedgerState x0 = Fixtures.genesisState(AS_X);
  private final LedgerState y0 = Fixtures.genesisState(AS_Y);
  private final ExecutionContext onX = ctx(AS_X, 1, 100);
  private final ExecutionContext onY = ctx(AS_Y, 1, 100);

  private static EscrowLock lock(
      AsId chain,
      int owner,
      CrossAsTxId id,
      AssetId asset,
      long amount,
      AsId destination,
      long nonce) {
    return EscrowLock.sign(
        key(owner),
        new EscrowLock.Terms(
            chain, id, asset, Amount.of(amount), destination, DEADLINE, new Nonce(nonce)));
  }

  private static VoucherMint mint(
      AsId chain, CrossAsTxId id, AsId source, AssetId asset, int to, long amount) {
    return new VoucherMint(
        chain, id, source, asset, account(to), Amount.of(amount), DEADLINE, CERT);
  }

  private LedgerState lockedOnX() {
    return Expect.applied(x0, lock(AS_X, 0, crossId(1), GOLD, 100, AS_Y, 0), onX);
  }

  private static CrossAsStatus status(LedgerState state, CrossAsTxId id, CrossAsRole role) {
    return state.get(Section.CROSS_AS, new CrossAsKey(id, role)).orElseThrow().status();
  }

  @Test
  void lock_escrowsFundsAndRecordsLocked() {
    LedgerState locked = lockedOnX();
    assertEquals(Amount.of(900), locked.balance(account(0), GOLD));
    assertEquals(Amount.of(100), locked.get(Section.ESCROWS, crossId(1)).orElseThrow().amount());
    assertEquals(CrossAsStatus.LOCKED, status(locked, crossId(1), CrossAsRole.SOURCE));
    assertEquals(List.of(), Audit.check(locked));
  }

  @Test
  void lock_withDuplicateCrossAsIdIsRejected() {
    Expect.rejected(
        RejectionReason.DUPLICATE_CROSS_AS_TX,
        lockedOnX(),
        lock(AS_X, 0, crossId(1), GOLD, 5, AS_Y, 1),
        onX);
  }

  @Test
  void lock_towardsOwnAsIsRejected() {
    Expect.rejected(RejectionReason.SAME_AS, x0, lock(AS_X, 0, crossId(1), GOLD, 5, AS_X, 0), onX);
  }

  @Test
  void lock_beyondBalanceIsRejected() {
    Expect.rejected(
        RejectionReason.INSUFFICIENT_FUNDS,
        x0,
        lock(AS_X, 0, crossId(1), GOLD, 5000, AS_Y, 0),
        onX);
  }

  @Test
  void finalize_movesEscrowIntoPoolForDestination() {
    LedgerState done =
        Expect.applied(
            lockedOnX(), new EscrowFinalize(AS_X, crossId(1), Optional.empty(), CERT), onX);
    assertEquals(Amount.of(100), done.get(Section.POOL, new PoolKey(GOLD, AS_Y)).orElseThrow());
    assertTrue(done.get(Section.ESCROWS, crossId(1)).isEmpty());
    assertEquals(CrossAsStatus.FINALIZED, status(done, crossId(1), CrossAsRole.SOURCE));
    assertEquals(List.of(), Audit.check(done));
  }

  @Test
  void finalize_ofTransferEscrowNamingABeneficiaryIsRejected() {
    Expect.rejected(
        RejectionReason.BENEFICIARY_MISMATCH,
        lockedOnX(),
        new EscrowFinalize(AS_X, crossId(1), Optional.of(account(3)), CERT),
        onX);
  }

  @Test
  void finalize_orRefundAfterSettlementIsRejected() {
    LedgerState done = Expect.applied(lockedOnX(), new EscrowRefund(AS_X, crossId(1), CERT), onX);
    Expect.rejected(
        RejectionReason.ALREADY_SETTLED,
        done,
        new EscrowFinalize(AS_X, crossId(1), Optional.empty(), CERT),
        onX);
    Expect.rejected(
        RejectionReason.ALREADY_SETTLED, done, new EscrowRefund(AS_X, crossId(1), CERT), onX);
  }

  @Test
  void finalize_ofUnknownIdIsRejected() {
    Expect.rejected(
        RejectionReason.UNKNOWN_CROSS_AS_TX,
        x0,
        new EscrowFinalize(AS_X, crossId(9), Optional.empty(), CERT),
        onX);
  }

  @Test
  void refund_returnsEscrowToOwner() {
    LedgerState done = Expect.applied(lockedOnX(), new EscrowRefund(AS_X, crossId(1), CERT), onX);
    assertEquals(Amount.of(1000), done.balance(account(0), GOLD));
    assertEquals(CrossAsStatus.REFUNDED, status(done, crossId(1), CrossAsRole.SOURCE));
    assertEquals(List.of(), Audit.check(done));
  }

  @Test
  void voucherBurn_ofNativeEscrowIsRejected() {
    Expect.rejected(
        RejectionReason.WRONG_ESCROW_KIND,
        lockedOnX(),
        new VoucherBurn(AS_X, crossId(1), CERT),
        onX);
  }

  @Test
  void mint_createsTracedVoucherOnDestination() {
    LedgerState y1 = Expect.applied(y0, mint(AS_Y, crossId(1), AS_X, GOLD, 2, 100), onY);
    assertEquals(Amount.of(100), y1.balance(account(2), VOUCHER));
    assertEquals(Amount.of(100), y1.get(Section.VOUCHERS, VOUCHER).orElseThrow());
    assertEquals(CrossAsStatus.UNLOCKED, status(y1, crossId(1), CrossAsRole.DESTINATION));
    assertEquals(List.of(), Audit.check(y1));
  }

  @Test
  void mint_twiceForOneIdIsRejectedAsDuplicate() {
    LedgerState y1 = Expect.applied(y0, mint(AS_Y, crossId(1), AS_X, GOLD, 2, 100), onY);
    Expect.rejected(
        RejectionReason.DUPLICATE_CROSS_AS_TX, y1, mint(AS_Y, crossId(1), AS_X, GOLD, 2, 100), onY);
  }

  @Test
  void mint_atTheDeadlineUnlocksAndAfterItReleases() {
    LedgerState y1 =
        Expect.applied(y0, mint(AS_Y, crossId(1), AS_X, GOLD, 2, 1), ctx(AS_Y, 1, 1_000));
    assertEquals(CrossAsStatus.UNLOCKED, status(y1, crossId(1), CrossAsRole.DESTINATION));
    Expect.released(
        RejectionReason.DEADLINE_PASSED,
        y0,
        mint(AS_Y, crossId(1), AS_X, GOLD, 2, 1),
        ctx(AS_Y, 1, 1_001));
  }

  @Test
  void mint_releasesOnOverflowOfVouchersOutstanding() {
    LedgerState y1 = Expect.applied(y0, mint(AS_Y, crossId(1), AS_X, GOLD, 2, Long.MAX_VALUE), onY);
    Expect.released(
        RejectionReason.AMOUNT_OVERFLOW, y1, mint(AS_Y, crossId(2), AS_X, GOLD, 3, 1), onY);
  }

  @Test
  void voucherReturningHome_isBurnedAtHolderAndReleasedFromPoolAtOrigin() {
    LedgerState x1 =
        Expect.applied(
            lockedOnX(), new EscrowFinalize(AS_X, crossId(1), Optional.empty(), CERT), onX);
    LedgerState y1 = Expect.applied(y0, mint(AS_Y, crossId(1), AS_X, GOLD, 2, 100), onY);
    LedgerState y2 = Expect.applied(y1, lock(AS_Y, 2, crossId(2), VOUCHER, 40, AS_X, 0), onY);
    Expect.rejected(
        RejectionReason.WRONG_ESCROW_KIND,
        y2,
        new EscrowFinalize(AS_Y, crossId(2), Optional.empty(), CERT),
        onY);
    LedgerState y3 = Expect.applied(y2, new VoucherBurn(AS_Y, crossId(2), CERT), onY);
    LedgerState x2 = Expect.applied(x1, mint(AS_X, crossId(2), AS_Y, VOUCHER, 3, 40), onX);
    assertEquals(Amount.of(60), y3.get(Section.VOUCHERS, VOUCHER).orElseThrow());
    assertEquals(Amount.of(60), x2.get(Section.POOL, new PoolKey(GOLD, AS_Y)).orElseThrow());
    assertEquals(Amount.of(1040), x2.balance(account(3), GOLD));
    assertEquals(List.of(), Audit.check(y3));
    assertEquals(List.of(), Audit.check(x2));
  }

  @Test
  void voucherReturningHome_beyondPoolIsReleased() {
    Expect.released(
        RejectionReason.INSUFFICIENT_POOL, x0, mint(AS_X, crossId(2), AS_Y, VOUCHER, 3, 1), onX);
  }

  @Test
  void decision_releaseIsRecordedOnceWithReason() {
    DecisionRecord release =
        new DecisionRecord(AS_Y, crossId(1), AS_X, Decision.RELEASE, "bad op", DEADLINE, CERT);
    LedgerState y1 = Expect.applied(y0, release, onY);
    assertEquals(
        "bad op",
        y1.get(Section.CROSS_AS, new CrossAsKey(crossId(1), CrossAsRole.DESTINATION))
            .orElseThrow()
            .reason());
    Expect.rejected(
        RejectionReason.DUPLICATE_CROSS_AS_TX, y1, mint(AS_Y, crossId(1), AS_X, GOLD, 2, 1), onY);
  }

  @Test
  void decision_unlockAfterDeadlineIsRejected() {
    DecisionRecord unlock =
        new DecisionRecord(AS_Y, crossId(1), AS_X, Decision.UNLOCK, "", DEADLINE, CERT);
    Expect.rejected(RejectionReason.DEADLINE_PASSED, y0, unlock, ctx(AS_Y, 1, 1_001));
  }

  @Test
  void expire_beforeDeadlineIsRejectedAndAfterItReleases() {
    ExpireEntry expire = new ExpireEntry(AS_Y, crossId(1), AS_X, DEADLINE, CertificateBytes.EMPTY);
    Expect.rejected(RejectionReason.DEADLINE_NOT_REACHED, y0, expire, ctx(AS_Y, 1, 1_000));
    LedgerState y1 = Expect.applied(y0, expire, ctx(AS_Y, 1, 1_001));
    assertEquals(CrossAsStatus.RELEASED, status(y1, crossId(1), CrossAsRole.DESTINATION));
  }

  @Test
  void expire_afterExecutionIsRejectedAndTheUnlockStands() {
    LedgerState y1 = Expect.applied(y0, mint(AS_Y, crossId(1), AS_X, GOLD, 2, 5), onY);
    ExpireEntry expire = new ExpireEntry(AS_Y, crossId(1), AS_X, DEADLINE, CertificateBytes.EMPTY);
    Expect.rejected(RejectionReason.DUPLICATE_CROSS_AS_TX, y1, expire, ctx(AS_Y, 2, 5_000));
  }

  @Test
  void message_isAppendedToInboxOnce() {
    InboxId inbox = new InboxId("app");
    MessagePayload payload = MessagePayload.of(new byte[] {42});
    MessageTerms terms =
        new MessageTerms(AS_X, AS_Y, account(0), inbox, payload.hash(), DEADLINE, Nonce.ZERO);
    MessageDelivery message = new MessageDelivery(AS_Y, terms, payload, CERT);
    LedgerState y1 = Expect.applied(y0, message, onY);
    assertEquals(1L, y1.get(Section.INBOX_SIZES, inbox).orElseThrow());
    assertEquals(
        MessagePayload.of(new byte[] {42}),
        y1.get(Section.INBOX_MESSAGES, new InboxKey(inbox, 0)).orElseThrow().payload());
    Expect.rejected(RejectionReason.DUPLICATE_CROSS_AS_TX, y1, message, onY);
    assertEquals(List.of(), Audit.check(y1));
  }
}
