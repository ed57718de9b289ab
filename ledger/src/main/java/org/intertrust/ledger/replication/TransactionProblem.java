package org.intertrust.ledger.replication;

/** Why a transaction was refused by the mempool or makes a proposed batch invalid. */
public enum TransactionProblem {
  /** Larger than {@link org.intertrust.ledger.tx.TransactionCodec#MAX_ENCODED_SIZE}. */
  OVERSIZED,
  /** Not a canonical transaction encoding. */
  MALFORMED,
  /** Meant for another AS. */
  WRONG_CHAIN,
  /** A kind clients may not submit (genesis allocations come only from the AS configuration). */
  NOT_SUBMITTABLE,
  /** The client signature does not verify. */
  BAD_SIGNATURE,
  /** Already pending (mempool), or twice in one batch. */
  DUPLICATE,
  /** Its nonce is below the signer's next nonce: it can never apply. */
  STALE_NONCE,
  /** The mempool holds as many transactions or bytes as it may. */
  MEMPOOL_FULL,
  /** The batch framing is not a canonical payload encoding. */
  MALFORMED_BATCH,
  /** The batch exceeds the transaction count or byte bound. */
  BATCH_TOO_LARGE
}
