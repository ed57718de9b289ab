package org.intertrust.ledger.replication;

import java.util.Objects;
import org.intertrust.crypto.bls.ThresholdPublicKey;
import org.intertrust.crypto.encoding.AsId;
import org.intertrust.ledger.tx.GenesisAllocation;

/**
 * The ledger side of an AS's configuration, identical at every replica.
 *
 * @param as the AS
 * @param genesis the allocation executed as the ledger's genesis block (height 0)
 * @param executionKey the (f+1, n) threshold key of execution certificates, dealt at genesis; share
 *     i+1 belongs to replica i
 * @param limits the bounds of one block's batch
 * @param mempoolTransactions most transactions a replica keeps pending
 * @param mempoolBytes most encoded bytes a replica keeps pending
 */
public record ReplicationConfig(
    AsId as,
    GenesisAllocation genesis,
    ThresholdPublicKey executionKey,
    BatchLimits limits,
    int mempoolTransactions,
    long mempoolBytes) {

  /** Checks the fields: the genesis is this AS's, the key's threshold is f+1 of its size. */
  public ReplicationConfig {
    Objects.requireNonNull(as, "as");
    Objects.requireNonNull(genesis, "genesis");
    Objects.requireNonNull(executionKey, "executionKey");
    Objects.requireNonNull(limits, "limits");
    if (!genesis.chain().equals(as)) {
      throw new IllegalArgumentException("genesis of " + genesis.chain() + ", not " + as);
    }
    int n = executionKey.size();
    if (executionKey.threshold() != (n - 1) / 3 + 1) {
      throw new IllegalArgumentException(
          "execution certificates need f+1 = " + ((n - 1) / 3 + 1) + " of " + n + " shares");
    }
    if (mempoolTransactions < 1 || mempoolBytes < 1) {
      throw new IllegalArgumentException("mempool bounds must be positive");
    }
  }

  /** Number of replicas. */
  public int replicas() {
    return executionKey.size();
  }
}
