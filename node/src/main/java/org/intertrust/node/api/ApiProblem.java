package org.intertrust.node.api;

import java.util.Objects;

/**
 * A request the API refuses, with its stable {@link ProblemCode} and a human-readable detail that
 * never contains secrets. Nothing was changed when one is thrown.
 */
public final class ApiProblem extends Exception {
  private static final long serialVersionUID = 1L;

  private final ProblemCode code;
  private final long retryAfterMillis;

  public ApiProblem(ProblemCode code, String detail) {
    this(code, detail, -1);
  }

  /**
   * A refusal the client may retry after {@code retryAfterMillis} ({@link Long#MAX_VALUE}: not by
   * waiting; negative: no hint).
   */
  public ApiProblem(ProblemCode code, String detail, long retryAfterMillis) {
    super(detail);
    this.code = Objects.requireNonNull(code, "code");
    this.retryAfterMillis = retryAfterMillis;
  }

  /** When a retry may pass, if this refusal says. */
  public java.util.OptionalLong retryAfterMillis() {
    return retryAfterMillis < 0 || retryAfterMillis == Long.MAX_VALUE
        ? java.util.OptionalLong.empty()
        : java.util.OptionalLong.of(retryAfterMillis);
  }

  public ProblemCode code() {
    return code;
  }

  public String detail() {
    return getMessage();
  }
}
