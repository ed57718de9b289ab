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
    Optional<DealingRecord> decisionDealing = Optional.empty();
    Optional<TransactionProof> decision = Optional.empty();

    Transaction(CrossAsLifecycle lifecycle, Route route, ConsensusTime deadline) {
      this.lifecycle = lifecycle;
      this.route = route;
      this.deadline = deadline;
    }

    SourceSnapshot snapshot(CrossAsTxId tx) {
      return new SourceSnapshot(
          tx, deadline, lifecycle.phase(), lockDealing, decisionDealing, relay, decision);
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
    Transaction transaction =
        new Transaction(new CrossAsLifecycle(request.tx()), route, request.deadline());
    transactions.put(request.tx(), transaction);
    persist(request.tx(), transaction);
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
      persist(notice.tx(), transaction);
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
    if (transaction.lifecycle.phase() != CrossAsPhase.LOCKED) {
      return; // decided by expiry before its lock certificate formed: nothing left to relay
    }
    Optional<DealingRecord> decisionDealing = decisionDealing(tx, transaction, now);
    if (decisionDealing.isEmpty()) {
      return;
    }
    GatewayMessage.LockRelay relay =
        new GatewayMessage.LockRelay(lock, transaction.lockDealing.get(), decisionDealing.get());
    transaction.relay = Optional.of(relay);
    try {
      transaction.lifecycle.onRelayed();
    } catch (IllegalTransitionException e) {
      throw new IllegalStateException("a lock certificate is made once per transaction", e);
    }
    persist(tx, transaction);
    context.emit(new GatewayAction.SendToGateway(transaction.route.current().destination(), relay));
    context.emit(new GatewayAction.SetTimer(tx, context.config.relayTimeoutMillis()));
  }

  /**
   * The dealing this gateway gives the peer's replicas for {@code tx}'s decision: the one it used
   * before (persisted, so a restart does not change it), or a new one from its schedule.
   */
  private Optional<DealingRecord> decisionDealing(
      CrossAsTxId tx, Transaction transaction, long now) {
    if (transaction.decisionDealing.isEmpty()) {
      try {
        transaction.decisionDealing = Optional.of(context.schedule.dealingFor(tx, now).record());
      } catch (DealingException e) {
        context.reject(
            new Sender.Gateway(context.config.self()), RejectReason.BAD_DEALING, e.getMessage());
      }
    }
    return transaction.decisionDealing;
  }

  private void persist(CrossAsTxId tx, Transaction transaction) {
    context.emit(new GatewayAction.Persist(transaction.snapshot(tx)));
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
      transaction.decision = Optional.of(reply.decision());
      persist(tx, transaction);
      context.emit(new GatewayAction.SubmitProof(reply.decision()));
    }
  }

  void onTimer(GatewayEvent.TimerFired timer) {
    Transaction transaction = transactions.get(timer.tx());
    if (transaction == null || transaction.lifecycle.phase() == CrossAsPhase.FINAL) {
      return;
    }
    if (transaction.lifecycle.phase() == CrossAsPhase.DECIDED) {
      // Not FINAL yet: the submission may have been lost; the ledger applies it at most once.
      transaction.decision.ifPresent(d -> context.emit(new GatewayAction.SubmitProof(d)));
      context.emit(new GatewayAction.SetTimer(timer.tx(), context.config.relayTimeoutMillis()));
      return;
    }
    if (transaction.lifecycle.phase() == CrossAsPhase.LOCKED
        && transaction.relay.isEmpty()
        && transaction.lockDealing.isPresent()) {
      // Locked, not certified: a replica may have missed the dealing (messages get lost), so
      // deliver it again; one that already signed answers with its share again (ADR 0016). In
      // REQUESTED, retry() delivers it (ADR 0015).
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
    CrossAsPhase phase = transaction.lifecycle.phase();
    if (now > transaction.deadline.millis() && phase != CrossAsPhase.REQUESTED) {
      // Locked (certified or not: its shares may have gone to this gateway before a crash) and
      // past the deadline: ask for the decision; Y releases what it did not execute.
      boolean fresh = transaction.decisionDealing.isEmpty();
      Optional<DealingRecord> dealing = decisionDealing(tx, transaction, now);
      if (fresh && dealing.isPresent()) {
        persist(tx, transaction); // before the query names it
      }
      return dealing.map(
          d ->
              new GatewayMessage.DecisionQuery(
                  tx, context.config.ownAs().as(), transaction.deadline, d));
    }
    if (transaction.relay.isPresent()) {
      return Optional.of(transaction.relay.get());
    }
    if (phase == CrossAsPhase.REQUESTED && transaction.lockDealing.isPresent()) {
      // The lock may have committed while the shares were lost (a restart): delivering the dealing
      // again makes the replicas that signed send their shares again.
      context.emit(
          new GatewayAction.SendToReplicas(
              new GatewayMessage.DealingDelivery(tx, transaction.lockDealing.get())));
      return Optional.empty();
    }
    return phase == CrossAsPhase.REQUESTED
        ? Optional.of(new GatewayMessage.DealingRequest(tx))
        : Optional.empty();
  }

  /**
   * After a restart: takes up a transaction this gateway carried (ADR 0015). Dealings are accepted
   * again (their keys check the shares and the decision proof); a transaction without a relay
   * resumes in REQUESTED with its lock dealing delivered again, so that the replicas' shares, lost
   * with the crash, come again and its lock commit is learned again; a relayed one resumes RELAYED;
   * a decided one DECIDED, with its decision submitted again (the submission may have been lost).
   * Every one gets its timer again: until FINAL, a decided one is submitted again on each.
   */
  void onResumed(Sender self, GatewayEvent.Resumed resumed) {
    SourceSnapshot snapshot = resumed.snapshot();
    CrossAsTxId tx = snapshot.tx();
    if (transactions.containsKey(tx)) {
      return;
    }
    if (snapshot.phase() == CrossAsPhase.FINAL) {
      resumeFinal(snapshot);
      return;
    }
    Optional<String> problem = snapshot.lockDealing().flatMap(context::acceptPeerDealing);
    if (problem.isPresent()
        || !snapshot.decisionDealing().map(context::acceptOwnAsDealing).orElse(true)) {
      context.reject(self, RejectReason.BAD_DEALING, "resumed " + tx + ": " + problem);
      return;
    }
    Optional<CrossAsStatement.DecisionStatement> decided =
        snapshot.decision().map(d -> (CrossAsStatement.DecisionStatement) d.statement());
    CrossAsPhase phase =
        decided.isPresent()
            ? CrossAsPhase.DECIDED
            : snapshot.relay().isPresent() ? CrossAsPhase.RELAYED : CrossAsPhase.REQUESTED;
    CrossAsLifecycle lifecycle =
        CrossAsLifecycle.resumed(
            tx,
            phase,
            decided.map(CrossAsStatement.DecisionStatement::decision),
            decided.map(CrossAsStatement.DecisionStatement::reason).orElse(""));
    Route route = selector.route(tx, context.config.ownAs().as(), context.config.peer().as());
    Transaction transaction = new Transaction(lifecycle, route, snapshot.deadline());
    transaction.lockDealing = snapshot.lockDealing();
    transaction.decisionDealing = snapshot.decisionDealing();
    transaction.relay = snapshot.relay();
    transaction.decision = snapshot.decision();
    transactions.put(tx, transaction);
    if (decided.isPresent()) {
      context.emit(new GatewayAction.SubmitProof(snapshot.decision().get()));
      context.emit(new GatewayAction.SetTimer(tx, context.config.relayTimeoutMillis()));
      return;
    }
    snapshot
        .lockDealing()
        .filter(d -> phase == CrossAsPhase.REQUESTED)
        .ifPresent(
            d ->
                context.emit(
                    new GatewayAction.SendToReplicas(new GatewayMessage.DealingDelivery(tx, d))));
    context.emit(new GatewayAction.SetTimer(tx, context.config.relayTimeoutMillis()));
  }

  /** A FINAL transaction comes back for its status only: nothing is left to do for it. */
  private void resumeFinal(SourceSnapshot snapshot) {
    CrossAsStatement.DecisionStatement decided =
        (CrossAsStatement.DecisionStatement) snapshot.decision().orElseThrow().statement();
    CrossAsLifecycle lifecycle =
        CrossAsLifecycle.resumed(
            snapshot.tx(), CrossAsPhase.FINAL, Optional.of(decided.decision()), decided.reason());
    Route route =
        selector.route(snapshot.tx(), context.config.ownAs().as(), context.config.peer().as());
    Transaction transaction = new Transaction(lifecycle, route, snapshot.deadline());
    transaction.decision = snapshot.decision();
    transactions.put(snapshot.tx(), transaction);
  }

  void onFinalized(Sender self, CrossAsTxId tx) {
    Transaction transaction = transactions.get(tx);
    if (transaction == null) {
      return;
    }
    try {
      transaction.lifecycle.onFinal();
      context.schedule.forget(tx);
      // Only what a client still reads after a restart: the phase and the decision.
      context.emit(
          new GatewayAction.Persist(
              new SourceSnapshot(
                  tx,
                  transaction.deadline,
                  CrossAsPhase.FINAL,
                  Optional.empty(),
                  Optional.empty(),
                  Optional.empty(),
                  transaction.decision)));
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
