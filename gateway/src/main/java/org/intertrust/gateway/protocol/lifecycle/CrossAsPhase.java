package org.intertrust.gateway.protocol.lifecycle;

import java.util.EnumSet;
import java.util.Set;

/**
 * The phases of a cross-AS transaction (STYLE.md rule 7), with the transition table:
 *
 * <pre>
 *   REQUESTED -> LOCKED            the source AS committed the escrow
 *   LOCKED    -> RELAYED           the lock certificate went to a destination gateway
 *   LOCKED    -> DECIDED           after the deadline, the destination released it by expiry
 *                                  before any relay arrived
 *   RELAYED   -> DECIDED           a decision certificate (UNLOCK or RELEASE) arrived
 *   DECIDED   -> FINAL             the source AS finalized or refunded the escrow
 * </pre>
 *
 * Nothing leaves FINAL; there is no abort on a local timer (DESIGN.md §4): only a decision
 * certificate from the destination moves a transaction to DECIDED.
 */
public enum CrossAsPhase {
  /** A client submitted it; the source AS has not locked it yet. */
  REQUESTED,
  /** The source AS escrowed the funds (or recorded the message). */
  LOCKED,
  /** The lock certificate was relayed to the destination AS. */
  RELAYED,
  /** The destination AS decided UNLOCK or RELEASE. */
  DECIDED,
  /** The source AS applied the decision: both sides are final. */
  FINAL;

  /** The phases this one may move to. */
  public Set<CrossAsPhase> successors() {
    switch (this) {
      case REQUESTED:
        return EnumSet.of(LOCKED);
      case LOCKED:
        return EnumSet.of(RELAYED, DECIDED);
      case RELAYED:
        return EnumSet.of(DECIDED);
      case DECIDED:
        return EnumSet.of(FINAL);
      default:
        return EnumSet.noneOf(CrossAsPhase.class);
    }
  }

  /** Whether this phase may move to {@code next}. */
  public boolean canMoveTo(CrossAsPhase next) {
    return successors().contains(next);
  }
}
