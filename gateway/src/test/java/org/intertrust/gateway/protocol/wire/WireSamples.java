package org.intertrust.gateway.protocol.wire;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.intertrust.crypto.dealing.DealingException;
import org.intertrust.crypto.dealing.DealingRecord;
import org.intertrust.crypto.encoding.AsId;
import org.intertrust.gateway.DealtAs;
import org.intertrust.gateway.Fixtures;
import org.intertrust.gateway.protocol.certificate.Batches;
import org.intertrust.gateway.protocol.certificate.CrossAsCertificate;
import org.intertrust.gateway.protocol.certificate.CrossAsStatement;
import org.intertrust.gateway.protocol.certificate.CrossAsStatement.TransactionStatement;
import org.intertrust.gateway.protocol.certificate.TransactionProof;
import org.intertrust.gateway.protocol.core.GatewayMessage;
import org.intertrust.gateway.protocol.replica.TransferTerms;
import org.intertrust.ledger.tx.Decision;
import org.intertrust.ledger.value.AccountId;
import org.intertrust.ledger.value.Amount;
import org.intertrust.ledger.value.AssetId;
import org.intertrust.ledger.value.ConsensusTime;
import org.intertrust.ledger.value.CrossAsTxId;
import org.intertrust.ledger.value.Nonce;
import org.intertrust.ledger.value.Sha256;

/**
 * One deterministic sample of every gateway message kind (and of each proof and statement variant
 * they carry), built from seeded keys and dealings, for the codec tests and the golden vectors. The
 * certificates carry a single replica's share signature in place of a combined one: the codec only
 * parses, so any valid G1 point will do, and no combiner randomness enters the bytes.
 */
final class WireSamples {
  static final AsId X = new AsId(1);
  static final AsId Y = new AsId(2);

  /** X's replicas, with shares dealt by a Y enclave (they sign LOCKED and X's batches). */
  final DealtAs xReplicas;

  /** Y's replicas, with shares dealt by an X enclave (they sign decisions). */
  final DealtAs yReplicas;

  /** ASs of {@code n} replicas with fault bound {@code f} and threshold {@code k}. */
  WireSamples(int n, int f, int k) throws DealingException {
    xReplicas = DealtAs.dealtBy(Y.value(), Fixtures.as(X.value(), n, f, k, 10), 20);
    yReplicas = DealtAs.dealtBy(X.value(), Fixtures.as(Y.value(), n, f, k, 30), 40);
  }

  static CrossAsTxId tx(int i) {
    return new CrossAsTxId(Sha256.hash(new byte[] {(byte) i}));
  }

  static CrossAsStatement.Lock lock(int i) {
    return new CrossAsStatement.Lock(X, Y, tx(i), ConsensusTime.ofMillis(10_000 + i));
  }

  static CrossAsStatement.DecisionStatement decision(int i, Decision decision, String reason) {
    return new CrossAsStatement.DecisionStatement(
        Y, X, tx(i), ConsensusTime.ofMillis(10_000 + i), decision, reason);
  }

  static TransferTerms terms(int i) {
    return new TransferTerms(
        X,
        Y,
        AccountId.fromBytes(Sha256.hash(new byte[] {7, (byte) i}).toBytes()),
        AssetId.of("gold"),
        new Amount(1_000 + i),
        ConsensusTime.ofMillis(10_000 + i),
        new Nonce(i));
  }

  DealingRecord xDealing() {
    return xReplicas.dealing().record();
  }

  DealingRecord yDealing() {
    return yReplicas.dealing().record();
  }

  /** A certificate-shaped value on {@code statement} by {@code signers}' first replica. */
  static CrossAsCertificate certificate(DealtAs signers, CrossAsStatement statement) {
    return new CrossAsCertificate(
        statement, signers.share(1, statement).share().signature(), signers.dealing().reference());
  }

  /**
   * The batched proof of the leaf {@code index} of {@code leaves}, certified by {@code signers}.
   */
  static TransactionProof.Batched batched(
      DealtAs signers, List<? extends TransactionStatement> leaves, int index) {
    TransactionStatement first = leaves.get(0);
    CrossAsStatement.Batch batch =
        Batches.statement(first.sourceAs(), first.destinationAs(), 42, leaves);
    return Batches.proofs(certificate(signers, batch), leaves).get(index);
  }

  /** Every kind and variant, by a stable name (the golden vector file's keys). */
  Map<String, GatewayMessage> all() {
    Map<String, GatewayMessage> all = new LinkedHashMap<>();
    all.put("dealing-request", new GatewayMessage.DealingRequest(tx(1)));
    all.put("dealing-notice", new GatewayMessage.DealingNotice(tx(1), xDealing()));
    all.put(
        "lock-relay-direct",
        new GatewayMessage.LockRelay(
            new TransactionProof.Direct(certificate(xReplicas, lock(1))), xDealing(), yDealing()));
    List<TransactionStatement> locks = new ArrayList<>();
    for (int i = 1; i <= 3; i++) {
      locks.add(lock(i));
    }
    all.put(
        "lock-relay-batched",
        new GatewayMessage.LockRelay(batched(xReplicas, locks, 1), xDealing(), yDealing()));
    all.put(
        "decision-query",
        new GatewayMessage.DecisionQuery(tx(1), X, ConsensusTime.ofMillis(10_001), yDealing()));
    all.put(
        "decision-reply-direct",
        new GatewayMessage.DecisionReply(
            new TransactionProof.Direct(certificate(yReplicas, decision(1, Decision.UNLOCK, "")))));
    List<TransactionStatement> decisions =
        List.of(
            decision(1, Decision.UNLOCK, ""),
            decision(2, Decision.RELEASE, "deadline passed"),
            decision(3, Decision.RELEASE, "ünïcode reason"));
    all.put(
        "decision-reply-batched",
        new GatewayMessage.DecisionReply(batched(yReplicas, decisions, 2)));
    all.put("share-submission-lock", submission(xReplicas, lock(1)));
    all.put(
        "share-submission-decision",
        submission(yReplicas, decision(2, Decision.RELEASE, "deadline passed")));
    all.put("share-submission-batch", submission(xReplicas, Batches.statement(X, Y, 42, locks)));
    all.put("dealing-delivery", new GatewayMessage.DealingDelivery(tx(1), yDealing()));
    return all;
  }

  private static GatewayMessage.ShareSubmission submission(
      DealtAs signers, CrossAsStatement statement) {
    return new GatewayMessage.ShareSubmission(
        statement,
        signers.dealing().reference(),
        signers.share(signers.signers().configuration().size(), statement));
  }
}
