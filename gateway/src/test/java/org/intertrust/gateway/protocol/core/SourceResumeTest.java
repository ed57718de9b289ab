package org.intertrust.gateway.protocol.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.intertrust.crypto.dealing.DealingContext.Mode;
import org.intertrust.gateway.protocol.dealing.DealingReference;
import org.intertrust.gateway.protocol.lifecycle.CrossAsPhase;
import org.intertrust.gateway.protocol.routing.GatewayId;
import org.intertrust.gateway.protocol.wire.GatewayCodec;
import org.intertrust.gateway.protocol.wire.GatewayDecodingException;
import org.intertrust.gateway.protocol.wire.SourceSnapshotCodec;
import org.intertrust.ledger.tx.Decision;
import org.intertrust.ledger.value.CrossAsTxId;
import org.junit.jupiter.api.Test;

/**
 * The source gateway crashes at each point of the protocol and a new core resumes from the
 * snapshots the old one persisted (ADR 0015); the transaction still ends DECIDED with Y's decision,
 * submitted to X, and FINAL once X applied it.
 */
class SourceResumeTest extends TwoAsGateways {
  private static final SourceSnapshotCodec CODEC = new SourceSnapshotCodec(new GatewayCodec());

  SourceResumeTest() {
    super(Mode.PER_SESSION);
  }

  private List<GatewayAction.SubmitProof> submittedAtX(List<GatewayAction> actions) {
    return ofType(actions, GatewayAction.SubmitProof.class).stream()
        .filter(
            s ->
                s.proof().statement()
                    instanceof
                    org.intertrust.gateway.protocol.certificate.CrossAsStatement.DecisionStatement)
        .toList();
  }

  @Test
  void crashAfterTheRelay_resumesRelayed_andTakesYsDecision() {
    CrossAsTxId tx = tx(21);
    DealingReference lockDealing = requestAndLock(tx, 0);
    List<GatewayAction> relay = commitAndSign(gx, lock(tx), lockDealing, 10, 1, 3);
    List<GatewayAction> restart = restartX(20);
    assertEquals(CrossAsPhase.RELAYED, coreX.status(tx).orElseThrow().phase());
    assertEquals(1, ofType(restart, GatewayAction.SetTimer.class).size(), "its timer again");
    assertTrue(submittedAtX(restart).isEmpty());

    List<GatewayAction> decided =
        commitAndSign(
            firstY(tx), decision(tx, Decision.UNLOCK, ""), lastDelivered(relay), 30, 2, 4);
    assertEquals(1, submittedAtX(decided).size(), "the resumed core checks Y's proof");
    assertEquals(Optional.of(Decision.UNLOCK), coreX.status(tx).orElseThrow().decision());
  }

  @Test
  void crashWhileCollectingLockShares_dealingDeliveredAgain_sharesComeAgain_relayed() {
    CrossAsTxId tx = tx(22);
    DealingReference lockDealing = requestAndLock(tx, 0);
    commitAndSign(gx, lock(tx), lockDealing, 10, 1); // one share of k = 2, then the crash
    List<GatewayAction> restart = restartX(20);
    assertEquals(CrossAsPhase.REQUESTED, coreX.status(tx).orElseThrow().phase());
    assertEquals(lockDealing, lastDelivered(restart), "the lock dealing delivered again");

    List<GatewayAction> relay = commitAndSign(gx, lock(tx), lockDealing, 30, 1, 2);
    assertEquals(CrossAsPhase.RELAYED, coreX.status(tx).orElseThrow().phase());
    assertEquals(1, ofType(relay, GatewayAction.SubmitProof.class).size(), "Y got the relay");
  }

  @Test
  void lockedButNeverCertified_pastTheDeadline_queriesWithAPersistedDealing_released() {
    CrossAsTxId tx = tx(23);
    DealingReference lockDealing = requestAndLock(tx, 0);
    restartX(10);
    commitAndSign(gx, lock(tx), lockDealing, 20, 1); // the lock commits; one share only
    long late = DEADLINE.millis() + 1;
    List<GatewayAction> query = coreX.handle(new GatewayEvent.TimerFired(late, tx));
    int persisted = indexOf(query, GatewayAction.Persist.class);
    int sent = indexOf(query, GatewayAction.SendToGateway.class);
    assertTrue(
        persisted >= 0 && persisted < sent, "the decision dealing is stored first: " + query);
    GatewayMessage.DecisionQuery asked =
        (GatewayMessage.DecisionQuery)
            ofType(query, GatewayAction.SendToGateway.class).get(0).message();
    SourceSnapshot stored = ((GatewayAction.Persist) query.get(persisted)).snapshot();
    assertEquals(Optional.of(asked.decisionDealing()), stored.decisionDealing());

    List<GatewayAction> expiry = run(gx, query, late);
    GatewayId queried = ofType(query, GatewayAction.SendToGateway.class).get(0).to();
    assertEquals(1, ofType(expiry, GatewayAction.SubmitExpire.class).size());
    List<GatewayAction> released =
        commitAndSign(
            queried,
            decision(tx, Decision.RELEASE, "DEADLINE_PASSED"),
            lastDelivered(expiry),
            late + 10,
            1,
            2);
    assertEquals(1, submittedAtX(released).size());
    assertEquals(Optional.of(Decision.RELEASE), coreX.status(tx).orElseThrow().decision());
  }

  @Test
  void crashAfterTheDecision_submitsItAgainOnce_thenFinal() {
    CrossAsTxId tx = tx(24);
    DealingReference lockDealing = requestAndLock(tx, 0);
    List<GatewayAction> relay = commitAndSign(gx, lock(tx), lockDealing, 10, 1, 2);
    List<GatewayAction> decided =
        commitAndSign(
            firstY(tx), decision(tx, Decision.UNLOCK, ""), lastDelivered(relay), 20, 1, 2);
    List<GatewayAction> restart = restartX(30);
    assertEquals(submittedAtX(decided), submittedAtX(restart), "the same proof, submitted again");
    assertEquals(CrossAsPhase.DECIDED, coreX.status(tx).orElseThrow().phase());
    assertEquals(1, ofType(restart, GatewayAction.SetTimer.class).size(), "until FINAL");
    List<GatewayAction> retry = coreX.handle(new GatewayEvent.TimerFired(35, tx));
    assertEquals(submittedAtX(decided), submittedAtX(retry), "submitted again until FINAL");

    List<GatewayAction> fin = run(gx, coreX.handle(new GatewayEvent.Finalized(40, tx)), 40);
    assertEquals(CrossAsPhase.FINAL, coreX.status(tx).orElseThrow().phase());
    assertEquals(
        CrossAsPhase.FINAL,
        ofType(fin, GatewayAction.Persist.class).get(0).snapshot().phase(),
        "FINAL is persisted: the host forgets the transaction");
    assertTrue(restartX(50).isEmpty(), "nothing left to do");
    assertEquals(CrossAsPhase.FINAL, coreX.status(tx).orElseThrow().phase(), "still readable");
    assertEquals(Optional.of(Decision.UNLOCK), coreX.status(tx).orElseThrow().decision());
    assertTrue(ofType(log, GatewayAction.Reject.class).isEmpty(), "no rejections: " + log);
  }

  @Test
  void everySnapshot_roundTripsThroughItsStoredForm_andDamagedBytesAreRefused() throws Exception {
    CrossAsTxId tx = tx(25);
    DealingReference lockDealing = requestAndLock(tx, 0);
    List<GatewayAction> relay = commitAndSign(gx, lock(tx), lockDealing, 10, 1, 2);
    commitAndSign(firstY(tx), decision(tx, Decision.RELEASE, "X"), lastDelivered(relay), 20, 1, 2);
    run(gx, coreX.handle(new GatewayEvent.Finalized(30, tx)), 30);
    List<SourceSnapshot> snapshots =
        ofType(log, GatewayAction.Persist.class).stream()
            .map(GatewayAction.Persist::snapshot)
            .toList();
    assertEquals(
        List.of(
            CrossAsPhase.REQUESTED,
            CrossAsPhase.REQUESTED,
            CrossAsPhase.RELAYED,
            CrossAsPhase.DECIDED,
            CrossAsPhase.FINAL),
        snapshots.stream().map(SourceSnapshot::phase).toList());
    for (SourceSnapshot snapshot : snapshots) {
      byte[] bytes = CODEC.encode(snapshot);
      assertEquals(snapshot, CODEC.decode(bytes));
      for (int cut = 0; cut < bytes.length; cut += Math.max(1, bytes.length / 50)) {
        byte[] truncated = Arrays.copyOf(bytes, cut);
        assertThrows(GatewayDecodingException.class, () -> CODEC.decode(truncated));
      }
      byte[] longer = Arrays.copyOf(bytes, bytes.length + 1);
      assertThrows(GatewayDecodingException.class, () -> CODEC.decode(longer));
    }
  }

  private static int indexOf(List<GatewayAction> actions, Class<?> type) {
    for (int i = 0; i < actions.size(); i++) {
      if (type.isInstance(actions.get(i))) {
        return i;
      }
    }
    return -1;
  }
}
