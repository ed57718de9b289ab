package org.intertrust.sim.example;

import java.util.ArrayList;
import java.util.List;
import org.intertrust.sim.stats.LatencyRecorder;

/** What the test harness observes of the example protocol: commits and their latencies. */
public final class RoundLog {
  /** One committed round. */
  public record Commit(int round, long value, long timeNanos, int incarnation) {}

  private final List<Commit> commits = new ArrayList<>();
  private final LatencyRecorder latency = new LatencyRecorder();

  void committed(Commit commit, long latencyNanos) {
    commits.add(commit);
    latency.record(latencyNanos);
  }

  /** Every commit, in order. */
  public List<Commit> commits() {
    return commits;
  }

  /** The highest committed round, 0 if none. */
  public int lastRound() {
    return commits.isEmpty() ? 0 : commits.get(commits.size() - 1).round();
  }

  /** Round latencies: proposal to commit at the leader. */
  public LatencyRecorder latency() {
    return latency;
  }
}
