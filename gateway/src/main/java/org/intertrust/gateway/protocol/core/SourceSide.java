package org.intertrust.gateway.protocol.core;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.intertrust.crypto.dealing.DealingException;
import org.intertrust.crypto.dealing.DealingRecord;
import org.intertrust.gateway.protocol.certificate.CertificateException;
import org.intertrust.gateway.protocol.certificate.CrossAsStatement;
import org.intertrust.gateway.protocol.certificate.ProofChecker;
import org.intertrust.gateway.protocol.certificate.TransactionProof;
import org.intertrust.gateway.protocol.collect.ShareCollector;
import org.intertrust.gateway.protocol.core.GatewayMessage.DealingNotice;
import org.intertrust.gateway.protocol.core.GatewayMessage.DecisionReply;
import org.intertrust.gateway.protocol.dealing.DealingReference;
import org.intertrust.gateway.protocol.lifecycle.CrossAsLifecycle;
import org.intertrust.gateway.protocol.lifecycle.CrossAsPhase;
import org.intertrust.gateway.protocol.lifecycle.CrossAsStatusView;
import org.intertrust.gateway.protocol.lifecycle.IllegalTransitionException;
import org.intertrust.gateway.protocol.routing.GatewaySelector;
import org.intertrust.gateway.protocol.routing.Route;
import org.intertrust.ledger.value.ConsensusTime;
import org.intertrust.ledger.value.CrossAsTxId;

/**
 * The source side (G_X): asks the peer for the lock dealing, collects LOCKED shares, relays the
 * lock certificate with the decision dealing, fails over on timeout, asks for the decision after
 * the deadline, and submits the decision certificate to its AS. X changes state only on that
 * certificate (DESIGN.md §4): the timer never decides anything.
 */
final class SourceSide {
  private final CoreContext context;
  private final GatewaySelector selector;
  private final ProofChecker checker;
  private final Map<CrossAsTxId, Transaction> transactions = new HashMap<>();

  private static final class Transaction {
    final CrossAsLifecycle lifecycle;
    final Route route;
    final ConsensusTime deadline;
    Optional<DealingRecord> lockDealing = Optional.empty();
    Optional<ShareCollector> collector = Optional.empty();
    Optional<GatewayMessage.LockRelay> relay = Optional.empty();
    Optional<DealingRecord> queryDealing = Optional.empty();

    Transaction(CrossAsTxId tx, Route route, ConsensusTime deadline) {
      this.lifecycle = new CrossAsLifecycle(tx);
      this.route = route;
      this.deadline = deadline;
    }
  }

  SourceSide(CoreContext context, GatewaySelector selector) {
    this.context = context;
    this.selector = selector;
    this.checker = new ProofChecker(context.config.ownAs().as(), context::peerProofKey);
  }

  void onClientRequest(GatewayEvent.ClientRequest request) {
    if (transactions.containsKey(request.tx())) {
      return;
    }
    Route route =
        selector.route(request.tx(), context.config.ownAs().as(), context.config.peer().as());
    transactions.put(request.tx(), new Transaction(request.tx(), route, request.deadline()));
    context.emit(
        new GatewayAction.SendToGateway(
            route.current().destination(), new GatewayMessage.DealingRequest(request.tx())));
    context.emit(new GatewayAction.SetTimer(request.tx(), context.config.relayTimeoutMillis()));
  }

  void onDealingNotice(Sender from, DealingNotice notice) {
    Transaction transaction = transactions.get(notice.tx());
    if (transaction == null) {
      context.reject(from, RejectReason.UNKNOWN_TRANSACTION, notice.tx().toString());
      return;
    }
    Optional<String> problem = context.acceptPeerDealing(notice.record());
    if (problem.isPresent()) {
      context.reject(from, RejectReason.BAD_DEALING, problem.get());
      return;
    }
    if (transaction.lockDealing.isEmpty()) {
      transaction.lockDealing = Optional.of(notice.record());
      context.emit(
          new GatewayAction.SendToReplicas(
              new GatewayMessage.DealingDelivery(notice.tx(), notice.record())));
    }
  }

  void onLockCommitted(Sender self, CrossAsStatement.Lock lock) {
    onLockCommitted(self, lock, true);
  }

  /**
   * Its AS locked the funds: LOCKED; with {@code collect}, a collector for the lock's own shares
   * (per-transaction certificates; in batch mode the batch collects them).
   */
  void onLockCommitted(Sender self, CrossAsStatement.Lock lock, boolean collect) {
    Transaction transaction = transactions.get(lock.tx());
    if (transaction == null) {
      return; // another gateway of this AS carries it: every gateway follows its AS's ledger
    }
    if (transaction.lockDealing.isEmpty()) {
      context.reject(self, RejectReason.UNKNOWN_TRANSACTION, "no dealing for " + lock.tx());
      return;
    }
    try {
      transaction.lifecycle.onLocked();
    } catch (IllegalTransitionException e) {
      context.reject(self, RejectReason.ILLEGAL_TRANSITION, e.getMessage());
      return;
    }
    if (collect) {
      transaction.collector =
          context.collector(lock, DealingReference.of(transaction.lockDealing.get()));
    }
  }

  /**
   * Batch mode: a batch certificate of its AS covers this gateway's {@code lock}: relay the batched
   * proof, once. The batch must be under the dealing this gateway delivered for the transaction
   * (the one the relay names and Y checks it under).
   */
  void onLockProof(Sender self, TransactionProof lock, long now) {
    CrossAsTxId tx = lock.statement().tx();
    Transaction transaction = transactions.get(tx);
    if (transaction == null || transaction.relay.isPresent()) {
      return; // another gateway of this AS carries it, or it is relayed already
    }
    if (transaction.lockDealing.isEmpty()
        || !DealingReference.of(transaction.lockDealing.get()).equals(lock.dealing())
        || transaction.lifecycle.phase() != CrossAsPhase.LOCKED) {
      context.reject(self, RejectReason.BAD_PROOF, "batch proof of " + tx + " not its lock's");
      return;
    }
    relay(tx, transaction, lock, now);
  }

  void onShare(Sender from, GatewayMessage.ShareSubmission submission, long now) {
    CrossAsTxId tx = ((CrossAsStatement.Lock) submission.statement()).tx();
    Transaction transaction = transactions.get(tx);
    Outcomes.offer(
            context,
            from,
            transaction == null ? Optional.empty() : transaction.collector,
            submission,
            "no lock collected for " + tx)
        .ifPresent(
            certificate -> relay(tx, transaction, new TransactionProof.Direct(certificate), now));
  }

  private void relay(CrossAsTxId tx, Transaction transaction, TransactionProof lock, long now) {
    DealingRecord decisionDealing;
    try {
      decisionDealing = context.schedule.dealingFor(tx, now).record();
    } catch (DealingException e) {
      context.reject(
          new Sender.Gateway(context.config.self()), RejectReason.BAD_DEALING, e.getMessage());
      return;
    }
    GatewayMessage.LockRelay relay =
        new GatewayMessage.LockRelay(lock, transaction.lockDealing.get(), decisionDealing);
    transaction.relay = Optional.of(relay);
    try {
      transaction.lifecycle.onRelayed();
    } catch (IllegalTransitionException e) {
      throw new IllegalStateException("a lock certificate is made once per transaction", e);
    }
    context.emit(new GatewayAction.SendToGateway(transaction.route.current().destination(), relay));
    context.emit(new GatewayAction.SetTimer(tx, context.config.relayTimeoutMillis()));
  }

  void onDecisionReply(Sender from, DecisionReply reply) {
    CrossAsTxId tx = reply.decision().statement().tx();
    Transaction transaction = transactions.get(tx);
    if (transaction == null) {
      context.reject(from, RejectReason.UNKNOWN_TRANSACTION, tx.toString());
      return;
    }
    try {
      checker.check(
          reply.decision(), context.config.peer().as(), CrossAsStatement.DecisionStatement.class);
    } catch (CertificateException e) {
      context.reject(from, RejectReason.BAD_PROOF, e.getMessage());
      return;
    }
    CrossAsStatement.DecisionStatement decision =
        (CrossAsStatement.DecisionStatement) reply.decision().statement();
    boolean first = transaction.lifecycle.phase().compareTo(CrossAsPhase.DECIDED) < 0;
    try {
      transaction.lifecycle.onDecided(decision.decision(), decision.reason());
    } catch (IllegalTransitionException e) {
      context.reject(from, RejectReason.ILLEGAL_TRANSITION, e.getMessage());
      return;
    }
    if (first) {
      context.emit(new GatewayAction.SubmitProof(reply.decision()));
    }
  }

  void onTimer(GatewayEvent.TimerFired timer) {
    Transaction transaction = transactions.get(timer.tx());
    if (transaction == null || transaction.lifecycle.phase().compareTo(CrossAsPhase.DECIDED) >= 0) {
      return;
    }
    if (transaction.relay.isEmpty() && transaction.lockDealing.isPresent()) {
      // A replica may have missed the dealing (messages get lost): deliver it again. A replica
      // that already signed answers a repeated delivery with its share again.
      context.emit(
          new GatewayAction.SendToReplicas(
              new GatewayMessage.DealingDelivery(timer.tx(), transaction.lockDealing.get())));
    }
    Route.Side side = Route.Side.DESTINATION;
    var next = transaction.route.onTimeout(side).destination();
    Optional<GatewayMessage> message = retry(timer.tx(), transaction, timer.now());
    message.ifPresent(m -> context.emit(new GatewayAction.SendToGateway(next, m)));
    context.emit(new GatewayAction.SetTimer(timer.tx(), context.config.relayTimeoutMillis()));
  }

  /**
   * What to send again: after the deadline (compared with local time, so only ever a trigger for a
   * query), the decision query; before it, the relay if the lock is certified, else the dealing
   * request. A lock that was never certified (its shares lost or withheld) is queried too once
   * locked: Y then orders the EXPIRE entry and decides RELEASE, so the escrow is not stranded.
   */
  private Optional<GatewayMessage> retry(CrossAsTxId tx, Transaction transaction, long now) {
    boolean locked = transaction.lifecycle.phase() != CrossAsPhase.REQUESTED;
    if (now > transaction.deadline.millis() && (transaction.relay.isPresent() || locked)) {
      Optional<DealingRecord> dealing =
          transaction.relay.isPresent()
              ? Optional.of(transaction.relay.get().decisionDealing())
              : queryDealing(tx, transaction, now);
      return dealing.map(
          d ->
              new GatewayMessage.DecisionQuery(
                  tx, context.config.ownAs().as(), transaction.deadline, d));
    }
    if (transaction.relay.isPresent()) {
      return Optional.of(transaction.relay.get());
    }
    return transaction.lifecycle.phase() == CrossAsPhase.REQUESTED
        ? Optional.of(new GatewayMessage.DealingRequest(tx))
        : Optional.empty();
  }

  /** The decision dealing of a query without a relay: made once, the same in every query. */
  private Optional<DealingRecord> queryDealing(CrossAsTxId tx, Transaction transaction, long now) {
    if (transaction.queryDealing.isEmpty()) {
      try {
        transaction.queryDealing = Optional.of(context.schedule.dealingFor(tx, now).record());
      } catch (DealingException e) {
        context.reject(
            new Sender.Gateway(context.config.self()), RejectReason.BAD_DEALING, e.getMessage());
      }
    }
    return transaction.queryDealing;
  }

  void onFinalized(Sender self, CrossAsTxId tx) {
    Transaction transaction = transactions.get(tx);
    if (transaction == null) {
      return;
    }
    try {
      transaction.lifecycle.onFinal();
      context.schedule.forget(tx);
    } catch (IllegalTransitionException e) {
      context.reject(self, RejectReason.ILLEGAL_TRANSITION, e.getMessage());
    }
  }

  Optional<CrossAsStatusView> status(CrossAsTxId tx) {
    return Optional.ofNullable(transactions.get(tx)).map(t -> t.lifecycle.view());
  }

  long signatureChecks() {
    return checker.signatureChecks();
  }
}
