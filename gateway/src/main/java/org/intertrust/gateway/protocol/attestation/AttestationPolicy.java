package org.intertrust.gateway.protocol.attestation;

import java.util.Objects;
import java.util.Set;
import org.intertrust.gateway.tee.Measurement;

/**
 * What a gateway accepts from a peer: trusted platforms, the allowlist of code measurements, and
 * how old (or how far in the future, for clock skew) a quote may be.
 *
 * @param trust the platform roots
 * @param allowedMeasurements measurements of gateway code releases accepted
 * @param maxAgeMillis largest accepted age of a quote
 * @param maxSkewMillis how far a quote's timestamp may lie in the verifier's future
 */
public record AttestationPolicy(
    PlatformTrust trust,
    Set<Measurement> allowedMeasurements,
    long maxAgeMillis,
    long maxSkewMillis) {
  /** Checks the fields and copies the set. */
  public AttestationPolicy {
    Objects.requireNonNull(trust, "trust");
    allowedMeasurements = Set.copyOf(allowedMeasurements);
    if (maxAgeMillis < 0 || maxSkewMillis < 0) {
      throw new IllegalArgumentException("ages must be >= 0");
    }
  }
}
