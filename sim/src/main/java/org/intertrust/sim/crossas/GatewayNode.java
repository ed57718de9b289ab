package org.intertrust.sim.crossas;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.intertrust.crypto.dealing.DealingRecord;
import org.intertrust.crypto.encoding.AsId;
import org.intertrust.crypto.identity.IdentityPublicKey;
import org.intertrust.gateway.protocol.certificate.Batches;
import org.intertrust.gateway.protocol.certificate.CrossAsStatement;
import org.intertrust.gateway.protocol.certificate.TransactionProof;
import org.intertrust.gateway.protocol.core.GatewayAction;
import org.intertrust.gateway.protocol.core.GatewayCore;
import org.intertrust.gateway.protocol.core.GatewayEvent;
import org.intertrust.gateway.protocol.core.GatewayMessage;
import org.intertrust.gateway.protocol.core.Sender;
import org.intertrust.gateway.protocol.core.SourceSnapshot;
import org.intertrust.gateway.protocol.dealing.DealingReference;
import org.intertrust.gateway.protocol.lifecycle.CrossAsPhase;
import org.intertrust.gateway.protocol.lifecycle.CrossAsStatusView;
import org.intertrust.gateway.protocol.replica.CrossAsTerms;
import org.intertrust.gateway.protocol.replica.ProvenanceBundle;
import org.intertrust.gateway.protocol.routing.GatewayId;
import org.intertrust.gateway.protocol.wire.GatewayCodec;
import org.intertrust.gateway.protocol.wire.GatewayDecodingException;
import org.intertrust.gateway.protocol.wire.SourceSnapshotCodec;
import org.intertrust.ledger.tx.Decision;
import org.intertrust.ledger.tx.EscrowFinalize;
import org.intertrust.ledger.tx.EscrowRefund;
import org.intertrust.ledger.tx.ExpireEntry;
import org.intertrust.ledger.tx.Transaction;
import org.intertrust.ledger.tx.TransactionCodec;
import org.intertrust.ledger.value.AccountId;
import org.intertrust.ledger.value.CertificateBytes;
import org.intertrust.ledger.value.CrossAsTxId;
import org.intertrust.sim.NodeContext;
import org.intertrust.sim.SimNode;
import org.intertrust.sim.SimTimer;
import org.intertrust.sim.consensus.AsMessage;

/**
 * A gateway on the simulator: the pure {@link GatewayCore} (over a software {@link
 * org.intertrust.gateway.enclave.GatewayEnclave}) plus what the core's first cut leaves to its
 * host: turning submitted proofs into ledger transactions with their {@link ProvenanceBundle}
 * ({@link DestinationTransactions}), keeping each transaction's terms, and learning that its AS
 * committed a cross-AS record.
 *
 * <p>The gateway learns of a commit from its replicas' shares: once f+1 distinct replicas of its AS
 * sent a share on the same statement, at least one honest replica executed it, so it tells the core
 * {@link GatewayEvent.Committed} and offers the buffered shares. (A real gateway would follow its
 * AS's ledger through execution certificates.)
 */
final class GatewayNode implements SimNode<CrossAsMessage> {
  /** Where the gateway's peers and replicas are. */
  record Topology(
      AsId own,
      int replicaBase,
      int replicas,
      int faults,
      List<IdentityPublicKey> replicaKeys,
      Map<GatewayId, Integer> gatewayNodes) {}

  /**
   * Scripted misbehaviour of this gateway.
   *
   * @param replay sends every message to a peer gateway twice and submits every transaction to its
   *     replicas twice
   * @param forge before each proof it submits, submits a forged transaction on the same
   *     certificate: a mint of a thousand times the amount, a swap that asks Bob for less, a
   *     message with another payload, or a refund on an UNLOCK decision
   * @param drop ignores everything it receives (a gateway that is up but useless)
   */
  record Faults(boolean replay, boolean forge, boolean drop) {
    static final Faults NONE = new Faults(false, false, false);
  }

  private final Map<AsId, GatewayCore> cores;
  private final GatewayLinks links;
  private final Topology topology;
  private final Faults faults;
  private final CrossAsStats stats;
  private final Map<CrossAsTxId, CrossAsTerms> terms = new HashMap<>();
  private final Map<CrossAsTxId, AsId> peerOf = new HashMap<>();
  private final Map<CrossAsTxId, DealingRecord> lockDealings = new HashMap<>();
  private final Map<CrossAsTxId, DealingRecord> decisionDealings = new HashMap<>();
  private final Map<CrossAsStatement, Map<Integer, GatewayMessage.ShareSubmission>> buffered =
      new HashMap<>();
  private final java.util.Set<CrossAsStatement> committed = new java.util.HashSet<>();
  private final Map<BatchKey, PendingBatch> bufferedBatches = new HashMap<>();
  private final java.util.Set<BatchKey> committedBatches = new java.util.HashSet<>();

  private record BatchKey(CrossAsStatement.Batch batch, DealingReference dealing) {}

  /** Shares on a batch not yet known committed, and its leaves once a sender gave matching ones. */
  private static final class PendingBatch {
    final Map<Integer, GatewayMessage.ShareSubmission> shares = new TreeMap<>();
    Optional<List<CrossAsStatement.TransactionStatement>> leaves = Optional.empty();
  }

  private NodeContext<CrossAsMessage> context;
  private long combinedSeen;
  private long checksSeen;

  /**
   * A gateway running one core per peer AS ({@code cores}, by peer), talking only to peer gateways
   * whose {@code links} are open.
   */
  GatewayNode(
      Map<AsId, GatewayCore> cores,
      GatewayLinks links,
      Topology topology,
      CrossAsStats stats,
      Faults faults) {
    this.cores = new java.util.TreeMap<>(java.util.Comparator.comparingInt(AsId::value));
    this.cores.putAll(cores);
    this.links = links;
    this.faults = faults;
    this.topology = topology;
    this.stats = stats;
  }

  @Override
  public void onStart(NodeContext<CrossAsMessage> context) {
    this.context = context;
    links.hello(context);
    resume();
  }

  private static final String SOURCE_PREFIX = "gateway/source/";
  private static final String TERMS_PREFIX = "gateway/terms/";
  private static final String LOCK_PREFIX = "gateway/lock/";
  private static final SourceSnapshotCodec SNAPSHOTS = new SourceSnapshotCodec(new GatewayCodec());

  private static String sourceKey(CrossAsTxId tx) {
    return SOURCE_PREFIX + tx.hash();
  }

  private static String termsKey(CrossAsTxId tx) {
    return TERMS_PREFIX + tx.hash();
  }

  private static String lockKey(CrossAsTxId tx) {
    return LOCK_PREFIX + tx.hash();
  }

  /**
   * After a restart (ADR 0015): hands every transaction this gateway carried as a source, as it
   * last persisted it, back to the core for its peer AS, with the terms it relays; one not yet past
   * REQUESTED has its client's lock submitted to the replicas again (the first submission may have
   * been lost with the crash; a ledger takes it at most once). Nothing is stored on a first start.
   */
  private void resume() {
    for (String key : context.storage().keys(SOURCE_PREFIX)) {
      try {
        SourceSnapshot snapshot = SNAPSHOTS.decode(context.storage().get(key).orElseThrow());
        if (snapshot.phase() == CrossAsPhase.FINAL) {
          AsId peer = snapshot.decision().orElseThrow().statement().sourceAs();
          peerOf.put(snapshot.tx(), peer);
          perform(core(peer).handle(new GatewayEvent.Resumed(nowMillis(), snapshot)));
          continue;
        }
        CrossAsTerms stored =
            GatewayCodec.decodeTerms(context.storage().get(termsKey(snapshot.tx())).orElseThrow());
        CrossAsTxId tx = snapshot.tx();
        terms.put(tx, stored);
        peerOf.put(tx, stored.destination());
        snapshot.decisionDealing().ifPresent(d -> decisionDealings.put(tx, d));
        if (snapshot.phase() == CrossAsPhase.REQUESTED) {
          context
              .storage()
              .get(lockKey(tx))
              .ifPresent(
                  lock ->
                      toReplicas(new CrossAsMessage.Local(new AsMessage.ClientTransaction(lock))));
        }
        stats.resumed();
        perform(core(stored.destination()).handle(new GatewayEvent.Resumed(nowMillis(), snapshot)));
      } catch (GatewayDecodingException e) {
        throw new IllegalStateException("gateway storage holds a broken snapshot: " + key, e);
      }
    }
  }

  private long nowMillis() {
    return context.now() / 1_000_000L;
  }

  @Override
  public void onMessage(int from, CrossAsMessage message) {
    if (faults.drop()) {
      return;
    }
    if (message instanceof CrossAsMessage.Request request) {
      onRequest(request);
    } else if (message instanceof CrossAsMessage.Protocol protocol
        && protocol.message() instanceof GatewayMessage.ShareSubmission share
        && isOwnReplica(from)) {
      context.charge(CrossAsStats.ED25519_VERIFY);
      onShare(from - topology.replicaBase(), share);
    } else if (message instanceof CrossAsMessage.BatchShare batch
        && batch.share().statement() instanceof CrossAsStatement.Batch
        && isOwnReplica(from)) {
      context.charge(CrossAsStats.ED25519_VERIFY);
      onBatchShare(from - topology.replicaBase(), batch);
    } else if (message instanceof CrossAsMessage.Settled settled && isOwnReplica(from)) {
      onSettled(from - topology.replicaBase(), settled.tx());
    } else if (message instanceof CrossAsMessage.Handshake handshake) {
      links.onHandshake(context, from, handshake.message());
    } else if (message instanceof CrossAsMessage.BetweenGateways between) {
      if (links.isOpen(from)) {
        onPeer(from, between);
      } else {
        stats.rejected("UNATTESTED_GATEWAY");
      }
    }
  }

  private void onRequest(CrossAsMessage.Request request) {
    CrossAsTerms requested = request.terms();
    terms.put(requested.id(), requested);
    if (!context.storage().contains(termsKey(requested.id()))) {
      context.storage().put(termsKey(requested.id()), GatewayCodec.encodeTerms(requested));
      context.storage().put(lockKey(requested.id()), request.encodedLock());
    }
    toReplicas(new CrossAsMessage.Local(new AsMessage.ClientTransaction(request.encodedLock())));
    peerOf.put(requested.id(), requested.destination());
    perform(
        core(requested.destination())
            .handle(
                new GatewayEvent.ClientRequest(nowMillis(), requested.id(), requested.deadline())));
  }

  /**
   * A replica applied the decision on {@code tx} as the source: once f+1 distinct replicas said so,
   * an honest one did, and the core that carries {@code tx} moves it to FINAL.
   */
  private void onSettled(int replica, CrossAsTxId tx) {
    AsId peer = peerOf.get(tx);
    if (peer == null) {
      return; // another gateway of this AS carries it
    }
    java.util.Set<Integer> replicas = settledBy.computeIfAbsent(tx, t -> new java.util.TreeSet<>());
    if (replicas.add(replica) && replicas.size() == topology.faults() + 1) {
      perform(core(peer).handle(new GatewayEvent.Finalized(nowMillis(), tx)));
    }
  }

  private final Map<CrossAsTxId, java.util.Set<Integer>> settledBy = new HashMap<>();

  private void onShare(int replica, GatewayMessage.ShareSubmission share) {
    if (!(share.statement() instanceof CrossAsStatement.TransactionStatement statement)) {
      return;
    }
    Sender sender = new Sender.Replica(topology.replicaKeys().get(replica));
    GatewayCore core = core(statement.destinationAs());
    if (committed.contains(statement)) {
      perform(core.handle(new GatewayEvent.Received(nowMillis(), sender, share)));
      return;
    }
    Map<Integer, GatewayMessage.ShareSubmission> shares =
        buffered.computeIfAbsent(statement, s -> new TreeMap<>());
    shares.put(replica, share);
    if (shares.size() < topology.faults() + 1) {
      return;
    }
    buffered.remove(statement);
    committed.add(statement);
    perform(core.handle(new GatewayEvent.Committed(nowMillis(), statement)));
    shares.forEach(
        (index, submission) ->
            perform(
                core.handle(
                    new GatewayEvent.Received(
                        nowMillis(),
                        new Sender.Replica(topology.replicaKeys().get(index)),
                        submission))));
  }

  /**
   * A share on a batch: like {@link #onShare}, f+1 replicas' shares on the same batch mean that an
   * honest replica executed its block; the leaves come from any sender whose leaves hash to the
   * batch's root.
   */
  private void onBatchShare(int replica, CrossAsMessage.BatchShare message) {
    GatewayMessage.ShareSubmission share = message.share();
    CrossAsStatement.Batch batch = (CrossAsStatement.Batch) share.statement();
    BatchKey key = new BatchKey(batch, share.dealing());
    Sender sender = new Sender.Replica(topology.replicaKeys().get(replica));
    GatewayCore core = core(batch.destinationAs());
    if (committedBatches.contains(key)) {
      perform(core.handle(new GatewayEvent.Received(nowMillis(), sender, share)));
      return;
    }
    PendingBatch pending = bufferedBatches.computeIfAbsent(key, k -> new PendingBatch());
    pending.shares.put(replica, share);
    if (pending.leaves.isEmpty() && Batches.matches(batch, message.leaves())) {
      pending.leaves = Optional.of(message.leaves());
    }
    if (pending.shares.size() < topology.faults() + 1 || pending.leaves.isEmpty()) {
      return;
    }
    bufferedBatches.remove(key);
    committedBatches.add(key);
    perform(
        core.handle(
            new GatewayEvent.BatchCommitted(
                nowMillis(), batch, share.dealing(), pending.leaves.get())));
    pending.shares.forEach(
        (index, submission) ->
            perform(
                core.handle(
                    new GatewayEvent.Received(
                        nowMillis(),
                        new Sender.Replica(topology.replicaKeys().get(index)),
                        submission))));
  }

  private void onPeer(int from, CrossAsMessage.BetweenGateways between) {
    Optional<GatewayId> id = gatewayAt(from);
    if (id.isEmpty()) {
      stats.rejected("UNKNOWN_GATEWAY");
      return;
    }
    GatewayMessage message = between.message();
    between.terms().ifPresent(t -> terms.putIfAbsent(t.id(), t));
    if (message instanceof GatewayMessage.LockRelay relay) {
      lockDealings.putIfAbsent(relay.lock().statement().tx(), relay.lockDealing());
    }
    perform(
        core(id.get().as())
            .handle(new GatewayEvent.Received(nowMillis(), new Sender.Gateway(id.get()), message)));
  }

  /** What this gateway's core reports to a client about {@code tx}, if it carries it. */
  Optional<CrossAsStatusView> status(CrossAsTxId tx) {
    AsId peer = peerOf.get(tx);
    return peer == null ? Optional.empty() : core(peer).status(tx);
  }

  @Override
  public void onTimer(SimTimer timer) {
    if (timer.tag() == GatewayLinks.RETRY) {
      links.hello(context);
      return;
    }
    CrossAsTxId tx = (CrossAsTxId) timer.tag();
    AsId peer = peerOf.get(tx);
    if (peer != null) {
      perform(core(peer).handle(new GatewayEvent.TimerFired(nowMillis(), tx)));
    }
  }

  /**
   * The core for {@code peer}; a gateway of a two-AS run has one. An AS without a core here is
   * refused by the first one (its checks name the wrong AS).
   */
  private GatewayCore core(AsId peer) {
    GatewayCore core = cores.get(peer);
    return core != null ? core : cores.values().iterator().next();
  }

  /**
   * Performs the core's actions, first charging the crypto the core did for them: an Ed25519 wrap
   * check per replica share, a combination of k shares and its check per certificate, a pairing
   * check per peer proof signature.
   */
  private void perform(List<GatewayAction> actions) {
    long combined = -combinedSeen;
    long checks = -checksSeen;
    for (GatewayCore core : cores.values()) {
      combined += core.certificatesCombined();
      checks += core.signatureChecks();
    }
    combinedSeen += combined;
    checksSeen += checks;
    stats.gatewayWork(combined, checks);
    for (long i = 0; i < combined; i++) {
      context.charge(org.intertrust.sim.cpu.CpuCostTable.BLS_COMBINE, topology.faults() + 1);
      context.charge(org.intertrust.sim.cpu.CpuCostTable.BLS_VERIFY);
    }
    for (long i = 0; i < checks; i++) {
      context.charge(org.intertrust.sim.cpu.CpuCostTable.BLS_VERIFY);
    }
    persist(actions);
    for (GatewayAction action : actions) {
      if (action instanceof GatewayAction.SendToGateway send) {
        sendToGateway(send);
      } else if (action instanceof GatewayAction.SendToReplicas toReplicas) {
        toReplicas(new CrossAsMessage.Protocol(toReplicas.message()));
      } else if (action instanceof GatewayAction.SubmitProof submit) {
        submit(submit.proof());
      } else if (action instanceof GatewayAction.SubmitExpire expire) {
        submitToReplicas(
            new ExpireEntry(
                topology.own(),
                expire.tx(),
                expire.source(),
                expire.deadline(),
                CertificateBytes.EMPTY));
      } else if (action instanceof GatewayAction.SetTimer timer) {
        context.setTimer(timer.delayMillis() * 1_000_000L, timer.tx());
      } else if (action instanceof GatewayAction.Reject reject) {
        stats.rejected(reject.reason().name());
      }
    }
  }

  /**
   * Writes the core's snapshots (the latest of each transaction; a FINAL one deletes it and its
   * terms) and flushes once, before any of the actions is performed: persist before send.
   */
  private void persist(List<GatewayAction> actions) {
    boolean written = false;
    for (GatewayAction action : actions) {
      if (action instanceof GatewayAction.Persist persist) {
        SourceSnapshot snapshot = persist.snapshot();
        context.storage().put(sourceKey(snapshot.tx()), SNAPSHOTS.encode(snapshot));
        if (snapshot.phase() == CrossAsPhase.FINAL) {
          context.storage().delete(termsKey(snapshot.tx()));
          context.storage().delete(lockKey(snapshot.tx()));
        }
        snapshot.decisionDealing().ifPresent(d -> decisionDealings.putIfAbsent(snapshot.tx(), d));
        written = true;
      }
    }
    if (written) {
      context.storage().flush();
    }
  }

  private void sendToGateway(GatewayAction.SendToGateway send) {
    GatewayMessage message = send.message();
    Optional<CrossAsTerms> carried = Optional.empty();
    if (message instanceof GatewayMessage.LockRelay relay) {
      CrossAsTxId tx = relay.lock().statement().tx();
      decisionDealings.putIfAbsent(tx, relay.decisionDealing());
      carried = Optional.ofNullable(terms.get(tx));
    } else if (message instanceof GatewayMessage.DecisionQuery query) {
      decisionDealings.putIfAbsent(query.tx(), query.decisionDealing());
    }
    Integer node = topology.gatewayNodes().get(send.to());
    if (node != null) {
      context.send(node, new CrossAsMessage.BetweenGateways(message, carried));
      if (faults.replay()) {
        context.send(node, new CrossAsMessage.BetweenGateways(message, carried));
      }
    }
  }

  /** Turns a checked proof from the peer into the ledger transaction it entitles. */
  private void submit(TransactionProof proof) {
    CrossAsStatement.TransactionStatement statement = proof.statement();
    CrossAsTxId tx = statement.tx();
    if (statement instanceof CrossAsStatement.Lock) {
      CrossAsTerms relayed = terms.get(tx);
      DealingRecord dealing = lockDealings.get(tx);
      if (relayed == null || dealing == null) {
        stats.rejected("NO_TERMS");
        return;
      }
      if (faults.forge()) {
        submitToReplicas(DestinationTransactions.forged(topology.own(), relayed, proof, dealing));
      }
      submitToReplicas(DestinationTransactions.of(topology.own(), relayed, proof, dealing));
      return;
    }
    DealingRecord dealing = decisionDealings.get(tx);
    if (dealing == null) {
      stats.rejected("NO_DECISION_DEALING");
      return;
    }
    CertificateBytes bundle =
        new ProvenanceBundle(proof, dealing, Optional.empty()).toCertificateBytes();
    Decision decision = ((CrossAsStatement.DecisionStatement) statement).decision();
    Optional<AccountId> beneficiary = DestinationTransactions.beneficiary(terms.get(tx));
    Transaction finalization = new EscrowFinalize(topology.own(), tx, beneficiary, bundle);
    Transaction refund = new EscrowRefund(topology.own(), tx, bundle);
    if (faults.forge()) {
      submitToReplicas(decision == Decision.UNLOCK ? refund : finalization);
    }
    submitToReplicas(decision == Decision.UNLOCK ? finalization : refund);
  }

  private void submitToReplicas(Transaction tx) {
    toReplicas(
        new CrossAsMessage.Local(new AsMessage.ClientTransaction(TransactionCodec.encode(tx))));
  }

  private void toReplicas(CrossAsMessage message) {
    int[] targets = new int[topology.replicas()];
    for (int i = 0; i < targets.length; i++) {
      targets[i] = topology.replicaBase() + i;
    }
    context.multicast(targets, message);
  }

  private boolean isOwnReplica(int from) {
    return from >= topology.replicaBase() && from < topology.replicaBase() + topology.replicas();
  }

  private Optional<GatewayId> gatewayAt(int node) {
    return topology.gatewayNodes().entrySet().stream()
        .filter(e -> e.getValue() == node)
        .map(Map.Entry::getKey)
        .findFirst();
  }
}
