package org.intertrust.gateway.protocol.core;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.intertrust.crypto.dealing.DealingException;
import org.intertrust.crypto.dealing.DealingRecord;
import org.intertrust.gateway.protocol.certificate.CertificateException;
import org.intertrust.gateway.protocol.certificate.CrossAsCertificate;
import org.intertrust.gateway.protocol.certificate.CrossAsStatement;
import org.intertrust.gateway.protocol.certificate.ProofChecker;
import org.intertrust.gateway.protocol.certificate.TransactionProof;
import org.intertrust.gateway.protocol.collect.ShareCollector;
import org.intertrust.gateway.protocol.dealing.DealingReference;
import org.intertrust.gateway.protocol.lifecycle.DuplicateFilter;
import org.intertrust.gateway.protocol.lifecycle.DuplicateFilter.Admission;
import org.intertrust.gateway.protocol.routing.GatewayId;
import org.intertrust.ledger.value.CrossAsTxId;

/**
 * The destination side (G_Y): deals lock keys for the peer's replicas on request, checks relayed
 * lock proofs before anything reaches its AS, submits them for ordering, collects the DECISION
 * shares of its replicas once its AS decided, and answers every request for the decision with the
 * same certificate (DESIGN.md §4: Y decides once; later requests get the same decision). After the
 * deadline, a query for an undecided transaction makes it ask its AS to order an EXPIRE entry; the
 * ledger decides RELEASE only if the transaction was not executed.
 */
final class DestinationSide {
  private final CoreContext context;
  private final ProofChecker checker;
  private final DuplicateFilter<TransactionProof> answered;
  private final Map<CrossAsTxId, Transaction> transactions = new HashMap<>();

  private static final class Transaction {
    GatewayId requester;
    final DealingRecord decisionDealing;
    Optional<ShareCollector> collector = Optional.empty();

    Transaction(GatewayId requester, DealingRecord decisionDealing) {
      this.requester = requester;
      this.decisionDealing = decisionDealing;
    }
  }

  DestinationSide(CoreContext context) {
    this.context = context;
    this.checker = new ProofChecker(context.config.ownAs().as(), context::peerProofKey);
    this.answered = new DuplicateFilter<>(context.config.duplicateCapacity());
  }

  void onDealingRequest(Sender.Gateway from, GatewayMessage.DealingRequest request, long now) {
    try {
      DealingRecord record = context.schedule.dealingFor(request.tx(), now).record();
      context.emit(
          new GatewayAction.SendToGateway(
              from.id(), new GatewayMessage.DealingNotice(request.tx(), record)));
    } catch (DealingException e) {
      context.reject(from, RejectReason.BAD_DEALING, e.getMessage());
    }
  }

  void onLockRelay(Sender.Gateway from, GatewayMessage.LockRelay relay) {
    CrossAsTxId tx = relay.lock().statement().tx();
    Admission<TransactionProof> admission = answered.admit(tx);
    if (answerIfKnown(from, tx, admission)) {
      return;
    }
    if (!context.acceptOwnAsDealing(relay.lockDealing())) {
      answered.forget(tx);
      context.reject(from, RejectReason.BAD_DEALING, "lock dealing not made by this AS");
      return;
    }
    try {
      checker.check(relay.lock(), context.config.peer().as(), CrossAsStatement.Lock.class);
    } catch (CertificateException e) {
      answered.forget(tx);
      context.reject(from, RejectReason.BAD_PROOF, e.getMessage());
      return;
    }
    if (start(from, tx, relay.decisionDealing())) {
      context.emit(new GatewayAction.SubmitProof(relay.lock()));
    }
  }

  void onDecisionQuery(Sender.Gateway from, GatewayMessage.DecisionQuery query) {
    Admission<TransactionProof> admission = answered.admit(query.tx());
    Transaction inProgress = transactions.get(query.tx());
    if (admission instanceof Admission.InProgress && inProgress != null) {
      // A relay was submitted but no decision formed (its mint may have come too late, or been
      // lost): the query is after the deadline, so ask the AS to order the EXPIRE entry. The
      // ledger decides once; an expiry after an UNLOCK is rejected and the UNLOCK stands.
      // If the AS decided already, its replicas' shares may have been lost (or gone to a gateway
      // that crashed): delivering the dealing again makes the replicas that signed send them again.
      inProgress.requester = from.id();
      redeliver(query.tx(), inProgress);
      context.emit(new GatewayAction.SubmitExpire(query.tx(), query.source(), query.deadline()));
      return;
    }
    if (answerIfKnown(from, query.tx(), admission)) {
      return;
    }
    if (start(from, query.tx(), query.decisionDealing())) {
      context.emit(new GatewayAction.SubmitExpire(query.tx(), query.source(), query.deadline()));
    }
  }

  /** Answers from the filter; true if the input is fully handled (answered, dropped or refused). */
  private boolean answerIfKnown(
      Sender.Gateway from, CrossAsTxId tx, Admission<TransactionProof> admission) {
    if (admission instanceof Admission.Answered<TransactionProof> known) {
      context.emit(
          new GatewayAction.SendToGateway(
              from.id(), new GatewayMessage.DecisionReply(known.answer())));
      return true;
    }
    if (admission instanceof Admission.Busy) {
      context.reject(from, RejectReason.BUSY, tx.toString());
      return true;
    }
    if (admission instanceof Admission.InProgress) {
      Transaction transaction = transactions.get(tx);
      if (transaction != null) {
        transaction.requester = from.id();
        redeliver(tx, transaction);
        return true;
      }
    }
    return false;
  }

  /**
   * The peer asks again and no decision certificate has formed: a replica may have missed the
   * decision dealing, or its share may have been lost. Deliver the dealing again; a replica that
   * already signed answers with its share again.
   */
  private void redeliver(CrossAsTxId tx, Transaction transaction) {
    context.emit(
        new GatewayAction.SendToReplicas(
            new GatewayMessage.DealingDelivery(tx, transaction.decisionDealing)));
  }

  /** Registers the transaction and delivers the decision dealing; false if the dealing is bad. */
  private boolean start(Sender.Gateway from, CrossAsTxId tx, DealingRecord decisionDealing) {
    Optional<String> problem = context.acceptPeerDealing(decisionDealing);
    if (problem.isPresent()) {
      answered.forget(tx);
      context.reject(from, RejectReason.BAD_DEALING, problem.get());
      return false;
    }
    transactions.put(tx, new Transaction(from.id(), decisionDealing));
    context.emit(
        new GatewayAction.SendToReplicas(new GatewayMessage.DealingDelivery(tx, decisionDealing)));
    return true;
  }

  void onDecisionCommitted(CrossAsStatement.DecisionStatement decision) {
    Transaction transaction = transactions.get(decision.tx());
    if (transaction == null) {
      return; // another gateway of this AS carries it: every gateway follows its AS's ledger
    }
    if (transaction.collector.isEmpty()) {
      transaction.collector =
          context.collector(decision, DealingReference.of(transaction.decisionDealing));
    }
  }

  void onShare(Sender from, GatewayMessage.ShareSubmission submission) {
    CrossAsTxId tx = ((CrossAsStatement.DecisionStatement) submission.statement()).tx();
    Transaction transaction = transactions.get(tx);
    Optional<CrossAsCertificate> certificate =
        Outcomes.offer(
            context,
            from,
            transaction == null ? Optional.empty() : transaction.collector,
            submission,
            "no decision collected for " + tx);
    if (certificate.isPresent()) {
      answer(tx, transaction, new TransactionProof.Direct(certificate.get()));
    }
  }

  /**
   * Batch mode: a batch certificate of its AS covers the decision on a transaction this gateway
   * carries: answer its requester with the batched proof (and every later request, from the
   * filter).
   */
  void onDecisionProof(TransactionProof proof) {
    CrossAsTxId tx = proof.statement().tx();
    Transaction transaction = transactions.get(tx);
    if (transaction != null) {
      answer(tx, transaction, proof);
    }
  }

  private void answer(CrossAsTxId tx, Transaction transaction, TransactionProof proof) {
    answered.answer(tx, proof);
    context.emit(
        new GatewayAction.SendToGateway(
            transaction.requester, new GatewayMessage.DecisionReply(proof)));
  }

  long signatureChecks() {
    return checker.signatureChecks();
  }
}
