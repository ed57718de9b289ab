package org.intertrust.consensus;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The blocks a replica knows, the highest certificate, and the committed chain. Applies the
 * two-chain commit rule: when a certificate forms for block B whose round directly follows its
 * parent's, the parent and its uncommitted ancestors commit.
 */
final class BlockTree {

  private final Map<BlockHash, Block> blocks = new HashMap<>();
  private final Block genesis;
  private QuorumCertificate highQc;
  private Block lastCommitted;

  BlockTree(Block genesis) {
    this.genesis = genesis;
    this.blocks.put(genesis.hash(), genesis);
    this.highQc = QuorumCertificate.genesis(genesis);
    this.lastCommitted = genesis;
  }

  Block genesis() {
    return genesis;
  }

  QuorumCertificate highQc() {
    return highQc;
  }

  Block lastCommitted() {
    return lastCommitted;
  }

  Optional<Block> get(BlockHash hash) {
    return Optional.ofNullable(blocks.get(hash));
  }

  void add(Block block) {
    blocks.putIfAbsent(block.hash(), block);
  }

  /**
   * Records a verified certificate: raises the highest certificate and returns the blocks it
   * commits (oldest first), or an empty list.
   */
  List<Block> certify(QuorumCertificate qc) {
    if (qc.round() > highQc.round()) {
      highQc = qc;
    }
    Block certified = blocks.get(qc.blockHash());
    if (certified == null || certified.isGenesis()) {
      return List.of();
    }
    Block parent = blocks.get(certified.parent());
    if (parent == null
        || certified.round() != parent.round() + 1
        || parent.height() <= lastCommitted.height()) {
      return List.of();
    }
    return commitUpTo(parent);
  }

  private List<Block> commitUpTo(Block target) {
    Deque<Block> chain = new ArrayDeque<>();
    Block cursor = target;
    while (cursor.height() > lastCommitted.height()) {
      chain.addFirst(cursor);
      cursor = blocks.get(cursor.parent());
      if (cursor == null) {
        return List.of();
      }
    }
    if (!cursor.hash().equals(lastCommitted.hash())) {
      throw new IllegalStateException(
          "safety violated: " + target + " does not extend committed " + lastCommitted);
    }
    lastCommitted = target;
    return new ArrayList<>(chain);
  }

  /**
   * The payloads of {@code block} and its ancestors at heights above {@code after}, oldest first.
   * Every block in the tree has its whole chain in the tree (a block is added only after its
   * parent).
   */
  List<byte[]> payloadsAbove(Block block, long after) {
    Deque<byte[]> payloads = new ArrayDeque<>();
    Block cursor = block;
    while (cursor != null && cursor.height() > after) {
      payloads.addFirst(cursor.payload());
      cursor = blocks.get(cursor.parent());
    }
    return new ArrayList<>(payloads);
  }

  /**
   * The ancestors of {@code hash} above {@code knownHeight}, oldest first: the oldest of them, at
   * most {@link ConsensusMessage.BlockResponse#MAX_BLOCKS} and, beyond the first, at most {@link
   * ConsensusMessage.BlockResponse#MAX_PAYLOAD_BYTES} of payload, so that a replica further behind
   * can attach them to what it has and ask again from there.
   */
  List<Block> chainTo(BlockHash hash, long knownHeight) {
    Deque<Block> chain = new ArrayDeque<>();
    Block cursor = blocks.get(hash);
    while (cursor != null && cursor.height() > knownHeight) {
      chain.addFirst(cursor);
      cursor = blocks.get(cursor.parent());
    }
    List<Block> oldest = new ArrayList<>();
    long payloadBytes = 0;
    for (Block block : chain) {
      payloadBytes += block.payload().length;
      if (oldest.size() == ConsensusMessage.BlockResponse.MAX_BLOCKS
          || (!oldest.isEmpty()
              && payloadBytes > ConsensusMessage.BlockResponse.MAX_PAYLOAD_BYTES)) {
        break;
      }
      oldest.add(block);
    }
    return oldest;
  }
}
