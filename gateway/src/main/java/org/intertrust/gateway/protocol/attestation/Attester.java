package org.intertrust.gateway.protocol.attestation;

import java.util.Objects;
import java.util.Optional;
import org.intertrust.crypto.encoding.AsId;
import org.intertrust.gateway.protocol.config.AsConfiguration;
import org.intertrust.gateway.tee.Enclave;
import org.intertrust.gateway.tee.QuoteRequest;

/**
 * Produces this gateway's evidence: asks the enclave for a quote over the caller data that binds
 * the enclave's keys and this AS's configuration, answering a peer's challenge.
 */
public final class Attester {
  private final Enclave enclave;
  private final EnclaveKeys keys;
  private final AsConfiguration configuration;

  /** An attester for the enclave with {@code keys} serving the AS of {@code configuration}. */
  public Attester(Enclave enclave, EnclaveKeys keys, AsConfiguration configuration) {
    this.enclave = Objects.requireNonNull(enclave, "enclave");
    this.keys = Objects.requireNonNull(keys, "keys");
    this.configuration = Objects.requireNonNull(configuration, "configuration");
  }

  /** This gateway's AS. */
  public AsId as() {
    return configuration.as();
  }

  /** Evidence for a gateway of {@code peer} that sent challenge {@code nonce}. */
  public AttestationEvidence evidence(AsId peer, byte[] nonce) {
    byte[] callerData = AttestationEvidence.callerData(keys, configuration);
    return new AttestationEvidence(
        Optional.of(enclave.quote(new QuoteRequest(configuration.as(), peer, callerData, nonce))),
        keys,
        configuration);
  }
}
