package org.intertrust.sim.campaign;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * What one run of a campaign gave.
 *
 * @param draw the configuration run
 * @param submitted cross-AS transactions the clients started
 * @param finalBothSides transactions final on both sides with matching outcomes
 * @param events simulator events processed
 * @param traceSha256 the hash of the run's trace (equal for equal runs), empty if the run threw
 * @param violations every violation, or the exception the run threw, as {@code invariant: detail}
 * @param wallMillis wall-clock time of the run
 */
public record RunOutcome(
    CampaignDraw draw,
    long submitted,
    long finalBothSides,
    long events,
    String traceSha256,
    List<String> violations,
    long wallMillis) {
  /** Name given to a run that threw instead of finishing. */
  public static final String EXCEPTION = "exception";

  /** Copies the list. */
  public RunOutcome {
    violations = List.copyOf(violations);
  }

  /** Whether every invariant held and the audit passed. */
  public boolean ok() {
    return violations.isEmpty();
  }

  /**
   * The invariants this run broke, by name (the text before the first colon), sorted: runs with the
   * same kinds of failure share it.
   */
  public Set<String> brokenInvariants() {
    Set<String> names = new TreeSet<>();
    for (String violation : violations) {
      int colon = violation.indexOf(':');
      names.add(colon < 0 ? violation : violation.substring(0, colon));
    }
    return names;
  }
}
