package org.intertrust.consensus;

import org.intertrust.crypto.bls.PartialSignature;
import org.intertrust.crypto.encoding.AsId;

/**
 * The exact bytes consensus signs, for tools and scripted (Byzantine) peers that must produce
 * well-signed messages of their own: proposals, votes and share wraps.
 */
public final class Messages {
  private Messages() {}

  /** What a leader signs (Ed25519, {@code CONSENSUS_PREPARE}) for {@code block}. */
  public static byte[] proposalStatement(Block block) {
    return RoundStatement.proposal(block.as(), block.round(), block.hash()).encode();
  }

  /** What a vote share and a quorum certificate sign ({@code CONSENSUS_COMMIT}). */
  public static byte[] voteStatement(AsId as, long round, long height, BlockHash block) {
    return new VoteStatement(as, round, height, block).encode();
  }

  /** What a voter's Ed25519 wrap of its share signs ({@code SHARE_WRAP}). */
  public static byte[] shareWrap(
      AsId as, long round, long height, BlockHash block, PartialSignature share) {
    return Replica.shareWrapBytes(new VoteStatement(as, round, height, block), share.toBytes());
  }

  /** A hash that names no real block: SHA-256 of {@code block}'s hash. */
  public static BlockHash forkOf(BlockHash block) {
    return BlockHash.digest(block.toBytes());
  }

  /** {@code message} with its sender field replaced (it will no longer match its signature). */
  public static ConsensusMessage withSender(ConsensusMessage message, int sender) {
    if (message instanceof ConsensusMessage.Proposal p) {
      return new ConsensusMessage.Proposal(
          p.block(), p.timeoutCertificate(), sender, p.signature());
    }
    if (message instanceof ConsensusMessage.Vote v) {
      return new ConsensusMessage.Vote(
          v.round(), v.height(), v.blockHash(), v.share(), sender, v.wrap());
    }
    if (message instanceof ConsensusMessage.Timeout t) {
      return new ConsensusMessage.Timeout(
          t.round(), t.highQc(), t.lastRoundTc(), sender, t.signature());
    }
    if (message instanceof ConsensusMessage.BlockRequest r) {
      return new ConsensusMessage.BlockRequest(r.round(), r.blockHash(), r.knownHeight(), sender);
    }
    ConsensusMessage.BlockResponse r = (ConsensusMessage.BlockResponse) message;
    return new ConsensusMessage.BlockResponse(r.round(), r.blocks(), sender);
  }
}
