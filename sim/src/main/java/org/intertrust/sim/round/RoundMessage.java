package org.intertrust.sim.round;

/** What replicas send each other in a round. Byte arrays are never modified after sending. */
sealed interface RoundMessage {
  /** The leader's proposal: the bytes every replica signs. */
  record Proposal(byte[] payload) implements RoundMessage {}

  /** A replica's partial signature on the proposal, in the collector's wire encoding. */
  record Share(byte[] wire) implements RoundMessage {}

  /** The combined threshold signature: 48 compressed bytes. */
  record Certificate(byte[] signature) implements RoundMessage {}
}
