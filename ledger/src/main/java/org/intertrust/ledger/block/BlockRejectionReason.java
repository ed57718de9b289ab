package org.intertrust.ledger.block;

/** Why a received block is invalid. */
public enum BlockRejectionReason {
  /** The header names another AS. */
  WRONG_CHAIN,
  /** The height is not the parent's plus one (or 0 without a parent). */
  WRONG_HEIGHT,
  /** The parent hash is not the parent header's hash (or not zero for genesis). */
  WRONG_PARENT_HASH,
  /** The consensus time is not strictly greater than the parent's. */
  TIME_NOT_MONOTONIC,
  /** The transaction count in the header differs from the transactions carried. */
  TRANSACTION_COUNT_MISMATCH,
  /** The transaction Merkle root does not match the transactions. */
  TX_ROOT_MISMATCH,
  /** The cross-AS Merkle root does not match the records the transactions wrote. */
  CROSS_AS_ROOT_MISMATCH,
  /** The state hash does not match the state after execution. */
  STATE_HASH_MISMATCH
}
