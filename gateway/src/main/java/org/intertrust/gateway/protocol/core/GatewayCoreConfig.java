package org.intertrust.gateway.protocol.core;

import java.util.Objects;
import java.util.Set;
import org.intertrust.crypto.dealing.DealingContext;
import org.intertrust.crypto.identity.IdentityPublicKey;
import org.intertrust.gateway.protocol.attestation.AttestedPeer;
import org.intertrust.gateway.protocol.config.AsConfiguration;
import org.intertrust.gateway.protocol.dealing.RotationPolicy;
import org.intertrust.gateway.protocol.routing.GatewayId;

/**
 * The configuration of one gateway core.
 *
 * @param self this gateway
 * @param ownAs this gateway's AS
 * @param peer the attested peer AS (its configuration and one enclave's keys)
 * @param peerEnclaves the Ed25519 keys of every attested enclave of the peer AS: dealing records
 *     for this AS's replicas must be signed by one of them
 * @param ownEnclaves the Ed25519 keys of the enclaves of this AS's gateways (this one included): a
 *     relayed lock may name a dealing made by any of them
 * @param dealingMode per transaction or per session
 * @param rotation when per-session dealings rotate
 * @param relayTimeoutMillis how long to wait for the peer before failing over or asking again
 * @param duplicateCapacity how many transactions the duplicate filter remembers
 */
public record GatewayCoreConfig(
    GatewayId self,
    AsConfiguration ownAs,
    AttestedPeer peer,
    Set<IdentityPublicKey> peerEnclaves,
    Set<IdentityPublicKey> ownEnclaves,
    DealingContext.Mode dealingMode,
    RotationPolicy rotation,
    long relayTimeoutMillis,
    int duplicateCapacity) {
  /** Checks the fields. */
  public GatewayCoreConfig {
    Objects.requireNonNull(self, "self");
    Objects.requireNonNull(ownAs, "ownAs");
    Objects.requireNonNull(peer, "peer");
    peerEnclaves = Set.copyOf(peerEnclaves);
    ownEnclaves = Set.copyOf(ownEnclaves);
    Objects.requireNonNull(dealingMode, "dealingMode");
    Objects.requireNonNull(rotation, "rotation");
    if (!self.as().equals(ownAs.as()) || peer.as().equals(ownAs.as())) {
      throw new IllegalArgumentException("self must serve ownAs, and the peer is another AS");
    }
    if (relayTimeoutMillis < 1 || duplicateCapacity < 1) {
      throw new IllegalArgumentException("timeout and capacity must be positive");
    }
  }
}
