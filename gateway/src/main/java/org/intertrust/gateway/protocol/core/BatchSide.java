package org.intertrust.gateway.protocol.core;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.intertrust.gateway.protocol.certificate.Batches;
import org.intertrust.gateway.protocol.certificate.CrossAsCertificate;
import org.intertrust.gateway.protocol.certificate.CrossAsStatement;
import org.intertrust.gateway.protocol.certificate.CrossAsStatement.TransactionStatement;
import org.intertrust.gateway.protocol.certificate.TransactionProof;
import org.intertrust.gateway.protocol.collect.ShareCollector;
import org.intertrust.gateway.protocol.dealing.DealingReference;

/**
 * Batch collection (DESIGN.md §4, beyond the paper; ADR 0009): for each block of its AS, the
 * replicas sign one {@link CrossAsStatement.Batch} per addressee and dealing over the Merkle root
 * of the block's cross-AS statements; this side collects those shares like any other statement's,
 * and once the batch certificate forms derives each leaf's {@link TransactionProof.Batched} (the
 * certificate and the leaf's Merkle path) and hands it to the side that carries the transaction: a
 * LOCKED leaf to the source side (which relays it), a DECISION leaf to the destination side (which
 * answers with it). Leaves of transactions another gateway carries are skipped.
 *
 * <p>Batches are remembered by statement and dealing, at most {@code duplicateCapacity} of them
 * (the oldest is dropped first).
 */
final class BatchSide {
  private final CoreContext context;
  private final SourceSide source;
  private final DestinationSide destination;
  private final Map<Key, Collecting> batches;

  private record Key(CrossAsStatement.Batch batch, DealingReference dealing) {}

  private record Collecting(ShareCollector collector, List<TransactionStatement> leaves) {}

  BatchSide(CoreContext context, SourceSide source, DestinationSide destination) {
    this.context = context;
    this.source = source;
    this.destination = destination;
    int capacity = context.config.duplicateCapacity();
    this.batches =
        new LinkedHashMap<>() {
          private static final long serialVersionUID = 1L;

          @Override
          protected boolean removeEldestEntry(Map.Entry<Key, Collecting> eldest) {
            return size() > capacity;
          }
        };
  }

  /**
   * Its AS committed the batch: check the leaves against the root, mark this gateway's locks
   * LOCKED, and start collecting (if this gateway accepted the dealing: else it carries none of the
   * batch's transactions).
   */
  void onBatchCommitted(Sender self, GatewayEvent.BatchCommitted committed) {
    CrossAsStatement.Batch batch = committed.batch();
    if (!batch.sourceAs().equals(context.config.ownAs().as())
        || !batch.destinationAs().equals(context.config.peer().as())) {
      context.reject(self, RejectReason.WRONG_SENDER, "batch of another AS pair: " + batch);
      return;
    }
    if (!Batches.matches(batch, committed.leaves())) {
      context.reject(self, RejectReason.BAD_PROOF, "leaves do not hash to " + batch);
      return;
    }
    Key key = new Key(batch, committed.dealing());
    if (batches.containsKey(key)) {
      return;
    }
    Optional<ShareCollector> collector = context.collector(batch, committed.dealing());
    if (collector.isEmpty()) {
      return;
    }
    for (TransactionStatement leaf : committed.leaves()) {
      if (leaf instanceof CrossAsStatement.Lock lock) {
        source.onLockCommitted(self, lock, false);
      }
    }
    batches.put(key, new Collecting(collector.get(), committed.leaves()));
  }

  /** A replica's share on a batch; once k combine, each leaf's proof goes where it belongs. */
  void onShare(Sender from, GatewayMessage.ShareSubmission submission, long now) {
    CrossAsStatement.Batch batch = (CrossAsStatement.Batch) submission.statement();
    Collecting collecting = batches.get(new Key(batch, submission.dealing()));
    Optional<CrossAsCertificate> certificate =
        Outcomes.offer(
            context,
            from,
            collecting == null ? Optional.empty() : Optional.of(collecting.collector()),
            submission,
            "no batch collected for " + batch);
    if (certificate.isEmpty()) {
      return;
    }
    Sender self = new Sender.Gateway(context.config.self());
    for (TransactionProof.Batched proof : Batches.proofs(certificate.get(), collecting.leaves())) {
      if (proof.statement() instanceof CrossAsStatement.Lock) {
        source.onLockProof(self, proof, now);
      } else {
        destination.onDecisionProof(proof);
      }
    }
  }
}
