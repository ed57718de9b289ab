package org.intertrust.consensus;

import java.util.List;
import org.intertrust.crypto.bls.PartialSignature;
import org.intertrust.crypto.identity.IdentitySignature;

/** Every message replicas exchange. Each names its sender, whose Ed25519 key authenticates it. */
public sealed interface ConsensusMessage {
  /** The index of the replica that sent (and signed) the message. */
  int sender();

  /** The round the message belongs to. */
  long round();

  /**
   * A leader's proposal, signed by the leader over (round, block hash). {@code timeoutCertificate}
   * is present when the previous round ended by timeout.
   */
  record Proposal(
      Block block, TimeoutCertificate timeoutCertificate, int sender, IdentitySignature signature)
      implements ConsensusMessage {
    @Override
    public long round() {
      return block.round();
    }
  }

  /**
   * A vote: the voter's partial signature on the {@link VoteStatement} for a block, sent to the
   * next round's leader (the collector), wrapped in the voter's Ed25519 signature for
   * accountability.
   */
  record Vote(
      long round,
      long height,
      BlockHash blockHash,
      PartialSignature share,
      int sender,
      IdentitySignature wrap)
      implements ConsensusMessage {}

  /**
   * A timeout: the sender gave up on {@code round}; it carries the sender's highest certificate and
   * an Ed25519 signature over (round, that certificate's round). {@code lastRoundTc} is the timeout
   * certificate of {@code round - 1} when the sender entered {@code round} by one, else null: it is
   * how a replica that missed the proposal carrying that certificate catches up (a certificate
   * proves itself, so it is not under the sender's signature).
   */
  record Timeout(
      long round,
      QuorumCertificate highQc,
      TimeoutCertificate lastRoundTc,
      int sender,
      IdentitySignature signature)
      implements ConsensusMessage {}

  /** Asks a peer for a block and its ancestors, down to (excluding) {@code knownHeight}. */
  record BlockRequest(long round, BlockHash blockHash, long knownHeight, int sender)
      implements ConsensusMessage {}

  /**
   * Blocks answering a {@link BlockRequest}, oldest first, each with the certificate of its child.
   */
  record BlockResponse(long round, List<Block> blocks, int sender) implements ConsensusMessage {
    /** The most blocks one response carries. */
    public static final int MAX_BLOCKS = 256;

    /**
     * The most payload bytes one response carries (a single larger block still goes alone), so a
     * response stays within the codec's default message size.
     */
    public static final int MAX_PAYLOAD_BYTES = 4 * Block.MAX_PAYLOAD_BYTES;

    public BlockResponse {
      blocks = List.copyOf(blocks);
    }
  }
}
