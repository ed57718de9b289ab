package org.intertrust.sim.crossas;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.intertrust.crypto.encoding.AsId;
import org.intertrust.crypto.identity.IdentityKeyPair;
import org.intertrust.gateway.protocol.replica.TransferTerms;
import org.intertrust.ledger.block.BlockExecutor;
import org.intertrust.ledger.block.ExecutedBlock;
import org.intertrust.ledger.execution.RejectionReason;
import org.intertrust.ledger.state.LedgerState;
import org.intertrust.ledger.tx.EscrowFinalize;
import org.intertrust.ledger.tx.EscrowLock;
import org.intertrust.ledger.tx.GenesisAllocation;
import org.intertrust.ledger.tx.MessagePayload;
import org.intertrust.ledger.tx.MessageSend;
import org.intertrust.ledger.tx.MessageTerms;
import org.intertrust.ledger.tx.SwapExecute;
import org.intertrust.ledger.tx.SwapTerms;
import org.intertrust.ledger.tx.Transaction;
import org.intertrust.ledger.tx.VoucherMint;
import org.intertrust.ledger.value.AccountId;
import org.intertrust.ledger.value.Amount;
import org.intertrust.ledger.value.AssetId;
import org.intertrust.ledger.value.CertificateBytes;
import org.intertrust.ledger.value.ConsensusTime;
import org.intertrust.ledger.value.InboxId;
import org.intertrust.ledger.value.Nonce;
import org.intertrust.sim.Violation;
import org.junit.jupiter.api.Test;

/**
 * The cross-AS invariants catch what the ledgers alone allow: a finalize or a mint whose
 * certificate bytes prove nothing (the ledger treats them as opaque).
 */
class CrossAsObserverTest {
  private static final AsId X = new AsId(1);
  private static final AsId Y = new AsId(2);
  private static final AssetId COIN = AssetId.of("COIN");

  private final IdentityKeyPair owner = IdentityKeyPair.generate(new SeededSecureRandom(3));
  private final IdentityKeyPair enclave = IdentityKeyPair.generate(new SeededSecureRandom(4));
  private final CrossAsObserver observer =
      new CrossAsObserver(
          X,
          Y,
          Set.of(0),
          Set.of(0),
          List.of(enclave.publicKey()),
          List.of(enclave.publicKey()),
          COIN);
  private final TransferTerms terms =
      new TransferTerms(
          X,
          Y,
          AccountId.of(owner.publicKey()),
          COIN,
          Amount.of(100),
          ConsensusTime.ofMillis(10_000),
          Nonce.ZERO);

  private static ExecutedBlock next(ExecutedBlock parent, AsId as, long time, Transaction tx) {
    return BlockExecutor.propose(
        Optional.of(parent.block().header()),
        parent.state(),
        as,
        0,
        ConsensusTime.ofMillis(time),
        List.of(tx));
  }

  private ExecutedBlock genesis(AsId as) {
    return BlockExecutor.propose(
        Optional.empty(),
        LedgerState.EMPTY,
        as,
        0,
        ConsensusTime.ofMillis(1),
        List.of(
            new GenesisAllocation(
                as,
                List.of(
                    new GenesisAllocation.Allocation(
                        AccountId.of(owner.publicKey()), COIN, Amount.of(1_000))))));
  }

  private static boolean has(List<Violation> violations, String invariant) {
    return violations.stream().anyMatch(v -> v.invariant().equals(invariant));
  }

  @Test
  void finalizeWithoutADecisionOnY_breaksAtomicityAndProvenance() {
    ExecutedBlock locked =
        next(
            genesis(X),
            X,
            2,
            EscrowLock.sign(
                owner,
                new EscrowLock.Terms(
                    X, terms.id(), COIN, Amount.of(100), Y, terms.deadline(), Nonce.ZERO)));
    observer.executedOnX(0, locked, 2);
    assertTrue(observer.violations().isEmpty(), observer.violations().toString());
    ExecutedBlock finalized =
        next(
            locked,
            X,
            3,
            new EscrowFinalize(
                X, terms.id(), Optional.empty(), CertificateBytes.of(new byte[] {1})));
    assertTrue(finalized.receipts().get(0).isApplied(), "the ledger alone accepts it");
    observer.executedOnX(0, finalized, 3);
    assertTrue(has(observer.violations(), "atomicity"), observer.violations().toString());
    assertTrue(has(observer.violations(), "provenance"), observer.violations().toString());
  }

  @Test
  void mintWithoutALockOnX_breaksConservationAndProvenance() {
    observer.executedOnX(0, genesis(X), 1);
    ExecutedBlock minted =
        next(
            genesis(Y),
            Y,
            2,
            new VoucherMint(
                Y,
                terms.id(),
                X,
                COIN,
                AccountId.of(owner.publicKey()),
                Amount.of(100),
                terms.deadline(),
                CertificateBytes.EMPTY));
    assertTrue(minted.receipts().get(0).isApplied(), "the ledger alone accepts it");
    observer.executedOnY(0, minted);
    assertTrue(has(observer.violations(), "conservation"), observer.violations().toString());
    assertTrue(has(observer.violations(), "provenance"), observer.violations().toString());
  }

  @Test
  void swapExecutedThoughBobCouldNotPay_breaksTheDecisionRule() {
    SwapTerms swap =
        new SwapTerms(
            X,
            Y,
            AccountId.of(owner.publicKey()),
            COIN,
            Amount.of(5),
            AccountId.of(owner.publicKey()),
            COIN,
            Amount.of(10),
            ConsensusTime.ofMillis(10_000),
            Nonce.ZERO);
    SwapExecute execute =
        new SwapExecute(Y, swap, swap.signAsCounterparty(owner), CertificateBytes.EMPTY);
    observer.submitted(
        execute.crossTxId(),
        1,
        CrossAsScenario.Kind.SWAP,
        Optional.of(RejectionReason.INSUFFICIENT_FUNDS));
    ExecutedBlock executed = next(genesis(Y), Y, 2, execute);
    assertTrue(executed.receipts().get(0).isApplied());
    observer.executedOnY(0, executed);
    assertTrue(has(observer.violations(), "decision-rule"), observer.violations().toString());
  }

  @Test
  void messageSentOnXButNotDeliveredOnY_breaksAtomicityAtTheEnd() {
    MessagePayload payload = MessagePayload.of(new byte[] {1});
    MessageTerms message =
        new MessageTerms(
            X,
            Y,
            AccountId.of(owner.publicKey()),
            new InboxId("app"),
            payload.hash(),
            ConsensusTime.ofMillis(10_000),
            Nonce.ZERO);
    MessageSend send = MessageSend.sign(owner, message);
    observer.submitted(send.crossTxId(), 1, CrossAsScenario.Kind.MESSAGE, Optional.empty());
    ExecutedBlock sent = next(genesis(X), X, 2, send);
    ExecutedBlock kept =
        next(
            sent,
            X,
            3,
            new EscrowFinalize(X, send.crossTxId(), Optional.empty(), CertificateBytes.EMPTY));
    assertTrue(kept.receipts().get(0).isApplied(), "the ledger alone accepts it");
    observer.executedOnX(0, sent, 2);
    observer.executedOnX(0, kept, 3);
    observer.executedOnY(0, genesis(Y));
    assertTrue(
        observer.terminationViolations().stream()
            .anyMatch(v -> v.invariant().equals("atomicity") && v.detail().contains("message")),
        observer.terminationViolations().toString());
  }
}
