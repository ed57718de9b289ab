/**
 * Blocks: the header ({@link org.intertrust.ledger.block.BlockHeader}: height, parent hash,
 * proposer, consensus time, transaction and cross-AS Merkle roots, state hash), its canonical
 * encoding and hash, and the {@link org.intertrust.ledger.block.BlockExecutor}, which proposes a
 * block from a list of transactions, and validates and executes a received one, returning receipts
 * and the resulting state or a typed {@link org.intertrust.ledger.block.BlockRejectionReason}.
 */
package org.intertrust.ledger.block;
