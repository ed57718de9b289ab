package org.intertrust.ledger.execution;

import static org.intertrust.ledger.testing.Fixtures.AS_X;
import static org.intertrust.ledger.testing.Fixtures.AS_Y;
import static org.intertrust.ledger.testing.Fixtures.GOLD;
import static org.intertrust.ledger.testing.Fixtures.account;
import static org.intertrust.ledger.testing.Fixtures.ctx;
import static org.intertrust.ledger.testing.Fixtures.key;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.intertrust.ledger.state.Audit;
import org.intertrust.ledger.state.BalanceKey;
import org.intertrust.ledger.state.LedgerState;
import org.intertrust.ledger.state.MutableState;
import org.intertrust.ledger.state.Section;
import org.intertrust.ledger.testing.Fixtures;
import org.intertrust.ledger.tx.GenesisAllocation;
import org.intertrust.ledger.tx.Transfer;
import org.intertrust.ledger.value.AccountId;
import org.intertrust.ledger.value.Amount;
import org.intertrust.ledger.value.AssetId;
import org.intertrust.ledger.value.Nonce;
import org.junit.jupiter.api.Test;

class LocalRulesTest {

  private final LedgerState genesis = Fixtures.genesisState(AS_X);
  private final ExecutionContext ctx = ctx(AS_X, 1, 100);

  private static Transfer transfer(int from, int to, AssetId asset, long amount, long nonce) {
    return Transfer.sign(key(from), AS_X, account(to), asset, Amount.of(amount), new Nonce(nonce));
  }

  @Test
  void genesis_creditsAccountsAndRecordsSupply() {
    assertEquals(Amount.of(1000), genesis.balance(account(3), GOLD));
    assertEquals(Amount.of(4000), genesis.get(Section.SUPPLY, GOLD).orElseThrow());
    assertEquals(List.of(), Audit.check(genesis));
  }

  @Test
  void genesis_isRejectedAfterHeightZero() {
    Expect.rejected(RejectionReason.GENESIS_ONLY, genesis, Fixtures.genesis(AS_X), ctx(AS_X, 1, 1));
  }

  @Test
  void genesis_cannotCreateVouchers() {
    GenesisAllocation voucher =
        new GenesisAllocation(
            AS_X,
            List.of(
                new GenesisAllocation.Allocation(
                    account(0), AssetId.of("voucher/AS-2/GOLD"), Amount.of(1))));
    Expect.rejected(
        RejectionReason.VOUCHER_IN_GENESIS, LedgerState.EMPTY, voucher, ctx(AS_X, 0, 0));
  }

  @Test
  void genesis_rejectsSupplyOverflowWithNothingApplied() {
    GenesisAllocation huge =
        new GenesisAllocation(
            AS_X,
            List.of(
                new GenesisAllocation.Allocation(account(0), GOLD, Amount.of(Long.MAX_VALUE)),
                new GenesisAllocation.Allocation(account(1), GOLD, Amount.of(1))));
    Expect.rejected(RejectionReason.AMOUNT_OVERFLOW, LedgerState.EMPTY, huge, ctx(AS_X, 0, 0));
  }

  @Test
  void transfer_movesFundsAndAdvancesNonce() {
    LedgerState after = Expect.applied(genesis, transfer(0, 1, GOLD, 300, 0), ctx);
    assertEquals(Amount.of(700), after.balance(account(0), GOLD));
    assertEquals(Amount.of(1300), after.balance(account(1), GOLD));
    assertEquals(new Nonce(1), after.nonce(account(0)));
    assertEquals(List.of(), Audit.check(after));
  }

  @Test
  void transfer_toSelfLeavesBalanceUnchanged() {
    LedgerState after = Expect.applied(genesis, transfer(0, 0, GOLD, 1000, 0), ctx);
    assertEquals(Amount.of(1000), after.balance(account(0), GOLD));
  }

  @Test
  void transfer_ofWholeBalanceRemovesTheEntry() {
    LedgerState after = Expect.applied(genesis, transfer(0, 1, GOLD, 1000, 0), ctx);
    assertTrue(after.get(Section.BALANCES, new BalanceKey(account(0), GOLD)).isEmpty());
  }

  @Test
  void transfer_creditOverflowIsRejectedWithNothingChanged() {
    MutableState crafted = LedgerState.EMPTY.toMutable();
    crafted.put(Section.SUPPLY, GOLD, Amount.of(Long.MAX_VALUE));
    crafted.put(Section.BALANCES, new BalanceKey(account(1), GOLD), Amount.of(Long.MAX_VALUE - 1));
    crafted.put(Section.BALANCES, new BalanceKey(account(0), GOLD), Amount.of(2));
    Expect.rejected(
        RejectionReason.AMOUNT_OVERFLOW, crafted.freeze(), transfer(0, 1, GOLD, 2, 0), ctx);
  }

  @Test
  void transfer_replayedIsRejectedForItsNonce() {
    Transfer once = transfer(0, 1, GOLD, 1, 0);
    LedgerState after = Expect.applied(genesis, once, ctx);
    Expect.rejected(RejectionReason.BAD_NONCE, after, once, ctx);
  }

  @Test
  void transfer_withFutureNonceIsRejected() {
    Expect.rejected(RejectionReason.BAD_NONCE, genesis, transfer(0, 1, GOLD, 1, 1), ctx);
  }

  @Test
  void transfer_overdraftIsRejectedWithNothingChanged() {
    Expect.rejected(
        RejectionReason.INSUFFICIENT_FUNDS, genesis, transfer(0, 1, GOLD, 1001, 0), ctx);
  }

  @Test
  void transfer_ofUnknownAssetIsRejected() {
    Expect.rejected(
        RejectionReason.UNKNOWN_ASSET, genesis, transfer(0, 1, AssetId.of("PLATINUM"), 1, 0), ctx);
  }

  @Test
  void transfer_ofZeroIsRejected() {
    Expect.rejected(RejectionReason.ZERO_AMOUNT, genesis, transfer(0, 1, GOLD, 0, 0), ctx);
  }

  @Test
  void transfer_withTamperedSignatureIsRejected() {
    Transfer good = transfer(0, 1, GOLD, 5, 0);
    Transfer forged = good.withSignature(transfer(2, 1, GOLD, 5, 0).signature());
    Expect.rejected(RejectionReason.BAD_SIGNATURE, genesis, forged, ctx);
  }

  @Test
  void transfer_forAnotherChainIsRejected() {
    Expect.rejected(
        RejectionReason.WRONG_CHAIN, genesis, transfer(0, 1, GOLD, 5, 0), ctx(AS_Y, 1, 1));
  }

  @Test
  void transfer_toInvalidKeyIsRejected() {
    byte[] smallOrder = new byte[32];
    smallOrder[0] = 1;
    Transfer toNowhere =
        Transfer.sign(
            key(0), AS_X, AccountId.fromBytes(smallOrder), GOLD, Amount.of(5), Nonce.ZERO);
    Expect.rejected(RejectionReason.INVALID_RECIPIENT, genesis, toNowhere, ctx);
  }
}
