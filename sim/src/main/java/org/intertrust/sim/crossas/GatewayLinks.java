package org.intertrust.sim.crossas;

import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import org.intertrust.crypto.encoding.AsId;
import org.intertrust.crypto.identity.IdentityPublicKey;
import org.intertrust.gateway.protocol.attestation.AttestationException;
import org.intertrust.gateway.protocol.attestation.AttestedPeer;
import org.intertrust.gateway.protocol.attestation.HandshakeMessage;
import org.intertrust.gateway.protocol.attestation.HandshakeResult;
import org.intertrust.gateway.protocol.attestation.MutualAttestation;
import org.intertrust.gateway.protocol.config.AsConfiguration;
import org.intertrust.sim.NodeContext;

/**
 * One gateway's links to the gateways of other ASs, opened by the real mutual attestation handshake
 * ({@link MutualAttestation}, DESIGN.md §4 Setup). At start the gateway sends a Hello to every peer
 * gateway and repeats it, first after {@value #RETRY_MILLIS} ms and then twice as long each time up
 * to {@value #MAX_RETRY_MILLIS} ms, until the peer's Reply verifies (the network may lose it, and
 * over a real network the peer may not be up yet); it answers every Hello it receives. A peer
 * gateway's link is open once its evidence passed the attestation policy and names the peer AS's
 * configuration and one of the enclaves the gateway core trusts for that AS. A peer rejected for
 * what it is (unattested platform, unknown code, bad signature, unsafe threshold, another
 * configuration) is never asked again, and nothing it sends reaches the core ({@link GatewayNode}
 * drops it as UNATTESTED_GATEWAY). A quote refused as replayed or stale is refused, but the peer is
 * asked again: it is also what a late Reply to an abandoned Hello looks like.
 */
final class GatewayLinks {
  static final long RETRY_MILLIS = 100;

  static final long MAX_RETRY_MILLIS = 1_600;

  /** The timer tag of a handshake retry. */
  static final Object RETRY = "handshake-retry";

  private final MutualAttestation endpoint;
  private final Map<Integer, AsId> peers;
  private final Map<AsId, AsConfiguration> configurations;
  private final Set<IdentityPublicKey> trustedEnclaves;
  private final CrossAsStats stats;
  private final Set<Integer> open = new HashSet<>();
  private final Set<Integer> refused = new HashSet<>();
  private long retryMillis = RETRY_MILLIS;

  /**
   * Links to the gateways {@code peers} (node id to AS), expecting each AS's {@code configurations}
   * and enclaves from {@code trustedEnclaves}.
   */
  GatewayLinks(
      MutualAttestation endpoint,
      Map<Integer, AsId> peers,
      Map<AsId, AsConfiguration> configurations,
      Set<IdentityPublicKey> trustedEnclaves,
      CrossAsStats stats) {
    this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
    this.peers = new TreeMap<>(peers);
    this.configurations = Map.copyOf(configurations);
    this.trustedEnclaves = Set.copyOf(trustedEnclaves);
    this.stats = stats;
  }

  /** Sends a Hello to every peer gateway whose link is not open or refused; repeats later. */
  void hello(NodeContext<CrossAsMessage> context) {
    boolean waiting = false;
    for (Map.Entry<Integer, AsId> peer : peers.entrySet()) {
      if (!open.contains(peer.getKey()) && !refused.contains(peer.getKey())) {
        context.send(peer.getKey(), new CrossAsMessage.Handshake(endpoint.start(peer.getValue())));
        waiting = true;
      }
    }
    if (waiting) {
      context.setTimer(retryMillis * CrossAsScenario.MILLIS, RETRY);
      retryMillis = Math.min(2 * retryMillis, MAX_RETRY_MILLIS);
    }
  }

  /** A handshake message from node {@code from}. */
  void onHandshake(NodeContext<CrossAsMessage> context, int from, HandshakeMessage message) {
    AsId claimed = peers.get(from);
    if (claimed == null || !claimed.equals(message.from())) {
      stats.rejected("UNKNOWN_GATEWAY");
      return;
    }
    long now = context.now() / CrossAsScenario.MILLIS;
    if (message instanceof HandshakeMessage.Hello hello) {
      context.send(from, new CrossAsMessage.Handshake(endpoint.onHello(hello)));
    } else if (message instanceof HandshakeMessage.Reply reply) {
      HandshakeResult result = endpoint.onReply(reply, now);
      if (accept(from, result) && result instanceof HandshakeResult.Established established) {
        established.send().ifPresent(m -> context.send(from, new CrossAsMessage.Handshake(m)));
      }
    } else {
      accept(from, endpoint.onFinish((HandshakeMessage.Finish) message, now));
    }
  }

  private boolean accept(int from, HandshakeResult result) {
    if (result instanceof HandshakeResult.Rejected rejected) {
      if (!open.contains(from) && !isTransient(rejected.reason())) {
        refused.add(from);
      }
      stats.rejected("ATTESTATION_" + rejected.reason());
      return false;
    }
    AttestedPeer peer = ((HandshakeResult.Established) result).peer();
    if (!peer.configuration().equals(configurations.get(peer.as()))
        || !trustedEnclaves.contains(peer.keys().identity())) {
      refused.add(from);
      stats.rejected("ATTESTATION_NOT_CONFIGURED_PEER");
      return false;
    }
    open.add(from);
    return true;
  }

  /** A refusal that says nothing about the peer itself: a late or repeated answer. */
  private static boolean isTransient(AttestationException.Reason reason) {
    return reason == AttestationException.Reason.REPLAYED_QUOTE
        || reason == AttestationException.Reason.STALE_QUOTE;
  }

  /** Whether node {@code node}'s link is open. */
  boolean isOpen(int node) {
    return open.contains(node);
  }
}
