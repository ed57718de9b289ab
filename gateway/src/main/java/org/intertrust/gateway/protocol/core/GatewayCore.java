package org.intertrust.gateway.protocol.core;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.intertrust.crypto.bls.ThresholdCombiner;
import org.intertrust.gateway.protocol.certificate.CrossAsStatement;
import org.intertrust.gateway.protocol.dealing.DealingPort;
import org.intertrust.gateway.protocol.dealing.DealingSchedule;
import org.intertrust.gateway.protocol.lifecycle.CrossAsStatusView;
import org.intertrust.gateway.protocol.routing.GatewaySelector;
import org.intertrust.ledger.value.CrossAsTxId;

/**
 * A gateway as a pure state machine (first cut): one gateway, one peer AS, both roles. Events in
 * ({@link GatewayEvent}), actions out ({@link GatewayAction}), like the consensus replica: no clock
 * (time comes with each event), no I/O (messages, submissions and timers are actions), and
 * randomness only from the injected generator (the combiner's blame weights), so a simulated run
 * replays from its seed. Bad input is rejected with a {@link RejectReason} action, never thrown.
 *
 * <p>Scope of this cut: one peer AS (a gateway serving several peers runs one core per peer); a
 * transaction's dealing request goes to the first destination gateway of its route. Certificates
 * are per transaction ({@link GatewayEvent.Committed}) or per block ({@link
 * GatewayEvent.BatchCommitted}, ADR 0009): the core follows what its replicas sign.
 */
public final class GatewayCore {
  private final GatewayCoreConfig config;
  private final CoreContext context;
  private final SourceSide source;
  private final DestinationSide destination;
  private final BatchSide batches;

  /**
   * A core with the given configuration, dealing through {@code dealer} (the enclave), choosing
   * routes with {@code selector}, and weighting blame checks with {@code random}.
   */
  public GatewayCore(
      GatewayCoreConfig config,
      DealingPort dealer,
      GatewaySelector selector,
      RandomGenerator random) {
    this.config = Objects.requireNonNull(config, "config");
    DealingSchedule schedule =
        new DealingSchedule(
            config.ownAs().as(),
            config.peer().configuration(),
            config.dealingMode(),
            config.rotation(),
            dealer,
            0);
    this.context = new CoreContext(config, schedule, new ThresholdCombiner(random));
    this.source = new SourceSide(context, selector);
    this.destination = new DestinationSide(context);
    this.batches = new BatchSide(context, source, destination);
  }

  /** Handles one event and returns the actions it causes, in order. */
  public List<GatewayAction> handle(GatewayEvent event) {
    if (event instanceof GatewayEvent.ClientRequest request) {
      source.onClientRequest(request);
    } else if (event instanceof GatewayEvent.Received received) {
      onReceived(received);
    } else if (event instanceof GatewayEvent.TimerFired timer) {
      source.onTimer(timer);
    } else if (event instanceof GatewayEvent.Committed committed) {
      onCommitted(committed);
    } else if (event instanceof GatewayEvent.BatchCommitted batch) {
      batches.onBatchCommitted(self(), batch);
    } else if (event instanceof GatewayEvent.Resumed resumed) {
      source.onResumed(self(), resumed);
    } else {
      source.onFinalized(self(), ((GatewayEvent.Finalized) event).tx());
    }
    return context.drain();
  }

  private void onReceived(GatewayEvent.Received received) {
    Sender from = received.from();
    GatewayMessage message = received.message();
    if (from instanceof Sender.Replica) {
      onReplicaMessage(from, message, received.now());
      return;
    }
    Sender.Gateway gateway = (Sender.Gateway) from;
    if (!gateway.id().as().equals(config.peer().as())) {
      context.reject(from, RejectReason.WRONG_SENDER, "gateway of " + gateway.id().as());
    } else if (message instanceof GatewayMessage.DealingRequest request) {
      destination.onDealingRequest(gateway, request, received.now());
    } else if (message instanceof GatewayMessage.DealingNotice notice) {
      source.onDealingNotice(from, notice);
    } else if (message instanceof GatewayMessage.LockRelay relay) {
      destination.onLockRelay(gateway, relay);
    } else if (message instanceof GatewayMessage.DecisionQuery query) {
      destination.onDecisionQuery(gateway, query);
    } else if (message instanceof GatewayMessage.DecisionReply reply) {
      source.onDecisionReply(from, reply);
    } else {
      context.reject(from, RejectReason.WRONG_SENDER, message.getClass().getSimpleName());
    }
  }

  private void onReplicaMessage(Sender from, GatewayMessage message, long now) {
    if (!(message instanceof GatewayMessage.ShareSubmission submission)
        || !submission.statement().sourceAs().equals(config.ownAs().as())
        || !submission.statement().destinationAs().equals(config.peer().as())) {
      context.reject(from, RejectReason.WRONG_SENDER, "replicas send shares of their own AS");
    } else if (submission.statement() instanceof CrossAsStatement.Lock) {
      source.onShare(from, submission, now);
    } else if (submission.statement() instanceof CrossAsStatement.DecisionStatement) {
      destination.onShare(from, submission);
    } else {
      batches.onShare(from, submission, now);
    }
  }

  private void onCommitted(GatewayEvent.Committed committed) {
    CrossAsStatement.TransactionStatement statement = committed.statement();
    if (!statement.sourceAs().equals(config.ownAs().as())) {
      context.reject(self(), RejectReason.WRONG_SENDER, "commit of another AS: " + statement);
    } else if (statement instanceof CrossAsStatement.Lock lock) {
      source.onLockCommitted(self(), lock);
    } else {
      destination.onDecisionCommitted((CrossAsStatement.DecisionStatement) statement);
    }
  }

  private Sender self() {
    return new Sender.Gateway(config.self());
  }

  /** What a client sees of {@code tx}, if this gateway carries it as the source gateway. */
  public Optional<CrossAsStatusView> status(CrossAsTxId tx) {
    return source.status(tx);
  }

  /** How many certificates this gateway combined from its replicas' shares. */
  public long certificatesCombined() {
    return context.certificatesCombined();
  }

  /** How many threshold signatures of the peer's proofs this gateway verified. */
  public long signatureChecks() {
    return source.signatureChecks() + destination.signatureChecks();
  }

  /** How many dealings this gateway's enclave made. */
  public long dealingsMade() {
    return context.schedule.dealingsMade();
  }
}
