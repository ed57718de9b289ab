package org.intertrust.ledger.state;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.intertrust.ledger.tx.Decision;

/**
 * Status of a cross-AS transaction on this ledger, an explicit state machine (STYLE.md rule 7).
 *
 * <pre>
 *   SOURCE:       (none) -> LOCKED -> FINALIZED | REFUNDED
 *   DESTINATION:  (none) -> UNLOCKED | RELEASED
 * </pre>
 *
 * FINALIZED, REFUNDED, UNLOCKED and RELEASED are final: nothing leaves them, so a cross-AS id takes
 * effect at most once per role.
 */
public enum CrossAsStatus {
  /** Source: funds escrowed, decision pending. */
  LOCKED(1, CrossAsRole.SOURCE),
  /** Source: the destination decided UNLOCK; the escrow was finalized or its voucher burned. */
  FINALIZED(2, CrossAsRole.SOURCE),
  /** Source: the destination decided RELEASE; the escrow was refunded. */
  REFUNDED(3, CrossAsRole.SOURCE),
  /** Destination: decided UNLOCK (and executed, for a mint or a message). */
  UNLOCKED(4, CrossAsRole.DESTINATION),
  /** Destination: decided RELEASE; never executes. */
  RELEASED(5, CrossAsRole.DESTINATION);

  private final int tag;
  private final CrossAsRole role;

  CrossAsStatus(int tag, CrossAsRole role) {
    this.tag = tag;
    this.role = role;
  }

  /** Returns the wire tag. */
  public int tag() {
    return tag;
  }

  /** Returns the role whose records take this status. */
  public CrossAsRole role() {
    return role;
  }

  /** Returns the statuses a new record of {@code role} may start in. */
  public static Set<CrossAsStatus> initial(CrossAsRole role) {
    return role == CrossAsRole.SOURCE ? EnumSet.of(LOCKED) : EnumSet.of(UNLOCKED, RELEASED);
  }

  /** Returns whether a record may move from this status to {@code next}. */
  public boolean canMoveTo(CrossAsStatus next) {
    return this == LOCKED && (next == FINALIZED || next == REFUNDED);
  }

  /** Returns the destination's decision this status reflects, if one was made. */
  public Optional<Decision> decision() {
    return switch (this) {
      case LOCKED -> Optional.empty();
      case FINALIZED, UNLOCKED -> Optional.of(Decision.UNLOCK);
      case REFUNDED, RELEASED -> Optional.of(Decision.RELEASE);
    };
  }
}
