package org.intertrust.gateway.protocol.lifecycle;

import java.util.Objects;
import java.util.Optional;
import org.intertrust.ledger.tx.Decision;
import org.intertrust.ledger.value.CrossAsTxId;

/**
 * The phase machine of one cross-AS transaction ({@link CrossAsPhase}). Each method performs one
 * transition or throws {@link IllegalTransitionException} and changes nothing. The decision is made
 * once: a second, different decision is refused (the destination decides exactly once, so a
 * conflicting certificate means a broken assumption, to be reported, never applied). Not
 * thread-safe.
 */
public final class CrossAsLifecycle {
  private final CrossAsTxId tx;
  private CrossAsPhase phase = CrossAsPhase.REQUESTED;
  private Optional<Decision> decision = Optional.empty();
  private String reason = "";

  /** A new transaction in REQUESTED. */
  public CrossAsLifecycle(CrossAsTxId tx) {
    this.tx = Objects.requireNonNull(tx, "tx");
  }

  /**
   * A transaction resumed after a restart from its persisted phase (ADR 0015): {@code decision} and
   * {@code why} are present from DECIDED on and absent before.
   *
   * @throws IllegalArgumentException if the decision does not fit the phase
   */
  public static CrossAsLifecycle resumed(
      CrossAsTxId tx, CrossAsPhase phase, Optional<Decision> decision, String why) {
    Objects.requireNonNull(phase, "phase");
    Objects.requireNonNull(why, "why");
    if (decision.isPresent() != (phase.compareTo(CrossAsPhase.DECIDED) >= 0)) {
      throw new IllegalArgumentException(phase + " with decision " + decision);
    }
    CrossAsLifecycle lifecycle = new CrossAsLifecycle(tx);
    lifecycle.phase = phase;
    lifecycle.decision = decision;
    lifecycle.reason = decision.isPresent() ? why : "";
    return lifecycle;
  }

  /** REQUESTED to LOCKED: the source AS committed the lock. */
  public void onLocked() throws IllegalTransitionException {
    move(CrossAsPhase.LOCKED);
  }

  /** LOCKED to RELAYED: the lock certificate was sent to a destination gateway. */
  public void onRelayed() throws IllegalTransitionException {
    move(CrossAsPhase.RELAYED);
  }

  /**
   * LOCKED or RELAYED to DECIDED. Receiving the same decision again in DECIDED or FINAL is a no-op
   * (decisions are re-signed on every request, DESIGN.md §4); a different decision is refused.
   */
  public void onDecided(Decision made, String why) throws IllegalTransitionException {
    Objects.requireNonNull(made, "made");
    Objects.requireNonNull(why, "why");
    if (decision.isPresent()) {
      if (decision.get() != made) {
        throw new IllegalTransitionException(
            tx,
            phase,
            CrossAsPhase.DECIDED,
            "conflicting decision " + made + " after " + decision.get());
      }
      return;
    }
    move(CrossAsPhase.DECIDED);
    decision = Optional.of(made);
    reason = why;
  }

  /** DECIDED to FINAL: the source AS applied the decision. */
  public void onFinal() throws IllegalTransitionException {
    move(CrossAsPhase.FINAL);
  }

  private void move(CrossAsPhase next) throws IllegalTransitionException {
    if (!phase.canMoveTo(next)) {
      throw new IllegalTransitionException(tx, phase, next, "");
    }
    phase = next;
  }

  /** The current phase. */
  public CrossAsPhase phase() {
    return phase;
  }

  /** What a client sees. */
  public CrossAsStatusView view() {
    return new CrossAsStatusView(tx, phase, decision, reason);
  }
}
