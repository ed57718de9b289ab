package org.intertrust.gateway.protocol.lifecycle;

import java.util.Objects;
import org.intertrust.ledger.value.CrossAsTxId;

/** A move the phase machine does not allow; names the transaction, the phase and the target. */
public final class IllegalTransitionException extends Exception {
  private static final long serialVersionUID = 1L;

  private final CrossAsTxId tx;
  private final CrossAsPhase from;
  private final CrossAsPhase to;

  public IllegalTransitionException(
      CrossAsTxId tx, CrossAsPhase from, CrossAsPhase to, String why) {
    super(
        tx + ": " + from + " -> " + to + " not allowed" + (why.isEmpty() ? "" : " (" + why + ")"));
    this.tx = Objects.requireNonNull(tx, "tx");
    this.from = Objects.requireNonNull(from, "from");
    this.to = Objects.requireNonNull(to, "to");
  }

  public CrossAsTxId tx() {
    return tx;
  }

  public CrossAsPhase from() {
    return from;
  }

  public CrossAsPhase to() {
    return to;
  }
}
