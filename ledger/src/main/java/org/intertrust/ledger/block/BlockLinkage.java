package org.intertrust.ledger.block;

import java.util.Optional;
import org.intertrust.crypto.encoding.AsId;
import org.intertrust.ledger.value.Hash32;
import org.intertrust.ledger.value.Height;

/** The checks of a block against its parent and against the results of executing it. */
final class BlockLinkage {

  private BlockLinkage() {}

  static Optional<BlockRejection> check(Optional<BlockHeader> parent, AsId chain, Block block) {
    BlockHeader header = block.header();
    if (!header.chain().equals(chain)) {
      return reject(BlockRejectionReason.WRONG_CHAIN, chain, header.chain());
    }
    Height expectedHeight = parent.map(p -> p.height().next()).orElse(Height.GENESIS);
    if (!header.height().equals(expectedHeight)) {
      return reject(BlockRejectionReason.WRONG_HEIGHT, expectedHeight, header.height());
    }
    Hash32 expectedParent = parent.map(BlockHeader::hash).orElse(Hash32.ZERO);
    if (!header.parentHash().equals(expectedParent)) {
      return reject(BlockRejectionReason.WRONG_PARENT_HASH, expectedParent, header.parentHash());
    }
    if (parent.isPresent() && !header.time().isAfter(parent.get().time())) {
      return reject(
          BlockRejectionReason.TIME_NOT_MONOTONIC, "> " + parent.get().time(), header.time());
    }
    if (header.transactionCount() != block.transactions().size()) {
      return reject(
          BlockRejectionReason.TRANSACTION_COUNT_MISMATCH,
          block.transactions().size(),
          header.transactionCount());
    }
    return Optional.empty();
  }

  static Optional<BlockRejection> checkTxRoot(BlockHeader header, Hash32 txRoot) {
    if (!header.txRoot().equals(txRoot)) {
      return reject(BlockRejectionReason.TX_ROOT_MISMATCH, txRoot, header.txRoot());
    }
    return Optional.empty();
  }

  static Optional<BlockRejection> checkResults(
      BlockHeader header, Hash32 crossAsRoot, Hash32 stateHash) {
    if (!header.crossAsRoot().equals(crossAsRoot)) {
      return reject(BlockRejectionReason.CROSS_AS_ROOT_MISMATCH, crossAsRoot, header.crossAsRoot());
    }
    if (!header.stateHash().equals(stateHash)) {
      return reject(BlockRejectionReason.STATE_HASH_MISMATCH, stateHash, header.stateHash());
    }
    return Optional.empty();
  }

  private static Optional<BlockRejection> reject(
      BlockRejectionReason reason, Object expected, Object found) {
    return Optional.of(new BlockRejection(reason, "expected " + expected + ", found " + found));
  }
}
