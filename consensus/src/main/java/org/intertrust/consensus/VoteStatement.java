package org.intertrust.consensus;

import org.intertrust.crypto.encoding.AsId;
import org.intertrust.crypto.encoding.CanonicalWriter;
import org.intertrust.crypto.encoding.EncodingException;
import org.intertrust.crypto.encoding.SigningDomain;
import org.intertrust.crypto.encoding.Statement;
import org.intertrust.crypto.encoding.Statements;

/** What a vote share and a quorum certificate sign: "block {@code hash} in round r of AS a". */
record VoteStatement(AsId as, long round, long height, BlockHash blockHash) implements Statement {
  @Override
  public SigningDomain domain() {
    return SigningDomain.CONSENSUS_COMMIT;
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
    writer.u64(round).u64(height).fixedBytes(blockHash.toBytes(), BlockHash.BYTES);
  }

  byte[] encode() {
    try {
      return Statements.encode(this);
    } catch (EncodingException e) {
      throw new IllegalStateException("a vote statement always encodes", e);
    }
  }
}
