package org.intertrust.consensus;

import org.intertrust.crypto.encoding.AsId;
import org.intertrust.crypto.encoding.CanonicalWriter;
import org.intertrust.crypto.encoding.EncodingException;
import org.intertrust.crypto.encoding.SigningDomain;
import org.intertrust.crypto.encoding.Statement;
import org.intertrust.crypto.encoding.Statements;

/**
 * The Ed25519-signed statements of consensus: a leader's proposal ({@code CONSENSUS_PREPARE}: round
 * and block hash), a timeout ({@code CONSENSUS_VIEW_CHANGE}: round and the round of the sender's
 * highest certificate), and the wrap of a vote share ({@code SHARE_WRAP}: the vote statement and
 * the share).
 */
record RoundStatement(SigningDomain domain, AsId as, long round, long value, byte[] data)
    implements Statement {
  static RoundStatement proposal(AsId as, long round, BlockHash hash) {
    return new RoundStatement(SigningDomain.CONSENSUS_PREPARE, as, round, 0, hash.toBytes());
  }

  static RoundStatement timeout(AsId as, long round, long highQcRound) {
    return new RoundStatement(
        SigningDomain.CONSENSUS_VIEW_CHANGE, as, round, highQcRound, new byte[0]);
  }

  static RoundStatement shareWrap(AsId as, long round, byte[] voteAndShare) {
    return new RoundStatement(SigningDomain.SHARE_WRAP, as, round, 0, voteAndShare);
  }

  @Override
  public AsId sourceAs() {
    return as;
  }

  @Override
  public AsId destinationAs() {
    return as;
  }

  @Override
  public void writeBody(CanonicalWriter writer) throws EncodingException {
    writer.u64(round).u64(value).bytes(data);
  }

  byte[] encode() {
    try {
      return Statements.encode(this);
    } catch (EncodingException e) {
      throw new IllegalStateException("a round statement always encodes", e);
    }
  }
}
