package org.intertrust.gateway.protocol.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.intertrust.crypto.dealing.DealingContext.Mode;
import org.intertrust.gateway.protocol.certificate.Batches;
import org.intertrust.gateway.protocol.certificate.CrossAsCertificate;
import org.intertrust.gateway.protocol.certificate.CrossAsStatement;
import org.intertrust.gateway.protocol.certificate.TransactionProof;
import org.intertrust.gateway.protocol.dealing.DealingReference;
import org.intertrust.gateway.protocol.lifecycle.CrossAsPhase;
import org.intertrust.gateway.protocol.routing.GatewayId;
import org.intertrust.ledger.merkle.MerkleProof;
import org.intertrust.ledger.tx.Decision;
import org.intertrust.ledger.value.CrossAsTxId;
import org.intertrust.ledger.value.Hash32;
import org.junit.jupiter.api.Test;

/**
 * Batch certificates through the gateway cores (ADR 0009): X's replicas sign one batch over a
 * block's locks, X's gateway derives each transaction's batched proof and relays it; Y checks it,
 * and Y's decisions come back the same way. Forged batched proofs are rejected with their typed
 * reason before anything reaches Y's AS.
 */
class BatchCollectionTest extends TwoAsGateways {
  BatchCollectionTest() {
    super(Mode.PER_SESSION);
  }

  /** {@code count} transactions whose route starts at the same Y gateway (one session dealing). */
  private List<CrossAsTxId> sameRoute(int count) {
    List<CrossAsTxId> txs = new ArrayList<>();
    GatewayId first = firstY(tx(1));
    for (int i = 1; txs.size() < count; i++) {
      if (firstY(tx(i)).equals(first)) {
        txs.add(tx(i));
      }
    }
    return txs;
  }

  private List<CrossAsStatement.TransactionStatement> locks(List<CrossAsTxId> txs) {
    List<CrossAsStatement.TransactionStatement> leaves = new ArrayList<>();
    txs.forEach(tx -> leaves.add(lock(tx)));
    return leaves;
  }

  @Test
  void batchOfThreeLocks_relaysThreeBatchedProofs_andDecisionsComeBackBatched() {
    List<CrossAsTxId> txs = sameRoute(3);
    DealingReference lockDealing = requestAndLock(txs.get(0), 0);
    for (CrossAsTxId tx : txs.subList(1, 3)) {
      assertEquals(lockDealing, requestAndLock(tx, 0), "one session dealing");
    }
    List<GatewayAction> relayed = commitAndSignBatch(gx, 7, locks(txs), lockDealing, 10, 1, 3);
    List<GatewayAction.SubmitProof> atY = ofType(relayed, GatewayAction.SubmitProof.class);
    assertEquals(3, atY.size(), "Y submits each checked batched proof: " + relayed);
    for (int i = 0; i < 3; i++) {
      TransactionProof.Batched proof =
          assertInstanceOf(TransactionProof.Batched.class, atY.get(i).proof());
      assertEquals(lock(txs.get(i)), proof.statement());
      assertEquals(CrossAsPhase.RELAYED, coreX.status(txs.get(i)).orElseThrow().phase());
    }
    assertEquals(1, coreX.certificatesCombined(), "one certificate for three transactions");
    assertEquals(1, coresY.get(firstY(txs.get(0))).signatureChecks(), "one pairing check");

    DealingReference decisionDealing = lastDelivered(relayed);
    List<CrossAsStatement.TransactionStatement> decisions = new ArrayList<>();
    txs.forEach(tx -> decisions.add(decision(tx, Decision.UNLOCK, "")));
    List<GatewayAction> decided =
        commitAndSignBatch(firstY(txs.get(0)), 9, decisions, decisionDealing, 20, 2, 4);
    List<GatewayAction.SubmitProof> atX = ofType(decided, GatewayAction.SubmitProof.class);
    assertEquals(3, atX.size(), "X submits each batched decision");
    atX.forEach(s -> assertInstanceOf(TransactionProof.Batched.class, s.proof()));
    assertEquals(1, coreX.signatureChecks());
    assertTrue(ofType(log, GatewayAction.Reject.class).isEmpty(), "no rejections: " + log);
  }

  @Test
  void batchWhoseLeavesDoNotHashToItsRoot_isRejected_andItsSharesFindNoCollector() {
    List<CrossAsTxId> txs = sameRoute(2);
    DealingReference dealing = requestAndLock(txs.get(0), 0);
    requestAndLock(txs.get(1), 0);
    CrossAsStatement.Batch batch = Batches.statement(X, Y, 3, locks(txs));
    List<GatewayAction> actions =
        coreX.handle(new GatewayEvent.BatchCommitted(10, batch, dealing, locks(txs.subList(0, 1))));
    assertEquals(
        RejectReason.BAD_PROOF,
        assertInstanceOf(GatewayAction.Reject.class, actions.get(0)).reason());
    assertEquals(CrossAsPhase.REQUESTED, coreX.status(txs.get(0)).orElseThrow().phase());
  }

  /** X's honest batched relays of {@code txs}, kept from Y. */
  private List<GatewayMessage.LockRelay> heldRelays(List<CrossAsTxId> txs, long height) {
    DealingReference dealing = requestAndLock(txs.get(0), 0);
    for (CrossAsTxId tx : txs.subList(1, txs.size())) {
      requestAndLock(tx, 0);
    }
    for (int i = 0; i < txs.size(); i++) {
      drop.add(GatewayMessage.LockRelay.class);
    }
    return relays(commitAndSignBatch(gx, height, locks(txs), dealing, 10, 1, 2));
  }

  private GatewayAction.Reject rejectedAtY(
      CrossAsTxId tx, GatewayMessage.LockRelay honest, TransactionProof forged) {
    List<GatewayAction> actions =
        coresY
            .get(firstY(tx))
            .handle(
                new GatewayEvent.Received(
                    20,
                    new Sender.Gateway(gx),
                    new GatewayMessage.LockRelay(
                        forged, honest.lockDealing(), honest.decisionDealing())));
    assertTrue(ofType(actions, GatewayAction.SubmitProof.class).isEmpty(), "nothing submitted");
    return assertInstanceOf(GatewayAction.Reject.class, actions.get(0));
  }

  @Test
  void forgedMerklePath_batchOfAnotherBlock_andTxNotInTheBatch_areRejectedAsBadPaths() {
    List<CrossAsTxId> txs = sameRoute(4);
    List<GatewayMessage.LockRelay> block7 = heldRelays(txs.subList(0, 3), 7);
    assertEquals(3, block7.size());
    TransactionProof.Batched honest = (TransactionProof.Batched) block7.get(1).lock();

    List<Hash32> path = new ArrayList<>(honest.path().path());
    byte[] flipped = path.get(0).toBytes();
    flipped[0] ^= 1;
    path.set(0, Hash32.of(flipped));
    MerkleProof forgedPath = new MerkleProof(honest.path().index(), honest.path().treeSize(), path);
    GatewayAction.Reject badPath =
        rejectedAtY(
            txs.get(1),
            block7.get(1),
            new TransactionProof.Batched(honest.batchCertificate(), honest.leaf(), forgedPath));
    assertEquals(RejectReason.BAD_PROOF, badPath.reason());
    assertTrue(badPath.detail().startsWith("BAD_PATH"), badPath.detail());

    CrossAsCertificate otherBlock =
        ((TransactionProof.Batched) heldRelays(txs.subList(3, 4), 8).get(0).lock())
            .batchCertificate();
    GatewayAction.Reject anotherBlock =
        rejectedAtY(
            txs.get(1),
            block7.get(1),
            new TransactionProof.Batched(otherBlock, honest.leaf(), honest.path()));
    assertTrue(anotherBlock.detail().startsWith("BAD_PATH"), anotherBlock.detail());

    GatewayAction.Reject notInBatch =
        rejectedAtY(
            txs.get(3),
            block7.get(1),
            new TransactionProof.Batched(
                honest.batchCertificate(), lock(txs.get(3)), honest.path()));
    assertTrue(notInBatch.detail().startsWith("BAD_PATH"), notInBatch.detail());

    List<GatewayAction> accepted =
        coresY
            .get(firstY(txs.get(1)))
            .handle(new GatewayEvent.Received(21, new Sender.Gateway(gx), block7.get(1)));
    assertEquals(1, ofType(accepted, GatewayAction.SubmitProof.class).size(), "honest still ok");
  }

  @Test
  void batchedProofForgedOnADecisionReply_isRejectedAtX_andNothingIsApplied() {
    List<CrossAsTxId> txs = sameRoute(2);
    DealingReference lockDealing = requestAndLock(txs.get(0), 0);
    requestAndLock(txs.get(1), 0);
    List<GatewayAction> relayed = commitAndSignBatch(gx, 7, locks(txs), lockDealing, 10, 1, 2);
    DealingReference decisionDealing = lastDelivered(relayed);
    drop.add(GatewayMessage.DecisionReply.class);
    drop.add(GatewayMessage.DecisionReply.class);
    List<GatewayAction> decided =
        commitAndSignBatch(
            firstY(txs.get(0)),
            9,
            List.of(
                decision(txs.get(0), Decision.UNLOCK, ""),
                decision(txs.get(1), Decision.RELEASE, "late")),
            decisionDealing,
            20,
            1,
            2);
    TransactionProof.Batched release =
        (TransactionProof.Batched)
            ofType(decided, GatewayAction.SendToGateway.class).stream()
                .map(s -> ((GatewayMessage.DecisionReply) s.message()).decision())
                .filter(p -> p.statement().tx().equals(txs.get(1)))
                .findFirst()
                .orElseThrow();
    TransactionProof.Batched flipped =
        new TransactionProof.Batched(
            release.batchCertificate(), decision(txs.get(1), Decision.UNLOCK, ""), release.path());
    List<GatewayAction> actions =
        coreX.handle(
            new GatewayEvent.Received(
                30,
                new Sender.Gateway(firstY(txs.get(0))),
                new GatewayMessage.DecisionReply(flipped)));
    GatewayAction.Reject reject = assertInstanceOf(GatewayAction.Reject.class, actions.get(0));
    assertEquals(RejectReason.BAD_PROOF, reject.reason());
    assertTrue(reject.detail().startsWith("BAD_PATH"), reject.detail());
    assertTrue(ofType(actions, GatewayAction.SubmitProof.class).isEmpty());
    assertEquals(CrossAsPhase.RELAYED, coreX.status(txs.get(1)).orElseThrow().phase());
  }
}
