package org.intertrust.ledger.execution;

import java.util.Objects;
import org.intertrust.crypto.encoding.AsId;
import org.intertrust.ledger.value.ConsensusTime;
import org.intertrust.ledger.value.Height;

/**
 * What execution may know besides the state and the transaction: the block's height and consensus
 * time, the id of the AS executing, and how client signatures are checked.
 *
 * @param height the height of the block being executed
 * @param time the block's consensus time
 * @param self this AS
 * @param verifier the signature check; {@link SignatureVerifier#DIRECT} unless signatures were
 *     verified ahead of execution
 */
public record ExecutionContext(
    Height height, ConsensusTime time, AsId self, SignatureVerifier verifier) {

  /** Checks that no field is null. */
  public ExecutionContext {
    Objects.requireNonNull(height, "height");
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(self, "self");
    Objects.requireNonNull(verifier, "verifier");
  }

  /** Creates a context that verifies signatures inline. */
  public ExecutionContext(Height height, ConsensusTime time, AsId self) {
    this(height, time, self, SignatureVerifier.DIRECT);
  }
}
