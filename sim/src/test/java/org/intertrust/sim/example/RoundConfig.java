package org.intertrust.sim.example;

/**
 * Parameters of the example protocol.
 *
 * @param replicas number of replicas; node 0 leads
 * @param quorum acknowledgements (the leader's own included) needed to commit a round
 * @param rounds rounds to commit, then the leader stops
 * @param retransmitNanos the leader re-broadcasts its proposal if the round has not committed
 * @param flushOnCommit whether the leader flushes its storage after recording a commit
 * @param verifyOperation CPU operation charged per received message, or empty for none
 */
public record RoundConfig(
    int replicas,
    int quorum,
    int rounds,
    long retransmitNanos,
    boolean flushOnCommit,
    String verifyOperation) {

  /** {@code n} replicas, quorum {@code n - f} with {@code f = (n-1)/3}, 100 ms retransmission. */
  public static RoundConfig of(int n, int rounds) {
    int f = (n - 1) / 3;
    return new RoundConfig(n, n - f, rounds, 100_000_000L, true, "");
  }

  /** This configuration with another flush policy. */
  public RoundConfig withFlushOnCommit(boolean flush) {
    return new RoundConfig(replicas, quorum, rounds, retransmitNanos, flush, verifyOperation);
  }

  /** This configuration charging {@code operation} for each received message. */
  public RoundConfig withVerifyOperation(String operation) {
    return new RoundConfig(replicas, quorum, rounds, retransmitNanos, flushOnCommit, operation);
  }
}
