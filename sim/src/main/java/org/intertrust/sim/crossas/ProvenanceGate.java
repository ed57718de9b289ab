package org.intertrust.sim.crossas;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.intertrust.consensus.PayloadSource;
import org.intertrust.crypto.encoding.AsId;
import org.intertrust.crypto.identity.IdentityPublicKey;
import org.intertrust.gateway.protocol.replica.Provenance;
import org.intertrust.gateway.protocol.replica.ProvenanceProblem;
import org.intertrust.ledger.replication.BatchLimits;
import org.intertrust.ledger.replication.CheckedTransaction;
import org.intertrust.ledger.replication.PayloadBatch;
import org.intertrust.ledger.tx.Transaction;
import org.intertrust.ledger.tx.TransactionCodec;
import org.intertrust.ledger.tx.TransactionDecodingException;
import org.intertrust.ledger.value.TxId;

/**
 * The provenance check of one AS's replicas (DESIGN.md §5.6), applied where a replica takes in
 * work: on admission of a gateway-submitted transaction, and before voting for a proposal (so a
 * Byzantine leader cannot slip a peer-caused transaction without a valid certificate past the
 * honest majority). Results are memoized per transaction id across the AS's replicas: that saves
 * the simulator's real CPU only; every replica's decision is the same pure function of the bytes.
 */
final class ProvenanceGate {
  private final Provenance provenance;
  private final AsId as;
  private final Map<TxId, Optional<ProvenanceProblem>> memo = new HashMap<>();
  private long refused;

  ProvenanceGate(AsId as, List<IdentityPublicKey> ownEnclaves) {
    this.as = as;
    this.provenance = new Provenance(as, ownEnclaves);
  }

  /** The problem with an encoded transaction, or empty if it may be admitted. */
  Optional<ProvenanceProblem> check(byte[] encoded) {
    TxId id = TxId.ofEncoding(encoded);
    Optional<ProvenanceProblem> known;
    synchronized (this) {
      known = memo.get(id);
    }
    if (known != null) {
      return known;
    }
    Optional<ProvenanceProblem> problem;
    try {
      Transaction tx = TransactionCodec.decode(encoded);
      problem = provenance.check(tx);
    } catch (TransactionDecodingException e) {
      problem = Optional.empty(); // malformed: the ledger's own checks refuse it
    }
    synchronized (this) {
      if (memo.putIfAbsent(id, problem) == null && problem.isPresent()) {
        refused++;
      }
    }
    return problem;
  }

  /** Whether every transaction of a payload batch passes (batches the ledger refuses pass here). */
  boolean batchPasses(byte[] payload) {
    PayloadBatch.Check check =
        PayloadBatch.check(payload, as, new BatchLimits(20_000, 1 << 30), (tx, txId) -> true);
    for (CheckedTransaction tx : check.transactions()) {
      if (check(tx.encoded()).isPresent()) {
        return false;
      }
    }
    return true;
  }

  /** {@code inner}, refusing to vote for a payload that fails the check. */
  PayloadSource wrap(PayloadSource inner) {
    return new PayloadSource() {
      @Override
      public byte[] next(long height, long time, int maxBytes) {
        return inner.next(height, time, maxBytes);
      }

      @Override
      public boolean isValid(byte[] payload) {
        return inner.isValid(payload) && batchPasses(payload);
      }

      @Override
      public boolean isValid(long height, byte[] payload) {
        return inner.isValid(height, payload) && batchPasses(payload);
      }
    };
  }

  /** Distinct transactions refused so far. */
  synchronized long refused() {
    return refused;
  }
}
