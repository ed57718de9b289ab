package org.intertrust.gateway.protocol.replica;

import java.util.Objects;

/** A failed provenance check, carrying its typed {@link ProvenanceProblem}. */
public final class ProvenanceException extends Exception {
  private static final long serialVersionUID = 1L;

  /** The problem found. */
  @SuppressWarnings("serial")
  private final ProvenanceProblem problem;

  /** An exception for {@code problem}. */
  public ProvenanceException(ProvenanceProblem problem) {
    super(Objects.requireNonNull(problem, "problem").toString());
    this.problem = problem;
  }

  /** The problem found. */
  public ProvenanceProblem problem() {
    return problem;
  }
}
