package org.intertrust.bench.round;

import java.util.Locale;

/** Which certificate a round builds: its threshold as a function of f. */
public enum Certificate {
  /** k = f + 1: the certificate the paper measures (an execution certificate, DESIGN.md §3). */
  F_PLUS_ONE,
  /** k = 2f + 1: the commit certificate consensus needs for quorum intersection. */
  TWO_F_PLUS_ONE;

  /** The threshold for {@code f} faulty replicas. */
  public int threshold(int f) {
    return this == F_PLUS_ONE ? f + 1 : 2 * f + 1;
  }

  /** {@code f+1} or {@code 2f+1}. */
  public String label() {
    return this == F_PLUS_ONE ? "f+1" : "2f+1";
  }

  @Override
  public String toString() {
    return label().toLowerCase(Locale.ROOT);
  }
}
