package org.intertrust.sim.campaign;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.intertrust.sim.crossas.CrossAsScenario.Fault;

/**
 * The totals of a campaign and its failures, grouped by what broke.
 *
 * @param outcomes every run, in seed order
 */
public record CampaignReport(List<RunOutcome> outcomes) {
  /** Copies the list. */
  public CampaignReport {
    outcomes = List.copyOf(outcomes);
  }

  /** Runs made. */
  public int seeds() {
    return outcomes.size();
  }

  /** Cross-AS transactions the clients started, over all runs. */
  public long transactions() {
    return outcomes.stream().mapToLong(RunOutcome::submitted).sum();
  }

  /** Transactions final on both sides with matching outcomes, over all runs. */
  public long finalBothSides() {
    return outcomes.stream().mapToLong(RunOutcome::finalBothSides).sum();
  }

  /** Simulator events, over all runs. */
  public long events() {
    return outcomes.stream().mapToLong(RunOutcome::events).sum();
  }

  /** The runs that broke something, in seed order. */
  public List<RunOutcome> failures() {
    return outcomes.stream().filter(o -> !o.ok()).toList();
  }

  /** Whether every run held every invariant and passed the audit. */
  public boolean invariantsOk() {
    return outcomes.stream().allMatch(RunOutcome::ok);
  }

  /**
   * The failures grouped by a signature: the invariants broken and the faults injected, e.g. {@code
   * [termination] under [byzantine, loss]}; each group's runs in seed order.
   */
  public Map<String, List<RunOutcome>> failureGroups() {
    Map<String, List<RunOutcome>> groups = new TreeMap<>();
    for (RunOutcome failure : failures()) {
      groups.computeIfAbsent(signature(failure), k -> new ArrayList<>()).add(failure);
    }
    return groups;
  }

  /** {@code [invariants] under [faults]} of one run. */
  public static String signature(RunOutcome outcome) {
    return outcome.brokenInvariants() + " under " + faultNames(outcome.draw().options().faults());
  }

  private static String faultNames(Set<Fault> faults) {
    return faults.stream().map(Fault::cliName).collect(Collectors.joining(", ", "[", "]"));
  }
}
