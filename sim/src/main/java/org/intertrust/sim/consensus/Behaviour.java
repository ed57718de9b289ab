package org.intertrust.sim.consensus;

import java.util.Locale;

/** Scripted Byzantine behaviours of a replica in a consensus simulation. */
public enum Behaviour {
  /** Sends nothing at all. */
  SILENT,
  /** As leader, sends every other replica a different, validly signed block for the round. */
  EQUIVOCATE,
  /**
   * Votes with partial signatures over the wrong message, correctly wrapped and signed; with the
   * ledger on, its execution shares sign the wrong message too.
   */
  BAD_SHARES,
  /** Votes, with valid shares and wraps, for a block nobody proposed. */
  FORK_VOTES,
  /** Votes, but as leader withholds its proposal and so the certificate it formed. */
  WITHHOLD,
  /** Sends its messages with a sender index that is not a member of the AS. */
  NON_MEMBER,
  /**
   * Breaks every message it sends, in turn: truncated, bit-flipped, garbage or trailing bytes, a
   * wrong wire version, an oversized batch, a signature in the wrong domain, a share with a
   * non-member's index, a block whose height skips ahead (see {@link Malformation}). Receivers
   * decode its bytes through the wire codec and reject them with typed reasons.
   */
  MALFORMED;

  /** Parses the CLI spelling: lower case, hyphens. */
  public static Behaviour parse(String text) {
    return valueOf(text.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
  }

  public String cliName() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
