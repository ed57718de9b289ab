package org.intertrust.consensus;

/** Why the replica core ignored an input. Every rejection leaves the replica's state unchanged. */
public enum RejectReason {
  /** The sender index is not a replica of this AS, or differs from the transport's sender. */
  NOT_A_MEMBER,
  /** An Ed25519 signature (proposal, timeout, share wrap) does not verify. */
  BAD_SIGNATURE,
  /** A quorum or timeout certificate does not verify. */
  BAD_CERTIFICATE,
  /** The proposer is not the leader of the round. */
  NOT_THE_LEADER,
  /** A message for a round this replica has left, or too far ahead. */
  WRONG_ROUND,
  /** The block does not extend its certificate, or its height or time is wrong. */
  MALFORMED_BLOCK,
  /** The payload failed the application's check. */
  INVALID_PAYLOAD,
  /** Voting would break the safety rules (already voted, or not safe to extend). */
  UNSAFE,
  /** A vote sent to a replica that is not the collector of its round. */
  NOT_THE_COLLECTOR,
  /** The block's parent is unknown; it was requested from the sender. */
  MISSING_PARENT,
  /** A second, different proposal from the same leader in the same round. */
  EQUIVOCATION,
  /** Vote shares that failed to combine, blamed on their senders. */
  BAD_SHARE
}
