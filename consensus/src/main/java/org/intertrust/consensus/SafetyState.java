package org.intertrust.consensus;

/**
 * The state that must survive a crash for safety (Jolteon's safety rules): the highest round this
 * replica voted or timed out in, and the highest round of a certificate it has seen. Persisted
 * before every vote and timeout; a restarted replica reloads it first, so it never signs two
 * conflicting votes.
 */
public record SafetyState(long highestVoteRound, long highestQcRound) {
  /** The state of a replica that never voted. */
  public static final SafetyState INITIAL = new SafetyState(0, 0);
}
