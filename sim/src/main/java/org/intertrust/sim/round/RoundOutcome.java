package org.intertrust.sim.round;

import java.util.List;
import org.intertrust.crypto.bls.ShareIndex;

/**
 * One simulated round.
 *
 * @param combining how the collector combined
 * @param latencyNanos virtual time from the proposal until the last honest replica held a verified
 *     certificate (DESIGN.md §7)
 * @param verifiedReplicas honest replicas holding a verified certificate at the end (all of them)
 * @param signers the k shares the certificate was combined from
 * @param blamed shares the collector found bad, in the order found
 * @param fastPath whether the certificate came from the collector's first, optimistic combination
 * @param combineAttempts how many times the collector combined
 * @param collectorCpuNanos virtual CPU time the collector spent in the round
 */
public record RoundOutcome(
    Combining combining,
    long latencyNanos,
    int verifiedReplicas,
    List<ShareIndex> signers,
    List<ShareIndex> blamed,
    boolean fastPath,
    int combineAttempts,
    long collectorCpuNanos) {
  public RoundOutcome {
    signers = List.copyOf(signers);
    blamed = List.copyOf(blamed);
  }
}
