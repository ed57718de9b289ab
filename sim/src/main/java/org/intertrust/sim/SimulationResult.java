package org.intertrust.sim;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The state of a run when {@link Simulation#runUntil} returned.
 *
 * @param outcome why the run returned
 * @param seed the root seed; the same seed, code and scenario replay the run exactly
 * @param virtualTimeNanos virtual time at return
 * @param eventsProcessed events since the start of the simulation that ran a handler or changed the
 *     world (crash, restart, partition, action); dropped messages and stale timers excluded
 * @param traceSha256 hex SHA-256 of the whole trace so far ({@code "off"} if tracing is off)
 * @param traceLines number of trace lines so far
 * @param cpuModel which CPU-time model ran ({@link org.intertrust.sim.cpu.CpuModel#describe()})
 * @param violations the broken invariants; empty unless the outcome is {@link
 *     RunOutcome#INVARIANT_VIOLATED}
 * @param traceTail the last trace lines, oldest first
 * @param counters engine counters (messages sent, delivered, lost, ...), in name order
 * @param wallNanos real time spent in this call
 */
public record SimulationResult(
    RunOutcome outcome,
    long seed,
    long virtualTimeNanos,
    long eventsProcessed,
    String traceSha256,
    long traceLines,
    String cpuModel,
    List<Violation> violations,
    List<String> traceTail,
    Map<String, Long> counters,
    long wallNanos) {

  /** Copies the lists and the map (kept in name order). */
  public SimulationResult {
    violations = List.copyOf(violations);
    traceTail = List.copyOf(traceTail);
    counters = Collections.unmodifiableMap(new TreeMap<>(counters));
  }

  /** Whether an invariant broke. */
  public boolean violated() {
    return outcome == RunOutcome.INVARIANT_VIOLATED;
  }

  /** Throws a {@link SimulationException} with {@link #report()} if an invariant broke. */
  public SimulationResult throwIfViolated() {
    if (violated()) {
      throw new SimulationException(seed, report(), null);
    }
    return this;
  }

  /**
   * A multi-line, human-readable summary: seed, outcome, CPU model, trace hash, and, if an
   * invariant broke, the violations and the trace tail.
   */
  public String report() {
    StringBuilder text = new StringBuilder();
    text.append("seed=").append(seed).append(" outcome=").append(outcome);
    text.append(" virtual_time_ms=").append(virtualTimeNanos / 1_000_000.0);
    text.append(" events=").append(eventsProcessed).append('\n');
    text.append("cpu model: ").append(cpuModel).append('\n');
    text.append("trace sha256: ").append(traceSha256).append(" (").append(traceLines);
    text.append(" lines)\n");
    for (Violation violation : violations) {
      text.append("VIOLATION ").append(violation).append('\n');
    }
    if (violated() && !traceTail.isEmpty()) {
      text.append("last ").append(traceTail.size()).append(" trace lines:\n");
      traceTail.forEach(line -> text.append("  ").append(line).append('\n'));
    }
    return text.toString();
  }
}
