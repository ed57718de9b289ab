package org.intertrust.consensus;

import java.util.List;
import org.intertrust.crypto.bls.ThresholdPublicKey;
import org.intertrust.crypto.encoding.AsId;
import org.intertrust.crypto.identity.IdentityPublicKey;

/**
 * The public configuration of one AS's consensus, identical at every replica.
 *
 * @param as the AS
 * @param replicaKeys the Ed25519 key of replica i at position i; n = its size
 * @param commitKey the threshold key of the commit certificates; its threshold is the quorum
 * @param baseTimeoutNanos the first round timeout; it doubles with each consecutive timeout
 * @param maxPayloadBytes the largest payload a leader may propose
 */
public record ConsensusConfig(
    AsId as,
    List<IdentityPublicKey> replicaKeys,
    ThresholdPublicKey commitKey,
    long baseTimeoutNanos,
    int maxPayloadBytes) {

  /**
   * The most consecutive doublings of the round timeout. Small on purpose: with round-robin leaders
   * a silent replica costs two rounds in every n (its own and the one it collects), which is
   * routine, not a sign of a slow network.
   */
  static final int MAX_BACKOFF = 2;

  /**
   * How far ahead of its current round a replica accepts votes and timeouts. Bounds the memory a
   * Byzantine member can make it spend; a replica further behind catches up through certificates.
   */
  static final long ROUND_WINDOW = 16;

  /**
   * How far ahead of a replica's own clock a proposed block's consensus time may be. Deadlines of
   * cross-AS transactions are read against consensus time, so a Byzantine leader must not be able
   * to push it into the future.
   */
  static final long MAX_CLOCK_DRIFT_NANOS = 2_000_000_000L;

  public ConsensusConfig {
    replicaKeys = List.copyOf(replicaKeys);
    int n = replicaKeys.size();
    if (n < 1 || commitKey.size() != n) {
      throw new IllegalArgumentException("the commit key must have one share per replica");
    }
    int quorum = quorum(n);
    if (commitKey.threshold() != quorum) {
      throw new IllegalArgumentException(
          "commit certificates need "
              + quorum
              + " of "
              + n
              + " shares (2f+1), the key has "
              + commitKey.threshold());
    }
    if (baseTimeoutNanos <= 0 || maxPayloadBytes < 0 || maxPayloadBytes > Block.MAX_PAYLOAD_BYTES) {
      throw new IllegalArgumentException("timeout must be positive and payload bounded");
    }
  }

  /** The number of faulty replicas tolerated: the largest f with n >= 3f+1. */
  public static int faults(int n) {
    return (n - 1) / 3;
  }

  /** The quorum: the smallest size of which any two sets intersect in f+1 replicas (2f+1). */
  public static int quorum(int n) {
    return (n + faults(n)) / 2 + 1;
  }

  public int size() {
    return replicaKeys.size();
  }

  public int quorum() {
    return quorum(size());
  }

  /** Round-robin leader of {@code round}. */
  public int leader(long round) {
    return (int) Math.floorMod(round, (long) size());
  }

  long timeout(int consecutiveTimeouts) {
    return baseTimeoutNanos << Math.min(consecutiveTimeouts, MAX_BACKOFF);
  }
}
