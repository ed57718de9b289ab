package org.intertrust.sim.example;

/** Messages of the example protocol. */
public sealed interface RoundMessage {
  /** The leader proposes {@code value} for {@code round}. */
  record Propose(int round, long value) implements RoundMessage {
    @Override
    public String toString() {
      return "Propose(r=" + round + ",v=" + value + ")";
    }
  }

  /** A follower acknowledges {@code round}. */
  record Ack(int round) implements RoundMessage {
    @Override
    public String toString() {
      return "Ack(r=" + round + ")";
    }
  }
}
