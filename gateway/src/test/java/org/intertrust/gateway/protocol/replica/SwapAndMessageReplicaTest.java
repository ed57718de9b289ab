package org.intertrust.gateway.protocol.replica;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.intertrust.crypto.bls.ShareIndex;
import org.intertrust.crypto.bls.ThresholdCombiner;
import org.intertrust.crypto.dealing.DealingContext;
import org.intertrust.crypto.dealing.DealingRecord;
import org.intertrust.crypto.encoding.AsId;
import org.intertrust.crypto.identity.IdentityKeyPair;
import org.intertrust.gateway.Fixtures;
import org.intertrust.gateway.Fixtures.SeededRandom;
import org.intertrust.gateway.Fixtures.TestAs;
import org.intertrust.gateway.enclave.GatewayEnclave;
import org.intertrust.gateway.protocol.certificate.CrossAsCertificate;
import org.intertrust.gateway.protocol.certificate.CrossAsStatement;
import org.intertrust.gateway.protocol.certificate.TransactionProof;
import org.intertrust.gateway.protocol.collect.CollectOutcome;
import org.intertrust.gateway.protocol.collect.ShareCollector;
import org.intertrust.gateway.protocol.core.GatewayMessage.ShareSubmission;
import org.intertrust.gateway.protocol.dealing.DealingReference;
import org.intertrust.gateway.tee.Measurement;
import org.intertrust.gateway.tee.SoftwarePlatform;
import org.intertrust.ledger.block.BlockExecutor;
import org.intertrust.ledger.block.ExecutedBlock;
import org.intertrust.ledger.execution.RejectionReason;
import org.intertrust.ledger.state.LedgerState;
import org.intertrust.ledger.tx.CrossAsTransaction;
import org.intertrust.ledger.tx.Decision;
import org.intertrust.ledger.tx.EscrowFinalize;
import org.intertrust.ledger.tx.EscrowRefund;
import org.intertrust.ledger.tx.GenesisAllocation;
import org.intertrust.ledger.tx.MessageDelivery;
import org.intertrust.ledger.tx.MessagePayload;
import org.intertrust.ledger.tx.MessageSend;
import org.intertrust.ledger.tx.MessageTerms;
import org.intertrust.ledger.tx.SwapExecute;
import org.intertrust.ledger.tx.SwapLock;
import org.intertrust.ledger.tx.SwapTerms;
import org.intertrust.ledger.tx.Transaction;
import org.intertrust.ledger.value.AccountId;
import org.intertrust.ledger.value.Amount;
import org.intertrust.ledger.value.AssetId;
import org.intertrust.ledger.value.CertificateBytes;
import org.intertrust.ledger.value.ConsensusTime;
import org.intertrust.ledger.value.InboxId;
import org.intertrust.ledger.value.Nonce;
import org.junit.jupiter.api.Test;

/**
 * The replica side of a SWAP and a MESSAGE (ADR 0008), without consensus: X's replicas sign LOCKED
 * for a swap escrow and a sent message; Y's replicas accept the destination transaction only on
 * that certificate and with the terms it binds, decide, and sign the decision with its typed
 * reason, which in turn backs only the matching settlement on X.
 */
class SwapAndMessageReplicaTest {
  private static final AssetId COIN = AssetId.of("COIN");
  private static final AssetId GOLD = AssetId.of("GOLD");
  private static final ConsensusTime DEADLINE = ConsensusTime.ofMillis(10_000);

  private final TestAs asX = Fixtures.smallAs(1, 11);
  private final TestAs asY = Fixtures.smallAs(2, 22);
  private final GatewayEnclave enclaveX = enclave(1);
  private final GatewayEnclave enclaveY = enclave(2);
  private final IdentityKeyPair alice = IdentityKeyPair.generate(new SeededRandom(98));
  private final IdentityKeyPair bob = IdentityKeyPair.generate(new SeededRandom(99));
  private final Provenance onY =
      new Provenance(asY.as(), List.of(enclaveY.publicKeys().identity()));
  private final Provenance onX =
      new Provenance(asX.as(), List.of(enclaveX.publicKeys().identity()));
  private int dealings;

  private static GatewayEnclave enclave(long seed) {
    return GatewayEnclave.create(
        SoftwarePlatform.init(new SeededRandom(seed))
            .launch(Measurement.ofRelease("gw"), () -> 0L, new SeededRandom(seed + 100)),
        new SeededRandom(seed + 200));
  }

  private static AccountId account(IdentityKeyPair key) {
    return AccountId.of(key.publicKey());
  }

  private SwapTerms swap(long gold) {
    return new SwapTerms(
        asX.as(),
        asY.as(),
        account(alice),
        COIN,
        Amount.of(100),
        account(bob),
        GOLD,
        Amount.of(gold),
        DEADLINE,
        Nonce.ZERO);
  }

  /** Executes {@code tx} in block 1 of {@code as}, where Alice has 1000 COIN and Bob 50 GOLD. */
  private static ExecutedBlock execute(AsId as, Transaction tx, AccountId alice, AccountId bob) {
    GenesisAllocation genesis =
        new GenesisAllocation(
            as,
            List.of(
                new GenesisAllocation.Allocation(alice, COIN, Amount.of(1_000)),
                new GenesisAllocation.Allocation(bob, GOLD, Amount.of(50))));
    ExecutedBlock root =
        BlockExecutor.propose(
            Optional.empty(),
            LedgerState.EMPTY,
            as,
            0,
            ConsensusTime.ofMillis(1),
            List.of(genesis));
    return BlockExecutor.propose(
        Optional.of(root.block().header()),
        root.state(),
        as,
        1,
        ConsensusTime.ofMillis(2),
        List.of(tx));
  }

  private ExecutedBlock execute(AsId as, Transaction tx) {
    return execute(as, tx, account(alice), account(bob));
  }

  /** The certificate the replicas of {@code signers} make on what {@code block} executed. */
  private Certified certify(
      TestAs signers, GatewayEnclave dealer, TestAs dealerAs, ExecutedBlock block)
      throws Exception {
    DealingRecord dealing =
        dealer.deal(
            new DealingContext(
                DealingContext.Mode.PER_TRANSACTION,
                dealerAs.as(),
                signers.as(),
                new byte[] {(byte) ++dealings}),
            signers.configuration().threshold(),
            signers.configuration().holders());
    List<ShareSubmission> shares = new ArrayList<>();
    CrossAsTransaction tx = (CrossAsTransaction) block.block().transactions().get(0);
    for (int i = 0; i < signers.configuration().size(); i++) {
      CrossAsReplica replica =
          new CrossAsReplica(
              signers.as(),
              ShareIndex.of(i + 1),
              signers.identities().get(i),
              signers.agreements().get(i),
              List.of(dealer.publicKeys().identity()),
              16);
      replica.onDealing(tx.crossTxId(), dealing);
      shares.addAll(replica.onExecuted(block).shares());
    }
    assertEquals(signers.configuration().size(), shares.size());
    ShareCollector collector =
        new ShareCollector(
            signers.configuration(),
            shares.get(0).statement(),
            dealing.publicKey(),
            DealingReference.of(dealing),
            new ThresholdCombiner(new SplittableRandom(5)));
    for (ShareSubmission share : shares) {
      CollectOutcome outcome = collector.offer(share.share());
      if (outcome instanceof CollectOutcome.Certified certified) {
        return new Certified(certified.certificate(), dealing);
      }
    }
    throw new AssertionError("shares did not certify");
  }

  private record Certified(CrossAsCertificate certificate, DealingRecord dealing) {
    CertificateBytes bundle() {
      return new ProvenanceBundle(
              new TransactionProof.Direct(certificate), dealing, Optional.empty())
          .toCertificateBytes();
    }

    CrossAsStatement.TransactionStatement statement() {
      return (CrossAsStatement.TransactionStatement) certificate.statement();
    }
  }

  @Test
  void swap_lockedOnX_executedOnY_unlockBacksOnlyThePaymentToBob() throws Exception {
    SwapTerms terms = swap(20);
    SwapLock lock = SwapLock.sign(alice, terms, terms.signAsCounterparty(bob));
    Certified locked = certify(asX, enclaveY, asY, execute(asX.as(), lock));
    assertEquals(
        new CrossAsStatement.Lock(asX.as(), asY.as(), lock.crossTxId(), DEADLINE),
        locked.statement());
    SwapExecute execute =
        new SwapExecute(asY.as(), terms, lock.counterpartySignature(), locked.bundle());
    assertEquals(Optional.empty(), onY.check(execute));
    assertTrue(Provenance.isPeerCaused(execute));

    Certified decided = certify(asY, enclaveX, asX, execute(asY.as(), execute));
    CrossAsStatement.DecisionStatement decision =
        assertInstanceOf(CrossAsStatement.DecisionStatement.class, decided.statement());
    assertEquals(Decision.UNLOCK, decision.decision());
    CertificateBytes onXBundle = decided.bundle();
    assertEquals(
        Optional.empty(),
        onX.check(
            new EscrowFinalize(asX.as(), lock.crossTxId(), Optional.of(account(bob)), onXBundle)));
    assertEquals(
        ProvenanceProblem.Reason.WRONG_STATEMENT,
        onX.check(new EscrowRefund(asX.as(), lock.crossTxId(), onXBundle)).orElseThrow().reason());
  }

  @Test
  void swap_bobLacksFunds_releaseIsSignedWithItsReasonAndBacksOnlyTheRefund() throws Exception {
    SwapTerms terms = swap(51);
    SwapLock lock = SwapLock.sign(alice, terms, terms.signAsCounterparty(bob));
    Certified locked = certify(asX, enclaveY, asY, execute(asX.as(), lock));
    SwapExecute execute =
        new SwapExecute(asY.as(), terms, lock.counterpartySignature(), locked.bundle());
    Certified decided = certify(asY, enclaveX, asX, execute(asY.as(), execute));
    CrossAsStatement.DecisionStatement decision =
        (CrossAsStatement.DecisionStatement) decided.statement();
    assertEquals(Decision.RELEASE, decision.decision());
    assertEquals(RejectionReason.INSUFFICIENT_FUNDS.name(), decision.reason());
    assertEquals(
        Optional.empty(),
        onX.check(new EscrowRefund(asX.as(), lock.crossTxId(), decided.bundle())));
    assertEquals(
        ProvenanceProblem.Reason.WRONG_STATEMENT,
        onX.check(
                new EscrowFinalize(
                    asX.as(), lock.crossTxId(), Optional.of(account(bob)), decided.bundle()))
            .orElseThrow()
            .reason());
  }

  @Test
  void swap_termsOrBobSignatureAlteredByAGateway_areRefusedOnY() throws Exception {
    SwapTerms terms = swap(20);
    SwapLock lock = SwapLock.sign(alice, terms, terms.signAsCounterparty(bob));
    Certified locked = certify(asX, enclaveY, asY, execute(asX.as(), lock));
    SwapExecute inflated =
        new SwapExecute(asY.as(), swap(1), swap(1).signAsCounterparty(bob), locked.bundle());
    assertEquals(
        ProvenanceProblem.Reason.WRONG_STATEMENT, onY.check(inflated).orElseThrow().reason());
    SwapExecute otherSignature =
        new SwapExecute(asY.as(), terms, terms.signAsCounterparty(alice), locked.bundle());
    assertEquals(
        ProvenanceProblem.Reason.WRONG_STATEMENT, onY.check(otherSignature).orElseThrow().reason());
  }

  @Test
  void message_payloadBoundToTheId_mismatchRefusedOnY() throws Exception {
    MessagePayload payload = MessagePayload.of(new byte[] {1, 2, 3});
    MessageTerms terms =
        new MessageTerms(
            asX.as(),
            asY.as(),
            account(alice),
            new InboxId("app"),
            payload.hash(),
            DEADLINE,
            Nonce.ZERO);
    MessageSend send = MessageSend.sign(alice, terms);
    Certified locked = certify(asX, enclaveY, asY, execute(asX.as(), send));
    assertEquals(send.crossTxId(), locked.statement().tx());
    MessageDelivery delivery = new MessageDelivery(asY.as(), terms, payload, locked.bundle());
    assertEquals(Optional.empty(), onY.check(delivery));
    MessageDelivery altered =
        new MessageDelivery(
            asY.as(), terms, MessagePayload.of(new byte[] {6, 6, 6}), locked.bundle());
    assertEquals(
        ProvenanceProblem.Reason.TERMS_MISMATCH, onY.check(altered).orElseThrow().reason());
    Certified decided = certify(asY, enclaveX, asX, execute(asY.as(), delivery));
    assertEquals(
        Decision.UNLOCK, ((CrossAsStatement.DecisionStatement) decided.statement()).decision());
  }
}
