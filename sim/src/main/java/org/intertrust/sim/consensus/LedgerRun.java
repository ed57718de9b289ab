package org.intertrust.sim.consensus;

import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.SplittableRandom;
import org.intertrust.consensus.ConsensusConfig;
import org.intertrust.crypto.bls.KeyShare;
import org.intertrust.crypto.bls.ThresholdDealer;
import org.intertrust.crypto.encoding.AsId;
import org.intertrust.ledger.execution.SignatureVerifier;
import org.intertrust.ledger.replication.BatchLimits;
import org.intertrust.ledger.replication.LedgerReplica;
import org.intertrust.ledger.replication.ReplicationConfig;
import org.intertrust.ledger.store.LedgerStoreException;
import org.intertrust.ledger.tx.ClientSignatures;
import org.intertrust.ledger.value.TxId;
import org.intertrust.sim.consensus.ConsensusScenario.LedgerOptions;
import org.intertrust.sim.consensus.ConsensusScenario.Options;
import org.intertrust.sim.storage.NodeStorage;

/**
 * The ledger side of a run: the execution key (f+1 of n, dealt at genesis), the clients, the
 * observer, and one signature cache shared by all replicas. The cache saves the simulator's real
 * CPU only; each replica is still charged virtual time for every signature it checks.
 */
record LedgerRun(
    AsId as,
    long seed,
    ThresholdDealer.DealtKey executionKey,
    ClientWorkload workload,
    LedgerObserver observer,
    ReplicationConfig config,
    SignatureVerifier sharedVerifier) {
  static LedgerRun create(AsId as, int payloadBytes, Options options, Set<Integer> byzantine) {
    int n = options.n();
    ThresholdDealer.DealtKey key =
        ThresholdDealer.dealRandom(
            ConsensusConfig.faults(n) + 1, n, new Random(options.seed() ^ 0xE8EC));
    LedgerOptions ledger = options.ledger();
    ClientWorkload workload =
        new ClientWorkload(as, ledger.accounts(), ledger.txPerSecond(), n, options.seed());
    ReplicationConfig config =
        new ReplicationConfig(
            as,
            workload.genesis(),
            key.publicKey(),
            new BatchLimits(1_000, payloadBytes),
            20_000,
            16L << 20);
    // Concurrent: the node runtime runs the replicas sharing it on their own threads.
    Map<TxId, Boolean> checked = new java.util.concurrent.ConcurrentHashMap<>();
    SignatureVerifier shared =
        (tx, txId) -> checked.computeIfAbsent(txId, id -> ClientSignatures.verify(tx));
    return new LedgerRun(
        as,
        options.seed(),
        key,
        workload,
        new LedgerObserver(n, byzantine, key.publicKey()),
        config,
        shared);
  }

  ReplicaLedger replica(int id, NodeStorage storage, Behaviour role) {
    try {
      LedgerReplica ledger =
          new LedgerReplica(
              config,
              id,
              executionKey.shares().get(id),
              SimLedgerStore.recover(storage, as, sharedVerifier),
              sharedVerifier,
              new SplittableRandom(seed * 7121 + id));
      Optional<KeyShare> forge =
          role == Behaviour.BAD_SHARES
              ? Optional.of(executionKey.shares().get(id))
              : Optional.empty();
      return new ReplicaLedger(ledger, observer, id, executionKey.publicKey().threshold(), forge);
    } catch (LedgerStoreException e) {
      throw new IllegalStateException("replica " + id + " cannot open its ledger", e);
    }
  }
}
