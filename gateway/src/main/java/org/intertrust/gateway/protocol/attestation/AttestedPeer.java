package org.intertrust.gateway.protocol.attestation;

import java.util.Objects;
import org.intertrust.crypto.encoding.AsId;
import org.intertrust.gateway.protocol.config.AsConfiguration;
import org.intertrust.gateway.tee.Measurement;

/**
 * A peer gateway whose attestation was accepted: its enclave keys (to check its dealing records and
 * relays and to receive shares dealt by it), its AS configuration (whose replicas this gateway
 * deals for), and the measurement it runs.
 *
 * @param keys the peer enclave's public keys
 * @param configuration the peer's AS configuration, with {@code k >= f+1}
 * @param measurement the peer's code measurement, on the allowlist
 */
public record AttestedPeer(
    EnclaveKeys keys, AsConfiguration configuration, Measurement measurement) {
  /** Checks that no field is null. */
  public AttestedPeer {
    Objects.requireNonNull(keys, "keys");
    Objects.requireNonNull(configuration, "configuration");
    Objects.requireNonNull(measurement, "measurement");
  }

  /** The peer's AS. */
  public AsId as() {
    return configuration.as();
  }
}
