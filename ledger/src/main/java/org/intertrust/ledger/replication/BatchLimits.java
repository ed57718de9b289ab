package org.intertrust.ledger.replication;

import org.intertrust.ledger.block.Block;
import org.intertrust.ledger.tx.TransactionCodec;

/**
 * The bounds of one block's payload: at most {@code maxTransactions} transactions and {@code
 * maxBytes} bytes of encoded batch. A leader fills a batch up to both; a replica rejects a proposal
 * that exceeds either.
 *
 * @param maxTransactions most transactions per block, in {@code 1..}{@link Block#MAX_TRANSACTIONS}
 * @param maxBytes most bytes of an encoded batch; at least one largest transaction fits
 */
public record BatchLimits(int maxTransactions, int maxBytes) {

  /** Defaults: 2,000 transactions or 512 KiB, whichever is reached first. */
  public static final BatchLimits DEFAULT = new BatchLimits(2_000, 512 * 1024);

  /**
   * Checks the bounds.
   *
   * @throws IllegalArgumentException if a bound is out of range
   */
  public BatchLimits {
    if (maxTransactions < 1 || maxTransactions > Block.MAX_TRANSACTIONS) {
      throw new IllegalArgumentException("maxTransactions out of range: " + maxTransactions);
    }
    if (maxBytes < PayloadBatch.HEADER_BYTES + 4 + TransactionCodec.MAX_ENCODED_SIZE) {
      throw new IllegalArgumentException("maxBytes must fit one largest transaction");
    }
  }

  /** The same limits with the byte bound lowered to {@code bytes} if that is smaller. */
  public int bytesWithin(int bytes) {
    return Math.min(maxBytes, bytes);
  }
}
