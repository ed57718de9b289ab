package org.intertrust.ledger.state;

import static org.intertrust.ledger.testing.Fixtures.AS_X;
import static org.intertrust.ledger.testing.Fixtures.AS_Y;
import static org.intertrust.ledger.testing.Fixtures.GOLD;
import static org.intertrust.ledger.testing.Fixtures.account;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.intertrust.ledger.state.AuditViolation.Kind;
import org.intertrust.ledger.testing.Fixtures;
import org.intertrust.ledger.value.Amount;
import org.intertrust.ledger.value.AssetId;
import org.intertrust.ledger.value.ConsensusTime;
import org.intertrust.ledger.value.InboxId;
import org.junit.jupiter.api.Test;

/** The audit must catch each kind of inconsistency, or its silence in other tests means nothing. */
class AuditTest {

  private final LedgerState genesis = Fixtures.genesisState(AS_X);

  private static List<Kind> kinds(LedgerState state) {
    return Audit.check(state).stream().map(AuditViolation::kind).toList();
  }

  @Test
  void check_ofGenesisFindsNothing() {
    assertEquals(List.of(), Audit.check(genesis));
  }

  @Test
  void check_findsMoneyCreatedOutOfNothing() {
    MutableState state = genesis.toMutable();
    state.put(Section.BALANCES, new BalanceKey(account(0), GOLD), Amount.of(1001));
    assertEquals(List.of(Kind.SUPPLY_NOT_CONSERVED), kinds(state.freeze()));
  }

  @Test
  void check_findsBalanceOfAssetNeverIssued() {
    MutableState state = genesis.toMutable();
    state.put(Section.BALANCES, new BalanceKey(account(0), AssetId.of("FAKE")), Amount.of(1));
    assertEquals(List.of(Kind.UNKNOWN_ASSET), kinds(state.freeze()));
  }

  @Test
  void check_findsEscrowWithoutLockRecord() {
    MutableState state = genesis.toMutable();
    state.put(Section.BALANCES, new BalanceKey(account(0), GOLD), Amount.of(990));
    state.put(
        Section.ESCROWS,
        Fixtures.crossId(1),
        new Escrow(account(0), GOLD, Amount.of(10), AS_Y, ConsensusTime.ofMillis(5)));
    assertEquals(List.of(Kind.ESCROW_RECORD_MISMATCH), kinds(state.freeze()));
  }

  private static CrossAsRecord source(CrossAsStatus status) {
    return new CrossAsRecord(
        status,
        AS_Y,
        "",
        new org.intertrust.ledger.value.TxId(Fixtures.crossId(9).hash()),
        org.intertrust.ledger.value.Height.of(1));
  }

  private static OutboundMessage outbound() {
    return new OutboundMessage(account(0), AS_Y, new InboxId("app"), Fixtures.crossId(8).hash());
  }

  @Test
  void check_findsOutboundMessageWithoutLockOrAfterRefund() {
    MutableState orphanState = genesis.toMutable();
    orphanState.put(Section.OUTBOX, Fixtures.crossId(1), outbound());
    LedgerState orphan = orphanState.freeze();
    assertEquals(List.of(Kind.ESCROW_RECORD_MISMATCH), kinds(orphan));
    MutableState refunded = orphan.toMutable();
    refunded.put(
        Section.CROSS_AS,
        new CrossAsKey(Fixtures.crossId(1), CrossAsRole.SOURCE),
        source(CrossAsStatus.REFUNDED));
    assertEquals(List.of(Kind.ESCROW_RECORD_MISMATCH), kinds(refunded.freeze()));
    MutableState delivered = orphan.toMutable();
    delivered.put(
        Section.CROSS_AS,
        new CrossAsKey(Fixtures.crossId(1), CrossAsRole.SOURCE),
        source(CrossAsStatus.FINALIZED));
    assertEquals(List.of(), kinds(delivered.freeze()));
  }

  @Test
  void check_findsLockHoldingNothingOrBoth() {
    MutableState nothingState = genesis.toMutable();
    CrossAsKey key = new CrossAsKey(Fixtures.crossId(1), CrossAsRole.SOURCE);
    nothingState.put(Section.CROSS_AS, key, source(CrossAsStatus.LOCKED));
    LedgerState nothing = nothingState.freeze();
    assertEquals(List.of(Kind.ESCROW_RECORD_MISMATCH), kinds(nothing));
    MutableState both = nothing.toMutable();
    both.put(Section.OUTBOX, Fixtures.crossId(1), outbound());
    both.put(Section.BALANCES, new BalanceKey(account(0), GOLD), Amount.of(990));
    both.put(
        Section.ESCROWS,
        Fixtures.crossId(1),
        new Escrow(account(0), GOLD, Amount.of(10), AS_Y, ConsensusTime.ofMillis(5)));
    assertEquals(List.of(Kind.ESCROW_RECORD_MISMATCH), kinds(both.freeze()));
  }

  @Test
  void check_findsStoredZeroAmount() {
    MutableState state = genesis.toMutable();
    state.put(Section.POOL, new PoolKey(GOLD, AS_Y), Amount.ZERO);
    assertEquals(List.of(Kind.ZERO_ENTRY), kinds(state.freeze()));
  }

  @Test
  void check_findsInboxSizeWithoutMessages() {
    MutableState state = genesis.toMutable();
    state.put(Section.INBOX_SIZES, new InboxId("app"), 1L);
    assertEquals(List.of(Kind.INBOX_SIZE_MISMATCH), kinds(state.freeze()));
  }
}
