package org.intertrust.sim.crossas;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.intertrust.crypto.bls.PartialSignature;
import org.intertrust.crypto.encoding.SigningDomain;
import org.intertrust.crypto.identity.IdentityKeyPair;
import org.intertrust.gateway.protocol.collect.WrappedShare;
import org.intertrust.gateway.protocol.core.GatewayMessage;
import org.intertrust.gateway.protocol.core.GatewayMessage.ShareSubmission;
import org.intertrust.gateway.protocol.replica.CrossAsReplica;
import org.intertrust.ledger.block.ExecutedBlock;
import org.intertrust.ledger.value.CrossAsTxId;
import org.intertrust.sim.NodeContext;
import org.intertrust.sim.SimNode;
import org.intertrust.sim.SimTimer;
import org.intertrust.sim.consensus.AsMessage;

/**
 * A replica of one AS in the cross-AS simulation: its consensus and ledger node (from {@link
 * org.intertrust.sim.consensus.AsCluster}) behind an {@link AdaptedContext}, plus its {@link
 * CrossAsReplica}. Gateway-submitted transactions pass the AS's {@link ProvenanceGate} before
 * admission. Shares go to every gateway of the AS that delivered a dealing for the transaction.
 *
 * <p>A replica scripted with bad cross-AS shares wraps, for each statement, the partial signature
 * it made for the previous one (a share that does not verify, under a valid wrap: the gateway
 * blames it); its first statement it does not sign at all.
 */
final class CrossAsReplicaNode implements SimNode<CrossAsMessage> {
  private final SimNode<AsMessage> inner;
  private final int base;
  private final int size;
  private final CrossAsReplica crossAs;
  private final ProvenanceGate gate;
  private final int[] gateways;
  private final boolean badShares;
  private final IdentityKeyPair identity;
  private final CrossAsStats stats;
  private final Map<CrossAsTxId, Set<Integer>> dealtBy = new HashMap<>();
  private final Map<CrossAsTxId, Boolean> settled = new HashMap<>();
  private NodeContext<CrossAsMessage> context;
  private Optional<PartialSignature> previous = Optional.empty();
  private long refusals;

  CrossAsReplicaNode(
      SimNode<AsMessage> inner,
      int base,
      int size,
      CrossAsReplica crossAs,
      ProvenanceGate gate,
      int[] gateways,
      boolean badShares,
      IdentityKeyPair identity,
      CrossAsStats stats) {
    this.inner = inner;
    this.base = base;
    this.size = size;
    this.crossAs = crossAs;
    this.gate = gate;
    this.gateways = gateways.clone();
    this.badShares = badShares;
    this.identity = identity;
    this.stats = stats;
  }

  @Override
  public void onStart(NodeContext<CrossAsMessage> context) {
    this.context = context;
    inner.onStart(new AdaptedContext(context, base));
  }

  @Override
  public void onMessage(int from, CrossAsMessage message) {
    if (message instanceof CrossAsMessage.Local local) {
      onLocal(from, local.message());
    } else if (message instanceof CrossAsMessage.Protocol protocol
        && protocol.message() instanceof GatewayMessage.DealingDelivery delivery
        && isOwnGateway(from)) {
      dealtBy.computeIfAbsent(delivery.tx(), tx -> new LinkedHashSet<>()).add(from);
      send(crossAs.onDealing(delivery.tx(), delivery.record()));
    }
  }

  private void onLocal(int from, AsMessage message) {
    boolean fromOwnAs = from >= base && from < base + size;
    if (message instanceof AsMessage.ClientTransaction tx && gate.check(tx.encoded()).isPresent()) {
      return; // no valid certificate from the peer: never admitted
    }
    if (message instanceof AsMessage.ClientTransaction tx && isOwnGateway(from)) {
      answerSettled(from, tx.encoded());
    }
    inner.onMessage(fromOwnAs ? from - base : -1, message);
  }

  @Override
  public void onTimer(SimTimer timer) {
    inner.onTimer(timer);
  }

  /** The ledger executed a block (called inside this replica's handler). */
  void onExecuted(ExecutedBlock block) {
    if (context != null) {
      send(crossAs.onExecuted(block));
      notifySettled(block);
    }
  }

  /**
   * Tells the gateways that carry them (or all of the AS's) of each decision this block applied as
   * the source: the transaction is FINAL on this replica (ADR 0015).
   */
  private void notifySettled(ExecutedBlock block) {
    for (org.intertrust.ledger.execution.Receipt receipt : block.receipts()) {
      if (!receipt.isApplied() || receipt.crossAsEntry().isEmpty()) {
        continue;
      }
      org.intertrust.ledger.execution.CrossAsEntry entry = receipt.crossAsEntry().get();
      org.intertrust.ledger.state.CrossAsStatus status = entry.record().status();
      if (status == org.intertrust.ledger.state.CrossAsStatus.FINALIZED
          || status == org.intertrust.ledger.state.CrossAsStatus.REFUNDED) {
        CrossAsTxId tx = entry.key().id();
        boolean finalized = status == org.intertrust.ledger.state.CrossAsStatus.FINALIZED;
        settled.put(tx, finalized);
        Set<Integer> targets = dealtBy.getOrDefault(tx, Set.of());
        int[] to = targets.isEmpty() ? gateways : targets.stream().mapToInt(i -> i).toArray();
        context.multicast(to, new CrossAsMessage.Settled(tx, finalized));
      }
    }
  }

  /**
   * A gateway submits a decision this replica applied already (it restarted, or its notice was
   * lost): tell it again.
   */
  private void answerSettled(int gateway, byte[] encoded) {
    try {
      if (org.intertrust.ledger.tx.TransactionCodec.decode(encoded)
          instanceof org.intertrust.ledger.tx.CrossAsTransaction cross) {
        Boolean finalized = settled.get(cross.crossTxId());
        if (finalized != null) {
          context.send(gateway, new CrossAsMessage.Settled(cross.crossTxId(), finalized));
        }
      }
    } catch (org.intertrust.ledger.tx.TransactionDecodingException e) {
      // not a transaction: the ledger refuses it on admission
    }
  }

  private void send(CrossAsReplica.Output output) {
    refusals += output.refusals().size();
    for (CrossAsReplica.SignedBatch batch : output.batches()) {
      Optional<ShareSubmission> sent =
          badShares ? tampered(batch.share()) : Optional.of(batch.share());
      if (sent.isEmpty()) {
        continue;
      }
      chargeSigning();
      Set<Integer> targets = new LinkedHashSet<>();
      batch.leaves().forEach(leaf -> targets.addAll(dealtBy.getOrDefault(leaf.tx(), Set.of())));
      int[] to = targets.isEmpty() ? gateways : targets.stream().mapToInt(i -> i).toArray();
      context.multicast(to, new CrossAsMessage.BatchShare(sent.get(), batch.leaves()));
    }
    for (ShareSubmission submission : output.shares()) {
      Optional<ShareSubmission> sent = badShares ? tampered(submission) : Optional.of(submission);
      if (sent.isEmpty()) {
        continue;
      }
      chargeSigning();
      Set<Integer> targets =
          dealtBy.getOrDefault(
              ((org.intertrust.gateway.protocol.certificate.CrossAsStatement.TransactionStatement)
                      submission.statement())
                  .tx(),
              Set.of());
      int[] to = targets.isEmpty() ? gateways : targets.stream().mapToInt(i -> i).toArray();
      context.multicast(to, new CrossAsMessage.Protocol(sent.get()));
    }
  }

  private void chargeSigning() {
    context.charge(org.intertrust.sim.cpu.CpuCostTable.BLS_SIGN_PARTIAL);
    context.charge(CrossAsStats.ED25519_SIGN);
    stats.signed();
  }

  private Optional<ShareSubmission> tampered(ShareSubmission honest) {
    Optional<PartialSignature> stale = previous;
    previous = Optional.of(honest.share().share());
    if (stale.isEmpty()) {
      return Optional.empty();
    }
    WrappedShare wrapped =
        new WrappedShare(
            identity.publicKey(),
            stale.get(),
            identity.sign(
                SigningDomain.SHARE_WRAP, WrappedShare.wrapBytes(honest.statement(), stale.get())));
    return Optional.of(new ShareSubmission(honest.statement(), honest.dealing(), wrapped));
  }

  private boolean isOwnGateway(int from) {
    for (int gateway : gateways) {
      if (gateway == from) {
        return true;
      }
    }
    return false;
  }

  long refusals() {
    return refusals;
  }
}
