package org.intertrust.gateway.protocol.core;

import java.util.Objects;
import java.util.Optional;
import org.intertrust.crypto.dealing.DealingRecord;
import org.intertrust.gateway.protocol.certificate.CrossAsStatement;
import org.intertrust.gateway.protocol.certificate.TransactionProof;
import org.intertrust.gateway.protocol.lifecycle.CrossAsPhase;
import org.intertrust.ledger.value.ConsensusTime;
import org.intertrust.ledger.value.CrossAsTxId;

/**
 * What a source gateway persists of one transaction it carries, so that after a crash it can finish
 * it (ADR 0015): everything here is public (dealing records hold only encrypted shares, proofs and
 * statements are what ledgers record); the secrets that re-create the gateway's dealings are sealed
 * by the enclave, not here.
 *
 * <p>The host stores the latest snapshot of each transaction ({@link GatewayAction.Persist}) before
 * it performs the actions that follow it, and hands every stored snapshot back to a restarted core
 * ({@link GatewayEvent.Resumed}). A snapshot in {@link CrossAsPhase#FINAL} keeps only the id,
 * deadline and decision, so that a client can still read the status after a restart.
 *
 * @param tx the transaction
 * @param deadline its deadline, in the destination's consensus time
 * @param phase its phase when the snapshot was taken
 * @param lockDealing the peer's dealing its replicas sign LOCKED under, once received
 * @param decisionDealing the dealing this gateway made for the peer's replicas, once relayed or
 *     queried with
 * @param relay the relay, once made (its dealings are the two above)
 * @param decision the peer's decision proof, once checked
 */
public record SourceSnapshot(
    CrossAsTxId tx,
    ConsensusTime deadline,
    CrossAsPhase phase,
    Optional<DealingRecord> lockDealing,
    Optional<DealingRecord> decisionDealing,
    Optional<GatewayMessage.LockRelay> relay,
    Optional<TransactionProof> decision) {
  /**
   * Checks the fields and their consistency: a relay names the two dealings, a decision is on this
   * transaction and present exactly from DECIDED on.
   */
  public SourceSnapshot {
    Objects.requireNonNull(tx, "tx");
    Objects.requireNonNull(deadline, "deadline");
    Objects.requireNonNull(phase, "phase");
    Objects.requireNonNull(lockDealing, "lockDealing");
    Objects.requireNonNull(decisionDealing, "decisionDealing");
    Objects.requireNonNull(relay, "relay");
    Objects.requireNonNull(decision, "decision");
    if (relay.isPresent()
        && (!relay.get().lock().statement().tx().equals(tx)
            || !lockDealing.equals(Optional.of(relay.get().lockDealing()))
            || !decisionDealing.equals(Optional.of(relay.get().decisionDealing())))) {
      throw new IllegalArgumentException("the relay of " + tx + " must name its two dealings");
    }
    boolean decided = phase.compareTo(CrossAsPhase.DECIDED) >= 0;
    if (decision.isPresent() != decided
        || decision
            .filter(
                d ->
                    !(d.statement() instanceof CrossAsStatement.DecisionStatement)
                        || !d.statement().tx().equals(tx))
            .isPresent()) {
      throw new IllegalArgumentException(
          "a decision proof on " + tx + " is present exactly from DECIDED on, not in " + phase);
    }
  }
}
