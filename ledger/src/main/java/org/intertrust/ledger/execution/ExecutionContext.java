package org.intertrust.ledger.execution;

import java.util.Objects;
import org.intertrust.crypto.encoding.AsId;
import org.intertrust.ledger.value.ConsensusTime;
import org.intertrust.ledger.value.Height;

/**
 * What execution may know besides the state and the transaction: the block's height and consensus
 * time, and the id of the AS executing.
 *
 * @param height the height of the block being executed
 * @param time the block's consensus time
 * @param self this AS
 */
public record ExecutionContext(Height height, ConsensusTime time, AsId self) {

  /** Checks that no field is null. */
  public ExecutionContext {
    Objects.requireNonNull(height, "height");
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(self, "self");
  }
}
