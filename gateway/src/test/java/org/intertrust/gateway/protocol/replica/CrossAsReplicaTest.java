package org.intertrust.gateway.protocol.replica;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import org.intertrust.ledger.tx.Decision;
import org.intertrust.ledger.tx.EscrowLock;
import org.intertrust.ledger.tx.GenesisAllocation;
import org.intertrust.ledger.tx.Transaction;
import org.intertrust.ledger.tx.VoucherMint;
import org.intertrust.ledger.value.AccountId;
import org.intertrust.ledger.value.Amount;
import org.intertrust.ledger.value.AssetId;
import org.intertrust.ledger.value.ConsensusTime;
import org.intertrust.ledger.value.CrossAsTxId;
import org.intertrust.ledger.value.Nonce;
import org.junit.jupiter.api.Test;

/**
 * The replica side of a TRANSFER, without consensus: X's ledger executes a lock, X's replicas sign
 * LOCKED with the shares G_Y dealt them, the combined certificate passes Y's provenance check on a
 * voucher mint, Y's ledger executes the mint and Y's replicas sign UNLOCK.
 */
class CrossAsReplicaTest {
  private static final AssetId COIN = AssetId.of("COIN");
  private static final ConsensusTime DEADLINE = ConsensusTime.ofMillis(10_000);

  private final TestAs asX = Fixtures.smallAs(1, 11);
  private final TestAs asY = Fixtures.smallAs(2, 22);
  private final GatewayEnclave enclaveX = enclave(1);
  private final GatewayEnclave enclaveY = enclave(2);
  private final GatewayEnclave stranger = enclave(3);
  private final IdentityKeyPair owner = IdentityKeyPair.generate(new SeededRandom(99));

  private static GatewayEnclave enclave(long seed) {
    return GatewayEnclave.create(
        SoftwarePlatform.init(new SeededRandom(seed))
            .launch(Measurement.ofRelease("gw"), () -> 0L, new SeededRandom(seed + 100)),
        new SeededRandom(seed + 200));
  }

  private static List<CrossAsReplica> replicas(TestAs as, GatewayEnclave peer) {
    List<CrossAsReplica> replicas = new ArrayList<>();
    for (int i = 0; i < as.configuration().size(); i++) {
      replicas.add(
          new CrossAsReplica(
              as.as(),
              ShareIndex.of(i + 1),
              as.identities().get(i),
              as.agreements().get(i),
              List.of(peer.publicKeys().identity()),
              16));
    }
    return replicas;
  }

  private static DealingRecord deal(GatewayEnclave dealer, TestAs dealerAs, TestAs holders, int id)
      throws Exception {
    DealingContext context =
        new DealingContext(
            DealingContext.Mode.PER_TRANSACTION,
            dealerAs.as(),
            holders.as(),
            new byte[] {(byte) id});
    return dealer.deal(
        context, holders.configuration().threshold(), holders.configuration().holders());
  }

  private EscrowLock lock(long amount, Optional<CrossAsTxId> forcedId) {
    TransferTerms terms =
        new TransferTerms(
            asX.as(),
            asY.as(),
            AccountId.of(owner.publicKey()),
            COIN,
            Amount.of(amount),
            DEADLINE,
            Nonce.ZERO);
    return EscrowLock.sign(
        owner,
        new EscrowLock.Terms(
            asX.as(),
            forcedId.orElse(terms.id()),
            COIN,
            Amount.of(amount),
            asY.as(),
            DEADLINE,
            Nonce.ZERO));
  }

  private ExecutedBlock executeOnX(Transaction tx) {
    GenesisAllocation genesis =
        new GenesisAllocation(
            asX.as(),
            List.of(
                new GenesisAllocation.Allocation(
                    AccountId.of(owner.publicKey()), COIN, Amount.of(1_000))));
    ExecutedBlock root =
        BlockExecutor.propose(
            Optional.empty(),
            org.intertrust.ledger.state.LedgerState.EMPTY,
            asX.as(),
            0,
            ConsensusTime.ofMillis(1),
            List.of(genesis));
    return BlockExecutor.propose(
        Optional.of(root.block().header()),
        root.state(),
        asX.as(),
        1,
        ConsensusTime.ofMillis(2),
        List.of(tx));
  }

  private ExecutedBlock executeOnY(Transaction tx) {
    GenesisAllocation genesis =
        new GenesisAllocation(
            asY.as(),
            List.of(
                new GenesisAllocation.Allocation(
                    AccountId.of(owner.publicKey()), AssetId.of("GOLD"), Amount.of(5))));
    ExecutedBlock root =
        BlockExecutor.propose(
            Optional.empty(),
            org.intertrust.ledger.state.LedgerState.EMPTY,
            asY.as(),
            0,
            ConsensusTime.ofMillis(1),
            List.of(genesis));
    return BlockExecutor.propose(
        Optional.of(root.block().header()),
        root.state(),
        asY.as(),
        1,
        ConsensusTime.ofMillis(2),
        List.of(tx));
  }

  private static CrossAsCertificate combine(
      TestAs signers, List<ShareSubmission> shares, DealingRecord dealing) {
    CrossAsStatement statement = shares.get(0).statement();
    ShareCollector collector =
        new ShareCollector(
            signers.configuration(),
            statement,
            dealing.publicKey(),
            DealingReference.of(dealing),
            new ThresholdCombiner(new SplittableRandom(5)));
    for (ShareSubmission share : shares) {
      CollectOutcome outcome = collector.offer(share.share());
      if (outcome instanceof CollectOutcome.Certified certified) {
        return certified.certificate();
      }
    }
    throw new AssertionError("shares did not certify " + statement);
  }

  private static List<ShareSubmission> all(List<CrossAsReplica.Output> outputs) {
    List<ShareSubmission> shares = new ArrayList<>();
    outputs.forEach(output -> shares.addAll(output.shares()));
    return shares;
  }

  private VoucherMint mint(EscrowLock lock, long amount, ProvenanceBundle bundle) {
    return new VoucherMint(
        asY.as(),
        lock.crossTxId(),
        asX.as(),
        COIN,
        AccountId.of(owner.publicKey()),
        Amount.of(amount),
        DEADLINE,
        bundle.toCertificateBytes());
  }

  @Test
  void transfer_lockSignedAfterDealing_mintPassesProvenance_decisionSigned() throws Exception {
    EscrowLock lock = lock(100, Optional.empty());
    ExecutedBlock locked = executeOnX(lock);
    List<CrossAsReplica> xs = replicas(asX, enclaveY);
    xs.forEach(r -> assertTrue(r.onExecuted(locked).shares().isEmpty()));
    xs.forEach(r -> assertEquals(1, r.pending()));
    DealingRecord lockDealing = deal(enclaveY, asY, asX, 1);
    List<CrossAsReplica.Output> outputs = new ArrayList<>();
    xs.forEach(r -> outputs.add(r.onDealing(lock.crossTxId(), lockDealing)));
    List<ShareSubmission> lockShares = all(outputs);
    assertEquals(4, lockShares.size());
    assertEquals(
        new CrossAsStatement.Lock(asX.as(), asY.as(), lock.crossTxId(), DEADLINE),
        lockShares.get(0).statement());
    CrossAsCertificate certificate = combine(asX, lockShares, lockDealing);

    ProvenanceBundle bundle =
        new ProvenanceBundle(
            new TransactionProof.Direct(certificate),
            lockDealing,
            Optional.of(TransferTerms.of(lock)));
    Provenance provenance = new Provenance(asY.as(), List.of(enclaveY.publicKeys().identity()));
    VoucherMint mint = mint(lock, 100, bundle);
    assertEquals(Optional.empty(), provenance.check(mint));

    DealingRecord decisionDealing = deal(enclaveX, asX, asY, 2);
    List<CrossAsReplica> ys = replicas(asY, enclaveX);
    ys.forEach(r -> assertTrue(r.onDealing(mint.crossTxId(), decisionDealing).shares().isEmpty()));
    ExecutedBlock minted = executeOnY(mint);
    assertTrue(minted.receipts().get(0).isApplied());
    List<CrossAsReplica.Output> decided = new ArrayList<>();
    ys.forEach(r -> decided.add(r.onExecuted(minted)));
    List<ShareSubmission> decisionShares = all(decided);
    assertEquals(4, decisionShares.size());
    CrossAsStatement.DecisionStatement statement =
        assertInstanceOf(
            CrossAsStatement.DecisionStatement.class, decisionShares.get(0).statement());
    assertEquals(Decision.UNLOCK, statement.decision());
    CrossAsCertificate decision = combine(asY, decisionShares, decisionDealing);
    ProvenanceBundle onX =
        new ProvenanceBundle(
            new TransactionProof.Direct(decision), decisionDealing, Optional.empty());
    Provenance xProvenance = new Provenance(asX.as(), List.of(enclaveX.publicKeys().identity()));
    assertEquals(
        Optional.empty(),
        xProvenance.check(
            new org.intertrust.ledger.tx.EscrowFinalize(
                asX.as(), lock.crossTxId(), Optional.empty(), onX.toCertificateBytes())));
    assertEquals(
        ProvenanceProblem.Reason.WRONG_STATEMENT,
        xProvenance
            .check(
                new org.intertrust.ledger.tx.EscrowRefund(
                    asX.as(), lock.crossTxId(), onX.toCertificateBytes()))
            .orElseThrow()
            .reason());
  }

  @Test
  void provenance_rejectsInflatedMintForeignDealingAndSwappedSignature() throws Exception {
    EscrowLock lock = lock(100, Optional.empty());
    ExecutedBlock locked = executeOnX(lock);
    DealingRecord lockDealing = deal(enclaveY, asY, asX, 1);
    List<CrossAsReplica> xs = replicas(asX, enclaveY);
    List<CrossAsReplica.Output> outputs = new ArrayList<>();
    for (CrossAsReplica r : xs) {
      r.onDealing(lock.crossTxId(), lockDealing);
      outputs.add(r.onExecuted(locked));
    }
    CrossAsCertificate certificate = combine(asX, all(outputs), lockDealing);
    Provenance provenance = new Provenance(asY.as(), List.of(enclaveY.publicKeys().identity()));
    ProvenanceBundle good =
        new ProvenanceBundle(
            new TransactionProof.Direct(certificate),
            lockDealing,
            Optional.of(TransferTerms.of(lock)));

    assertEquals(
        ProvenanceProblem.Reason.TERMS_MISMATCH,
        provenance.check(mint(lock, 1_000, good)).orElseThrow().reason());

    DealingRecord foreign = deal(stranger, asY, asX, 1);
    ProvenanceBundle forgedDealing =
        new ProvenanceBundle(
            new TransactionProof.Direct(certificate), foreign, Optional.of(TransferTerms.of(lock)));
    assertEquals(
        ProvenanceProblem.Reason.UNKNOWN_DEALING,
        provenance.check(mint(lock, 100, forgedDealing)).orElseThrow().reason());

    CrossAsStatement.Lock other =
        new CrossAsStatement.Lock(asX.as(), asY.as(), lock.crossTxId(), ConsensusTime.ofMillis(1));
    ProvenanceBundle swapped =
        new ProvenanceBundle(
            new TransactionProof.Direct(
                new CrossAsCertificate(other, certificate.signature(), certificate.dealing())),
            lockDealing,
            Optional.of(TransferTerms.of(lock)));
    VoucherMint early =
        new VoucherMint(
            asY.as(),
            lock.crossTxId(),
            asX.as(),
            COIN,
            AccountId.of(owner.publicKey()),
            Amount.of(100),
            ConsensusTime.ofMillis(1),
            swapped.toCertificateBytes());
    assertEquals(
        ProvenanceProblem.Reason.BAD_SIGNATURE, provenance.check(early).orElseThrow().reason());
    assertFalse(Provenance.isPeerCaused(lock));
  }

  @Test
  void lockWhoseIdIsNotItsTermsHash_isNotSigned() throws Exception {
    EscrowLock lock =
        lock(
            100,
            Optional.of(new CrossAsTxId(org.intertrust.ledger.value.Sha256.hash(new byte[] {7}))));
    ExecutedBlock locked = executeOnX(lock);
    CrossAsReplica replica = replicas(asX, enclaveY).get(0);
    replica.onDealing(lock.crossTxId(), deal(enclaveY, asY, asX, 1));
    CrossAsReplica.Output output = replica.onExecuted(locked);
    assertTrue(output.shares().isEmpty());
    assertEquals(1, output.refusals().size());
  }

  @Test
  void dealingFromANonPeerEnclave_isRefused() throws Exception {
    CrossAsReplica replica = replicas(asX, enclaveY).get(0);
    EscrowLock lock = lock(100, Optional.empty());
    CrossAsReplica.Output output = replica.onDealing(lock.crossTxId(), deal(stranger, asY, asX, 1));
    assertEquals(1, output.refusals().size());
    replica.onExecuted(executeOnX(lock));
    assertEquals(1, replica.pending(), "the lock still waits for a real dealing");
  }

  private static List<CrossAsReplica> batchingReplicas(TestAs as, GatewayEnclave peer) {
    List<CrossAsReplica> replicas = new ArrayList<>();
    for (int i = 0; i < as.configuration().size(); i++) {
      replicas.add(
          new CrossAsReplica(
              as.as(),
              ShareIndex.of(i + 1),
              as.identities().get(i),
              as.agreements().get(i),
              List.of(peer.publicKeys().identity()),
              16,
              true));
    }
    return replicas;
  }

  /**
   * A gateway delivers a dealing again when no certificate formed: the replica's share may have
   * been lost. The replica answers with what it signed, the same share, and signs nothing new.
   */
  @Test
  void repeatedDelivery_resendsTheSameShare_perTransactionAndBatched() throws Exception {
    EscrowLock lock = lock(100, Optional.empty());
    ExecutedBlock locked = executeOnX(lock);
    DealingRecord lockDealing = deal(enclaveY, asY, asX, 1);
    CrossAsReplica single = replicas(asX, enclaveY).get(0);
    CrossAsReplica batched = batchingReplicas(asX, enclaveY).get(0);
    assertTrue(single.onDealing(lock.crossTxId(), lockDealing).shares().isEmpty(), "nothing yet");
    batched.onDealing(lock.crossTxId(), lockDealing);
    List<ShareSubmission> first = single.onExecuted(locked).shares();
    List<CrossAsReplica.SignedBatch> firstBatch = batched.onExecuted(locked).batches();
    assertEquals(1, first.size());
    assertEquals(1, firstBatch.size());

    CrossAsReplica.Output again = single.onDealing(lock.crossTxId(), lockDealing);
    assertEquals(first, again.shares());
    assertTrue(again.batches().isEmpty() && again.refusals().isEmpty(), "" + again);
    CrossAsReplica.Output batchAgain = batched.onDealing(lock.crossTxId(), lockDealing);
    assertEquals(firstBatch, batchAgain.batches());
    assertTrue(batchAgain.shares().isEmpty(), "" + batchAgain);

    EscrowLock unseen = lock(7, Optional.empty());
    assertTrue(
        single.onDealing(unseen.crossTxId(), lockDealing).shares().isEmpty(),
        "nothing was signed for a transaction not yet executed");
  }

  @Test
  void sameDealingAgain_resendsTheShareAlreadyMade_anotherDealingResendsNothing() throws Exception {
    EscrowLock lock = lock(100, Optional.empty());
    ExecutedBlock locked = executeOnX(lock);
    CrossAsReplica replica = replicas(asX, enclaveY).get(0);
    DealingRecord lockDealing = deal(enclaveY, asY, asX, 1);
    assertTrue(replica.onDealing(lock.crossTxId(), lockDealing).shares().isEmpty());
    List<ShareSubmission> first = replica.onExecuted(locked).shares();
    assertEquals(1, first.size());
    assertEquals(
        first,
        replica.onDealing(lock.crossTxId(), lockDealing).shares(),
        "a gateway collecting anew (restart, failover) gets the same share again");
    CrossAsReplica.Output other = replica.onDealing(lock.crossTxId(), deal(enclaveY, asY, asX, 2));
    assertTrue(other.shares().isEmpty(), "never a share under a second dealing");
    assertEquals(1, other.refusals().size());
    CrossAsReplica.Output unsigned =
        replica.onDealing(lock(7, Optional.empty()).crossTxId(), lockDealing);
    assertTrue(unsigned.shares().isEmpty(), "nothing executed, nothing to resend");
  }

  @Test
  void batchMode_sameDealingAgain_resendsTheBatchShareWithItsLeaves() throws Exception {
    EscrowLock lock = lock(100, Optional.empty());
    ExecutedBlock locked = executeOnX(lock);
    CrossAsReplica replica = batchingReplicas(asX, enclaveY).get(0);
    replica.onExecuted(locked);
    DealingRecord lockDealing = deal(enclaveY, asY, asX, 1);
    List<CrossAsReplica.SignedBatch> first =
        replica.onDealing(lock.crossTxId(), lockDealing).batches();
    assertEquals(1, first.size());
    assertEquals(first, replica.onDealing(lock.crossTxId(), lockDealing).batches());
  }

  @Test
  void batchMode_blockSignedAsOneBatchAfterItsDealing_batchedProofPassesProvenance()
      throws Exception {
    EscrowLock lock = lock(100, Optional.empty());
    ExecutedBlock locked = executeOnX(lock);
    List<CrossAsReplica> xs = batchingReplicas(asX, enclaveY);
    for (CrossAsReplica r : xs) {
      CrossAsReplica.Output output = r.onExecuted(locked);
      assertTrue(output.shares().isEmpty() && output.batches().isEmpty(), "waits for the dealing");
      assertEquals(1, r.pending());
    }
    DealingRecord lockDealing = deal(enclaveY, asY, asX, 1);
    List<ShareSubmission> batchShares = new ArrayList<>();
    for (CrossAsReplica r : xs) {
      CrossAsReplica.Output output = r.onDealing(lock.crossTxId(), lockDealing);
      assertTrue(output.shares().isEmpty(), "no per-transaction share in batch mode");
      assertEquals(1, output.batches().size());
      CrossAsReplica.SignedBatch signed = output.batches().get(0);
      CrossAsStatement.Lock leaf =
          new CrossAsStatement.Lock(asX.as(), asY.as(), lock.crossTxId(), DEADLINE);
      assertEquals(List.of(leaf), signed.leaves());
      assertEquals(
          org.intertrust.gateway.protocol.certificate.Batches.statement(
              asX.as(), asY.as(), locked.block().header().height().value(), List.of(leaf)),
          signed.share().statement(),
          "every replica signs the same batch over the block");
      batchShares.add(signed.share());
      assertEquals(0, r.pending());
    }
    CrossAsCertificate batch = combine(asX, batchShares, lockDealing);
    TransactionProof.Batched proof =
        org.intertrust.gateway.protocol.certificate.Batches.proofs(
                batch,
                List.of(new CrossAsStatement.Lock(asX.as(), asY.as(), lock.crossTxId(), DEADLINE)))
            .get(0);
    Provenance provenance = new Provenance(asY.as(), List.of(enclaveY.publicKeys().identity()));
    ProvenanceBundle bundle =
        new ProvenanceBundle(proof, lockDealing, Optional.of(TransferTerms.of(lock)));
    assertEquals(Optional.empty(), provenance.check(mint(lock, 100, bundle)));

    org.intertrust.ledger.merkle.MerkleProof wrongSize =
        new org.intertrust.ledger.merkle.MerkleProof(
            0, 2, List.of(org.intertrust.ledger.value.Sha256.hash(new byte[] {1})));
    ProvenanceBundle forged =
        new ProvenanceBundle(
            new TransactionProof.Batched(batch, proof.leaf(), wrongSize),
            lockDealing,
            Optional.of(TransferTerms.of(lock)));
    assertEquals(
        ProvenanceProblem.Reason.BAD_SIGNATURE,
        provenance.check(mint(lock, 100, forged)).orElseThrow().reason(),
        "a forged path is refused from the ledger too");
  }
}
