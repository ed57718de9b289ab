package org.intertrust.ledger.tx;

import java.util.Optional;

/** The destination AS's decision on a cross-AS transaction (DESIGN.md section 4, step 3). */
public enum Decision {
  /** Executed on the destination; the source finalizes its escrow. */
  UNLOCK(1),
  /** Not executed and never will be; the source refunds its escrow. */
  RELEASE(2);

  private final int tag;

  Decision(int tag) {
    this.tag = tag;
  }

  /** Returns the wire tag. */
  public int tag() {
    return tag;
  }

  /** Returns the decision with {@code tag}, or empty. */
  public static Optional<Decision> fromTag(int tag) {
    for (Decision decision : values()) {
      if (decision.tag == tag) {
        return Optional.of(decision);
      }
    }
    return Optional.empty();
  }
}
