package org.intertrust.gateway.protocol.attestation;

import java.util.Objects;
import java.util.Optional;

/**
 * What a handshake step produced: an attested peer (and maybe a message to send), or a rejection.
 */
public sealed interface HandshakeResult {
  /**
   * The peer is attested.
   *
   * @param peer the attested peer
   * @param send the message to send back, if any (the initiator's Finish)
   */
  record Established(AttestedPeer peer, Optional<HandshakeMessage> send)
      implements HandshakeResult {
    /** Checks the fields. */
    public Established {
      Objects.requireNonNull(peer, "peer");
      Objects.requireNonNull(send, "send");
    }
  }

  /**
   * The peer's evidence was rejected; nothing is sent.
   *
   * @param reason why
   * @param detail for logs
   */
  record Rejected(AttestationException.Reason reason, String detail) implements HandshakeResult {
    /** Checks the reason. */
    public Rejected {
      Objects.requireNonNull(reason, "reason");
    }
  }
}
