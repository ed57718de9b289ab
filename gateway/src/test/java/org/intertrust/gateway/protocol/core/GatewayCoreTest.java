package org.intertrust.gateway.protocol.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.intertrust.crypto.bls.KeyShare;
import org.intertrust.crypto.dealing.DealingContext.Mode;
import org.intertrust.crypto.dealing.DealingRecord;
import org.intertrust.crypto.encoding.AsId;
import org.intertrust.gateway.enclave.GatewayEnclave;
import org.intertrust.gateway.protocol.certificate.CrossAsStatement;
import org.intertrust.gateway.protocol.collect.WrappedShare;
import org.intertrust.gateway.protocol.dealing.DealingReference;
import org.intertrust.gateway.protocol.lifecycle.CrossAsPhase;
import org.intertrust.gateway.protocol.routing.GatewayId;
import org.intertrust.ledger.tx.Decision;
import org.intertrust.ledger.value.ConsensusTime;
import org.intertrust.ledger.value.CrossAsTxId;
import org.junit.jupiter.api.Test;

/** Scripted runs of two gateway cores; see {@link TwoAsGateways}. */
class GatewayCoreTest extends TwoAsGateways {
  GatewayCoreTest() {
    super(Mode.PER_TRANSACTION);
  }

  @Test
  void happyPath_unlocksAndFinalizes() {
    CrossAsTxId tx = tx(1);
    DealingReference lockDealing = requestAndLock(tx, 0);
    List<GatewayAction> relay = commitAndSign(gx, lock(tx), lockDealing, 10, 1, 3);
    assertEquals(CrossAsPhase.RELAYED, coreX.status(tx).orElseThrow().phase());
    List<GatewayAction.SubmitProof> atY = ofType(relay, GatewayAction.SubmitProof.class);
    assertEquals(1, atY.size(), "Y submits the checked lock proof to its AS");
    assertEquals(lock(tx), atY.get(0).proof().statement());

    DealingReference decisionDealing = lastDelivered(relay);
    List<GatewayAction> decided =
        commitAndSign(firstY(tx), decision(tx, Decision.UNLOCK, ""), decisionDealing, 20, 2, 4);
    List<GatewayAction.SubmitProof> atX = ofType(decided, GatewayAction.SubmitProof.class);
    assertEquals(1, atX.size(), "X submits the decision proof to its AS");
    assertEquals(Optional.of(Decision.UNLOCK), coreX.status(tx).orElseThrow().decision());

    run(gx, coreX.handle(new GatewayEvent.Finalized(30, tx)), 30);
    assertEquals(CrossAsPhase.FINAL, coreX.status(tx).orElseThrow().phase());
    assertTrue(ofType(log, GatewayAction.Reject.class).isEmpty(), "no rejections: " + log);
  }

  @Test
  void replayedRelay_isAnsweredWithTheSameDecision_andXSubmitsOnce() {
    CrossAsTxId tx = tx(2);
    DealingReference lockDealing = requestAndLock(tx, 0);
    List<GatewayAction> relay = commitAndSign(gx, lock(tx), lockDealing, 10, 1, 2);
    GatewayMessage.LockRelay sent = relay(relay);
    List<GatewayAction> decided =
        commitAndSign(
            firstY(tx), decision(tx, Decision.UNLOCK, ""), lastDelivered(relay), 20, 1, 2);
    GatewayMessage.DecisionReply first =
        (GatewayMessage.DecisionReply)
            ofType(decided, GatewayAction.SendToGateway.class).stream()
                .filter(s -> s.message() instanceof GatewayMessage.DecisionReply)
                .findFirst()
                .orElseThrow()
                .message();

    List<GatewayAction> replay =
        coresY.get(firstY(tx)).handle(new GatewayEvent.Received(40, new Sender.Gateway(gx), sent));
    GatewayAction.SendToGateway answer =
        assertInstanceOf(GatewayAction.SendToGateway.class, replay.get(0));
    assertEquals(first, answer.message(), "the same decision, idempotently");
    assertTrue(ofType(replay, GatewayAction.SubmitProof.class).isEmpty(), "nothing re-submitted");
    List<GatewayAction> again = run(firstY(tx), replay, 40);
    assertTrue(
        ofType(again, GatewayAction.SubmitProof.class).isEmpty(), "X applies a decision once");
  }

  @Test
  void lostRelay_failsOverToTheOtherDestinationGateway() {
    CrossAsTxId tx = tx(3);
    DealingReference lockDealing = requestAndLock(tx, 0);
    drop.add(GatewayMessage.LockRelay.class);
    List<GatewayAction> relay = commitAndSign(gx, lock(tx), lockDealing, 10, 1, 2);
    assertTrue(ofType(relay, GatewayAction.SubmitProof.class).isEmpty(), "relay was lost");

    List<GatewayAction> retry =
        run(gx, coreX.handle(new GatewayEvent.TimerFired(10 + TIMEOUT, tx)), 10 + TIMEOUT);
    GatewayAction.SendToGateway resent = ofType(retry, GatewayAction.SendToGateway.class).get(0);
    assertEquals(otherY(firstY(tx)), resent.to());
    assertEquals(
        1,
        ofType(retry, GatewayAction.SubmitProof.class).size(),
        "the other Y gateway accepts a lock dealt by its fellow gateway");
  }

  @Test
  void afterTheDeadline_xQueriesAndYOrdersExpiry_thenRelease() {
    CrossAsTxId tx = tx(4);
    DealingReference lockDealing = requestAndLock(tx, 0);
    drop.add(GatewayMessage.LockRelay.class);
    commitAndSign(gx, lock(tx), lockDealing, 10, 1, 2);

    long late = DEADLINE.millis() + 1;
    List<GatewayAction> query = run(gx, coreX.handle(new GatewayEvent.TimerFired(late, tx)), late);
    GatewayAction.SubmitExpire expire = ofType(query, GatewayAction.SubmitExpire.class).get(0);
    assertEquals(tx, expire.tx());
    assertEquals(CrossAsPhase.RELAYED, coreX.status(tx).orElseThrow().phase(), "no local abort");

    GatewayId queried = otherY(firstY(tx));
    List<GatewayAction> released =
        commitAndSign(
            queried,
            decision(tx, Decision.RELEASE, "DEADLINE_PASSED"),
            lastDelivered(query),
            late + 5,
            3,
            4);
    assertEquals(1, ofType(released, GatewayAction.SubmitProof.class).size());
    assertEquals(Optional.of(Decision.RELEASE), coreX.status(tx).orElseThrow().decision());
    assertEquals("DEADLINE_PASSED", coreX.status(tx).orElseThrow().reason());
  }

  @Test
  void lockNeverCertified_dealingIsDeliveredAgain_thenQueriedAfterTheDeadline_andReleased() {
    CrossAsTxId tx = tx(7);
    DealingReference lockDealing = requestAndLock(tx, 0);
    commitAndSign(gx, lock(tx), lockDealing, 10, 1);
    assertEquals(CrossAsPhase.LOCKED, coreX.status(tx).orElseThrow().phase(), "one share only");

    List<GatewayAction> retry =
        run(gx, coreX.handle(new GatewayEvent.TimerFired(10 + TIMEOUT, tx)), 10 + TIMEOUT);
    assertEquals(
        lockDealing,
        lastDelivered(retry),
        "the lock dealing goes to the replicas again: one may have missed it");

    long late = DEADLINE.millis() + 1;
    List<GatewayAction> query = run(gx, coreX.handle(new GatewayEvent.TimerFired(late, tx)), late);
    GatewayAction.SendToGateway asked =
        ofType(query, GatewayAction.SendToGateway.class).stream()
            .filter(s -> s.message() instanceof GatewayMessage.DecisionQuery)
            .findFirst()
            .orElseThrow(() -> new AssertionError("an uncertified lock is queried: " + query));
    assertEquals(tx, ofType(query, GatewayAction.SubmitExpire.class).get(0).tx());
    assertEquals(CrossAsPhase.LOCKED, coreX.status(tx).orElseThrow().phase(), "no local abort");

    List<GatewayAction> released =
        commitAndSign(
            asked.to(),
            decision(tx, Decision.RELEASE, "DEADLINE_PASSED"),
            lastDelivered(query),
            late + 5,
            3,
            4);
    assertEquals(1, ofType(released, GatewayAction.SubmitProof.class).size());
    assertEquals(Optional.of(Decision.RELEASE), coreX.status(tx).orElseThrow().decision());

    List<GatewayAction> again =
        run(gx, coreX.handle(new GatewayEvent.TimerFired(late + TIMEOUT, tx)), late + TIMEOUT);
    assertTrue(
        ofType(again, GatewayAction.SendToGateway.class).isEmpty()
            && ofType(again, GatewayAction.SendToReplicas.class).isEmpty(),
        "decided: nothing more to Y or to the replicas, only the decision again: " + again);
    run(gx, coreX.handle(new GatewayEvent.Finalized(late + TIMEOUT + 1, tx)), late + TIMEOUT + 1);
    long later = late + 2 * TIMEOUT;
    assertTrue(
        coreX.handle(new GatewayEvent.TimerFired(later, tx)).isEmpty(), "FINAL: nothing more");
  }

  @Test
  void relayRepeatedWhileUndecided_deliversTheDecisionDealingAgain_andSubmitsNothing() {
    CrossAsTxId tx = tx(8);
    DealingReference lockDealing = requestAndLock(tx, 0);
    List<GatewayAction> relayed = commitAndSign(gx, lock(tx), lockDealing, 10, 1, 2);
    GatewayMessage.LockRelay relay = relay(relayed);
    List<GatewayAction> repeated =
        coresY.get(firstY(tx)).handle(new GatewayEvent.Received(20, new Sender.Gateway(gx), relay));
    assertEquals(DealingReference.of(relay.decisionDealing()), lastDelivered(repeated));
    assertTrue(ofType(repeated, GatewayAction.SubmitProof.class).isEmpty(), "ordered once");
    assertTrue(ofType(repeated, GatewayAction.Reject.class).isEmpty(), "" + repeated);
  }

  @Test
  void queryForARelayInProgress_ordersTheExpiry() {
    CrossAsTxId tx = tx(6);
    DealingReference lockDealing = requestAndLock(tx, 0);
    List<GatewayAction> relayed = commitAndSign(gx, lock(tx), lockDealing, 10, 1, 2);
    assertEquals(1, ofType(relayed, GatewayAction.SubmitProof.class).size(), "Y submitted it");
    GatewayMessage.LockRelay relay = relay(relayed);

    long late = DEADLINE.millis() + 1;
    GatewayId y = firstY(tx);
    List<GatewayAction> answer =
        coresY
            .get(y)
            .handle(
                new GatewayEvent.Received(
                    late,
                    new Sender.Gateway(gx),
                    new GatewayMessage.DecisionQuery(tx, X, DEADLINE, relay.decisionDealing())));
    assertEquals(
        tx,
        ofType(answer, GatewayAction.SubmitExpire.class).get(0).tx(),
        "no decision formed for the relayed lock (its mint came too late): the query orders expiry");
  }

  @Test
  void relayFromAGatewayOfAThirdAs_isRejected() {
    GatewayCore y = coresY.get(new GatewayId(Y, 0));
    List<GatewayAction> actions =
        y.handle(
            new GatewayEvent.Received(
                0,
                new Sender.Gateway(new GatewayId(new AsId(9), 0)),
                new GatewayMessage.DealingRequest(tx(5))));
    assertEquals(
        RejectReason.WRONG_SENDER,
        assertInstanceOf(GatewayAction.Reject.class, actions.get(0)).reason());
  }

  @Test
  void relayWithALockCertificateOnAnotherStatement_isRejectedAndNothingIsSubmitted() {
    CrossAsTxId tx = tx(6);
    DealingReference lockDealing = requestAndLock(tx, 0);
    drop.add(GatewayMessage.LockRelay.class);
    List<GatewayAction> relay = commitAndSign(gx, lock(tx), lockDealing, 10, 1, 2);
    GatewayMessage.LockRelay honest = relay(relay);
    var certificate =
        ((org.intertrust.gateway.protocol.certificate.TransactionProof.Direct) honest.lock())
            .certificate();
    var forged =
        new org.intertrust.gateway.protocol.certificate.TransactionProof.Direct(
            new org.intertrust.gateway.protocol.certificate.CrossAsCertificate(
                new CrossAsStatement.Lock(X, Y, tx, ConsensusTime.ofMillis(99_999)),
                certificate.signature(),
                certificate.dealing()));
    List<GatewayAction> actions =
        coresY
            .get(firstY(tx))
            .handle(
                new GatewayEvent.Received(
                    20,
                    new Sender.Gateway(gx),
                    new GatewayMessage.LockRelay(
                        forged, honest.lockDealing(), honest.decisionDealing())));
    assertEquals(
        RejectReason.BAD_PROOF,
        assertInstanceOf(GatewayAction.Reject.class, actions.get(0)).reason());
    assertTrue(ofType(actions, GatewayAction.SubmitProof.class).isEmpty());
    List<GatewayAction> honestAfter =
        coresY
            .get(firstY(tx))
            .handle(new GatewayEvent.Received(21, new Sender.Gateway(gx), honest));
    assertEquals(
        1,
        ofType(honestAfter, GatewayAction.SubmitProof.class).size(),
        "the honest relay still goes through");
  }

  @Test
  void badShareFromAReplica_isBlamed_andHonestSharesStillCertify() {
    CrossAsTxId tx = tx(7);
    DealingReference lockDealing = requestAndLock(tx, 0);
    CrossAsStatement.Lock lock = lock(tx);
    run(gx, coreX.handle(new GatewayEvent.Committed(5, lock)), 5);
    KeyShare share2 = opened.get(lockDealing).get(1);
    var bad = share2.signPartial(lock.domain(), new byte[] {1, 2, 3});
    var identity = asX.identities().get(1);
    WrappedShare wrapped =
        new WrappedShare(
            identity.publicKey(),
            bad,
            identity.sign(
                org.intertrust.crypto.encoding.SigningDomain.SHARE_WRAP,
                WrappedShare.wrapBytes(lock, bad)));
    coreX.handle(
        new GatewayEvent.Received(
            6,
            new Sender.Replica(identity.publicKey()),
            new GatewayMessage.ShareSubmission(lock, lockDealing, wrapped)));
    WrappedShare good1 =
        WrappedShare.sign(asX.identities().get(0), opened.get(lockDealing).get(0), lock);
    List<GatewayAction> blamed =
        coreX.handle(
            new GatewayEvent.Received(
                7,
                new Sender.Replica(asX.identities().get(0).publicKey()),
                new GatewayMessage.ShareSubmission(lock, lockDealing, good1)));
    GatewayAction.Reject reject = ofType(blamed, GatewayAction.Reject.class).get(0);
    assertEquals(RejectReason.BAD_SHARE, reject.reason());
    assertEquals(new Sender.Replica(identity.publicKey()), reject.from());
    WrappedShare good3 =
        WrappedShare.sign(asX.identities().get(2), opened.get(lockDealing).get(2), lock);
    List<GatewayAction> relayed =
        coreX.handle(
            new GatewayEvent.Received(
                8,
                new Sender.Replica(asX.identities().get(2).publicKey()),
                new GatewayMessage.ShareSubmission(lock, lockDealing, good3)));
    assertEquals(1, ofType(relayed, GatewayAction.SendToGateway.class).size());
  }

  @Test
  void dealingNoticeSignedByAStrangerEnclave_isRejected() {
    CrossAsTxId tx = tx(8);
    coreX.handle(new GatewayEvent.ClientRequest(0, tx, DEADLINE));
    GatewayEnclave stranger = enclave(50);
    DealingRecord record;
    try {
      record =
          stranger.deal(
              new org.intertrust.crypto.dealing.DealingContext(
                  Mode.PER_TRANSACTION, Y, X, tx.hash().toBytes()),
              2,
              asX.configuration().holders());
    } catch (Exception e) {
      throw new AssertionError(e);
    }
    List<GatewayAction> actions =
        coreX.handle(
            new GatewayEvent.Received(
                1, new Sender.Gateway(firstY(tx)), new GatewayMessage.DealingNotice(tx, record)));
    assertEquals(
        RejectReason.BAD_DEALING,
        assertInstanceOf(GatewayAction.Reject.class, actions.get(0)).reason());
  }

  @Test
  void dealingNoticeFromATrustedEnclaveWithABrokenSignature_isRejected() throws Exception {
    CrossAsTxId tx = tx(9);
    coreX.handle(new GatewayEvent.ClientRequest(0, tx, DEADLINE));
    DealingRecord genuine =
        enclaveY0.deal(
            new org.intertrust.crypto.dealing.DealingContext(
                Mode.PER_TRANSACTION, Y, X, tx.hash().toBytes()),
            2,
            asX.configuration().holders());
    byte[] bytes = genuine.toBytes();
    bytes[bytes.length - 1] ^= 1; // the last byte of the dealer's Ed25519 signature
    DealingRecord forged = DealingRecord.parse(bytes);
    assertEquals(genuine.dealerIdentity(), forged.dealerIdentity());
    List<GatewayAction> actions =
        coreX.handle(
            new GatewayEvent.Received(
                1, new Sender.Gateway(firstY(tx)), new GatewayMessage.DealingNotice(tx, forged)));
    assertEquals(
        RejectReason.BAD_DEALING,
        assertInstanceOf(GatewayAction.Reject.class, actions.get(0)).reason());
    List<GatewayAction> accepted =
        coreX.handle(
            new GatewayEvent.Received(
                2, new Sender.Gateway(firstY(tx)), new GatewayMessage.DealingNotice(tx, genuine)));
    assertTrue(ofType(accepted, GatewayAction.Reject.class).isEmpty(), "" + accepted);
  }

  @Test
  void perSessionMode_dealsOncePerEpoch_perTransactionModeOncePerTransaction() {
    TwoAsGateways session = new TwoAsGateways(Mode.PER_SESSION);
    for (int i = 10; i < 15; i++) {
      requestAndLock(tx(i), i);
      session.requestAndLock(tx(i), i);
    }
    long perTransaction = coresY.values().stream().mapToLong(GatewayCore::dealingsMade).sum();
    long perSession = session.coresY.values().stream().mapToLong(GatewayCore::dealingsMade).sum();
    assertEquals(5, perTransaction);
    assertTrue(perSession <= 2, "one dealing per destination gateway in use: " + perSession);
  }

  @Test
  void decisionReplyForAnUnknownTransaction_isRejected_andNothingIsApplied() {
    CrossAsTxId tx = tx(20);
    DealingReference lockDealing = requestAndLock(tx, 0);
    List<GatewayAction> relay = commitAndSign(gx, lock(tx), lockDealing, 10, 1, 2);
    List<GatewayAction> decided =
        commitAndSign(
            firstY(tx), decision(tx, Decision.UNLOCK, ""), lastDelivered(relay), 20, 1, 2);
    GatewayMessage reply =
        ofType(decided, GatewayAction.SendToGateway.class).stream()
            .filter(s -> s.message() instanceof GatewayMessage.DecisionReply)
            .findFirst()
            .orElseThrow()
            .message();
    GatewayCore freshX = new TwoAsGateways(Mode.PER_TRANSACTION).coreX;
    List<GatewayAction> actions =
        freshX.handle(new GatewayEvent.Received(30, new Sender.Gateway(firstY(tx)), reply));
    assertEquals(
        RejectReason.UNKNOWN_TRANSACTION,
        assertInstanceOf(GatewayAction.Reject.class, actions.get(0)).reason());
    assertEquals(1, actions.size());
  }

  @Test
  void replicaSendingAnythingButAShareOfItsOwnAs_isRejected() {
    List<GatewayAction> actions =
        coreX.handle(
            new GatewayEvent.Received(
                0,
                new Sender.Replica(asX.identities().get(0).publicKey()),
                new GatewayMessage.DealingRequest(tx(21))));
    assertEquals(
        RejectReason.WRONG_SENDER,
        assertInstanceOf(GatewayAction.Reject.class, actions.get(0)).reason());
  }
}
