package org.intertrust.sim.round;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.intertrust.crypto.bls.ShareIndex;

/** What one simulated round has reached so far: who verified when, and how the collector did. */
final class RoundState {
  private final long[] verifiedAt;
  private final int honest;
  private int verified;
  private long lastVerifiedAt;
  private final List<ShareIndex> blamed = new ArrayList<>();
  private List<ShareIndex> signers = List.of();
  private boolean fastPath;
  private int combineAttempts;

  RoundState(RoundSetup setup) {
    this.verifiedAt = new long[setup.n()];
    Arrays.fill(verifiedAt, -1);
    this.honest = setup.honest();
  }

  /** Honest replica {@code id} holds a verified certificate from virtual time {@code nanos}. */
  void markVerified(int id, long nanos) {
    if (verifiedAt[id] < 0) {
      verifiedAt[id] = nanos;
      verified++;
      lastVerifiedAt = Math.max(lastVerifiedAt, nanos);
    }
  }

  /** Whether every honest replica holds a verified certificate: the end of the round. */
  boolean complete() {
    return verified == honest;
  }

  int verified() {
    return verified;
  }

  long lastVerifiedAt() {
    return lastVerifiedAt;
  }

  void blame(List<ShareIndex> indices) {
    for (ShareIndex index : indices) {
      if (!blamed.contains(index)) {
        blamed.add(index);
      }
    }
  }

  List<ShareIndex> blamed() {
    return List.copyOf(blamed);
  }

  void countCombineAttempt() {
    combineAttempts++;
  }

  int combineAttempts() {
    return combineAttempts;
  }

  void certificate(List<ShareIndex> certificateSigners, boolean onFastPath) {
    this.signers = List.copyOf(certificateSigners);
    this.fastPath = onFastPath;
  }

  /** Whether the collector has made the certificate. */
  boolean certified() {
    return !signers.isEmpty();
  }

  List<ShareIndex> signers() {
    return signers;
  }

  boolean fastPath() {
    return fastPath;
  }
}
