package org.intertrust.gateway.protocol.lifecycle;

import java.util.Objects;
import java.util.Optional;
import org.intertrust.ledger.tx.Decision;
import org.intertrust.ledger.value.CrossAsTxId;

/**
 * What a client sees when it asks about a cross-AS transaction.
 *
 * @param tx the transaction
 * @param phase its phase
 * @param decision the destination's decision, from DECIDED on
 * @param reason the decision's reason (empty for UNLOCK, or before a decision)
 */
public record CrossAsStatusView(
    CrossAsTxId tx, CrossAsPhase phase, Optional<Decision> decision, String reason) {
  /** Checks the fields. */
  public CrossAsStatusView {
    Objects.requireNonNull(tx, "tx");
    Objects.requireNonNull(phase, "phase");
    Objects.requireNonNull(decision, "decision");
    Objects.requireNonNull(reason, "reason");
  }
}
