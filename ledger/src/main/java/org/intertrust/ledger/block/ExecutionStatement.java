package org.intertrust.ledger.block;

import java.util.Objects;
import org.intertrust.crypto.encoding.AsId;
import org.intertrust.crypto.encoding.CanonicalWriter;
import org.intertrust.crypto.encoding.EncodingException;
import org.intertrust.crypto.encoding.SigningDomain;
import org.intertrust.crypto.encoding.Statement;
import org.intertrust.crypto.encoding.Statements;
import org.intertrust.ledger.value.Hash32;
import org.intertrust.ledger.value.Height;

/**
 * What an execution share and an execution certificate sign ({@link SigningDomain#EXECUTION}): "AS
 * {@code as} executed the block {@code blockHash} at {@code height} and reached state {@code
 * stateHash}". Body: u64 height | block hash (32) | state hash (32).
 *
 * @param as the AS that executed
 * @param height the ledger height
 * @param blockHash the ledger block's hash ({@link BlockHeader#hash()})
 * @param stateHash the state after the block
 */
public record ExecutionStatement(AsId as, Height height, Hash32 blockHash, Hash32 stateHash)
    implements Statement {

  /** Checks that no field is null. */
  public ExecutionStatement {
    Objects.requireNonNull(as, "as");
    Objects.requireNonNull(height, "height");
    Objects.requireNonNull(blockHash, "blockHash");
    Objects.requireNonNull(stateHash, "stateHash");
  }

  @Override
  public SigningDomain domain() {
    return SigningDomain.EXECUTION;
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
  public void writeBody(CanonicalWriter w) throws EncodingException {
    height.write(w);
    blockHash.write(w);
    stateHash.write(w);
  }

  /** The signed bytes. */
  public byte[] encode() {
    try {
      return Statements.encode(this);
    } catch (EncodingException e) {
      throw new IllegalStateException("an execution statement always encodes", e);
    }
  }
}
