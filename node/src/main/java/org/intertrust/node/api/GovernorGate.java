package org.intertrust.node.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.LongSupplier;
import org.intertrust.gateway.protocol.governor.Governor;
import org.intertrust.gateway.protocol.replica.CrossAsTerms;

/**
 * A gateway API's {@link Governor} with its clock and the operator's token: every cross-AS request
 * passes {@link #admit} before it reaches the node, and {@code POST /v1/admin/pause|resume} need
 * {@code Authorization: Bearer TOKEN}. The governor is not thread-safe, so every call holds this
 * gate's lock (HTTP handlers run on several threads). The token never appears in logs or {@link
 * #toString}.
 */
public final class GovernorGate {
  private final Governor governor;
  private final LongSupplier clockMillis;
  private final Optional<byte[]> adminToken;

  /**
   * @param adminToken the operator's bearer token (empty: the admin routes are off)
   */
  public GovernorGate(Governor governor, LongSupplier clockMillis, Optional<String> adminToken) {
    this.governor = Objects.requireNonNull(governor, "governor");
    this.clockMillis = Objects.requireNonNull(clockMillis, "clockMillis");
    this.adminToken = adminToken.map(t -> t.strip().getBytes(StandardCharsets.UTF_8));
    if (this.adminToken.isPresent() && this.adminToken.get().length < 16) {
      throw new IllegalArgumentException("the admin token must have at least 16 characters");
    }
  }

  /** Admits {@code terms} or refuses them with {@code paused} or {@code rate-limited}. */
  synchronized void admit(CrossAsTerms terms) throws ApiProblem {
    Governor.Decision decision = governor.admit(terms, clockMillis.getAsLong());
    if (decision instanceof Governor.Refused refused) {
      ProblemCode code =
          refused.reason() == Governor.Reason.PAUSED
              ? ProblemCode.PAUSED
              : ProblemCode.RATE_LIMITED;
      throw new ApiProblem(code, refused.detail(), refused.retryAfterMillis());
    }
  }

  synchronized void pause(Optional<Governor.Lane> lane) {
    governor.pause(lane);
  }

  synchronized void resume(Optional<Governor.Lane> lane) {
    governor.resume(lane);
  }

  /** Whether the admin routes are on. */
  boolean adminEnabled() {
    return adminToken.isPresent();
  }

  /** Whether {@code authorization} (the header's value) carries the operator's token. */
  boolean authorized(String authorization) {
    if (adminToken.isEmpty() || authorization == null || !authorization.startsWith("Bearer ")) {
      return false;
    }
    byte[] presented = authorization.substring(7).strip().getBytes(StandardCharsets.UTF_8);
    return MessageDigest.isEqual(presented, adminToken.get());
  }

  /** Counters for {@code /metrics}. */
  synchronized Map<String, Number> metrics() {
    Map<String, Number> out = new LinkedHashMap<>();
    out.put("governor_admitted_total", governor.admitted());
    for (Governor.Reason reason : Governor.Reason.values()) {
      out.put(
          "governor_refused_total{reason=\""
              + reason.name().toLowerCase(java.util.Locale.ROOT)
              + "\"}",
          governor.refused(reason));
    }
    return out;
  }

  @Override
  public String toString() {
    return "GovernorGate[admin " + (adminToken.isPresent() ? "on" : "off") + "]";
  }
}
