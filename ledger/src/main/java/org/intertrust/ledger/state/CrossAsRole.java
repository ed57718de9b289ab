package org.intertrust.ledger.state;

/** The side of a cross-AS transaction this AS is on. A record is kept per (id, role). */
public enum CrossAsRole {
  /** This AS escrows funds and waits for the destination's decision. */
  SOURCE(1),
  /** This AS decides UNLOCK (and executes) or RELEASE. */
  DESTINATION(2);

  private final int tag;

  CrossAsRole(int tag) {
    this.tag = tag;
  }

  /** Returns the wire tag. */
  public int tag() {
    return tag;
  }
}
