package org.intertrust.sim.round;

import java.util.Locale;
import org.intertrust.sim.NodeContext;

/** How a round charges the crypto it runs to the virtual CPUs. */
public enum CpuTiming {
  /**
   * Every operation costs its median measured at start-up ({@link RoundCosts}): deterministic, a
   * run replays exactly, and every round of a grid point with silent faulty replicas takes the same
   * time.
   */
  COST_TABLE,
  /**
   * Every operation that runs for real costs the CPU time of that very call ({@link
   * org.intertrust.sim.cpu.ThreadCpuClock}), so the machine's noise shows in the spread; operations
   * charged without running (the baseline's per-share verifications, see {@link BaselineCollector})
   * cost their start-up median.
   */
  PER_CALL;

  /** The command-line spelling: {@code cost-table}, {@code per-call}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** Charges {@code operation}: its table cost, or the {@code cpuNanos} the real call took. */
  void charge(NodeContext<RoundMessage> context, String operation, long cpuNanos) {
    if (this == PER_CALL) {
      context.charge(cpuNanos);
    } else {
      context.charge(operation);
    }
  }
}
