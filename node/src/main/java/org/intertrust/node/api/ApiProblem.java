package org.intertrust.node.api;

import java.util.Objects;

/**
 * A request the API refuses, with its stable {@link ProblemCode} and a human-readable detail that
 * never contains secrets. Nothing was changed when one is thrown.
 */
public final class ApiProblem extends Exception {
  private static final long serialVersionUID = 1L;

  private final ProblemCode code;

  public ApiProblem(ProblemCode code, String detail) {
    super(detail);
    this.code = Objects.requireNonNull(code, "code");
  }

  public ProblemCode code() {
    return code;
  }

  public String detail() {
    return getMessage();
  }
}
