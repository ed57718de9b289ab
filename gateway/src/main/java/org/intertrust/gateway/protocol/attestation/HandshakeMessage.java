package org.intertrust.gateway.protocol.attestation;

import java.util.Objects;
import org.intertrust.crypto.encoding.AsId;

/**
 * The three messages of mutual attestation (DESIGN.md §4, Setup):
 *
 * <pre>
 *   initiator -> responder   Hello(challenge_i)
 *   responder -> initiator   Reply(evidence over challenge_i, challenge_r)
 *   initiator -> responder   Finish(evidence over challenge_r)
 * </pre>
 */
public sealed interface HandshakeMessage {
  /** The sender's AS. */
  AsId from();

  /** The initiator's challenge. */
  record Hello(AsId from, byte[] challenge) implements HandshakeMessage {
    /** Copies the challenge. */
    public Hello {
      Objects.requireNonNull(from, "from");
      challenge = challenge.clone();
    }

    @Override
    public byte[] challenge() {
      return challenge.clone();
    }
  }

  /** The responder's evidence and its own challenge. */
  record Reply(AsId from, AttestationEvidence evidence, byte[] challenge)
      implements HandshakeMessage {
    /** Copies the challenge. */
    public Reply {
      Objects.requireNonNull(from, "from");
      Objects.requireNonNull(evidence, "evidence");
      challenge = challenge.clone();
    }

    @Override
    public byte[] challenge() {
      return challenge.clone();
    }
  }

  /** The initiator's evidence. */
  record Finish(AsId from, AttestationEvidence evidence) implements HandshakeMessage {
    /** Checks the fields. */
    public Finish {
      Objects.requireNonNull(from, "from");
      Objects.requireNonNull(evidence, "evidence");
    }
  }
}
