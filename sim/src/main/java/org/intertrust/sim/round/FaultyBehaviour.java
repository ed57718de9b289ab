package org.intertrust.sim.round;

import java.util.Locale;

/** What the f faulty replicas (ids 1..f) do in a round. */
public enum FaultyBehaviour {
  /** They send nothing. */
  SILENT,
  /**
   * They send a well-formed share signed with their own key share over another message, so it
   * arrives with the honest shares (before them: lower ids) and fails verification.
   */
  BAD_SHARES;

  /** The command-line spelling: {@code silent}, {@code bad-shares}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
