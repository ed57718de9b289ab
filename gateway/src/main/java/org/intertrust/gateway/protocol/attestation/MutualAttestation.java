package org.intertrust.gateway.protocol.attestation;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.intertrust.crypto.encoding.AsId;

/**
 * One gateway's side of mutual attestation with the gateways of other ASs: challenge, quote,
 * verify, in three messages ({@link HandshakeMessage}). Pure: the caller passes the time of each
 * event, and the verifier draws challenges from its injected generator. Each side verifies the
 * other's evidence against its own {@link AttestationPolicy}; a peer is established only when its
 * evidence passed every check. Not thread-safe.
 */
public final class MutualAttestation {
  private final Attester attester;
  private final AttestationVerifier verifier;
  private final Map<AsId, AttestedPeer> established = new HashMap<>();

  /** A handshake endpoint that attests with {@code attester} and verifies with {@code verifier}. */
  public MutualAttestation(Attester attester, AttestationVerifier verifier) {
    this.attester = Objects.requireNonNull(attester, "attester");
    this.verifier = Objects.requireNonNull(verifier, "verifier");
  }

  /** Initiator: the Hello to send to a gateway of {@code peer}. */
  public HandshakeMessage.Hello start(AsId peer) {
    return new HandshakeMessage.Hello(attester.as(), verifier.challenge(peer));
  }

  /** Responder: answers a Hello with evidence and a challenge of its own. */
  public HandshakeMessage.Reply onHello(HandshakeMessage.Hello hello) {
    return new HandshakeMessage.Reply(
        attester.as(),
        attester.evidence(hello.from(), hello.challenge()),
        verifier.challenge(hello.from()));
  }

  /** Initiator: verifies the responder; if attested, answers its challenge with a Finish. */
  public HandshakeResult onReply(HandshakeMessage.Reply reply, long nowMillis) {
    try {
      AttestedPeer peer = verifier.verify(reply.from(), reply.evidence(), nowMillis);
      established.put(peer.as(), peer);
      HandshakeMessage finish =
          new HandshakeMessage.Finish(
              attester.as(), attester.evidence(reply.from(), reply.challenge()));
      return new HandshakeResult.Established(peer, Optional.of(finish));
    } catch (AttestationException e) {
      return new HandshakeResult.Rejected(e.reason(), e.getMessage());
    }
  }

  /** Responder: verifies the initiator's evidence. */
  public HandshakeResult onFinish(HandshakeMessage.Finish finish, long nowMillis) {
    try {
      AttestedPeer peer = verifier.verify(finish.from(), finish.evidence(), nowMillis);
      established.put(peer.as(), peer);
      return new HandshakeResult.Established(peer, Optional.empty());
    } catch (AttestationException e) {
      return new HandshakeResult.Rejected(e.reason(), e.getMessage());
    }
  }

  /** The attested peer of {@code as}, once established. */
  public Optional<AttestedPeer> peer(AsId as) {
    return Optional.ofNullable(established.get(as));
  }
}
