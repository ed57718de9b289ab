package org.intertrust.consensus;

import java.util.List;

/**
 * What the replica core asks its runtime to do, in order. A {@link PersistSafety} must be durable
 * before any later {@link Send} or {@link Broadcast} of the same batch leaves the replica.
 */
public sealed interface Action {
  /** Send {@code message} to replica {@code to}. */
  record Send(int to, ConsensusMessage message) implements Action {}

  /** Send {@code message} to every replica, this one included. */
  record Broadcast(ConsensusMessage message) implements Action {}

  /** Deliver {@link Event.TimerFired} for {@code round} after {@code delayNanos}. */
  record SetTimer(long round, long delayNanos) implements Action {}

  /** Write the safety state durably (fsync) before anything else of this batch is sent. */
  record PersistSafety(SafetyState state) implements Action {}

  /** These blocks are committed, in order; each extends the previous committed block. */
  record Commit(List<Block> blocks, QuorumCertificate proof) implements Action {
    public Commit {
      blocks = List.copyOf(blocks);
    }
  }

  /** An input was rejected: for the log and the metrics; nothing changed. */
  record Reject(int from, RejectReason reason, String detail) implements Action {}
}
