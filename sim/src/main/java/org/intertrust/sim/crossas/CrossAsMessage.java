package org.intertrust.sim.crossas;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.intertrust.gateway.protocol.attestation.HandshakeMessage;
import org.intertrust.gateway.protocol.certificate.CrossAsStatement;
import org.intertrust.gateway.protocol.core.GatewayMessage;
import org.intertrust.gateway.protocol.replica.CrossAsTerms;
import org.intertrust.ledger.tx.CrossAsTransaction;
import org.intertrust.ledger.tx.TransactionCodec;
import org.intertrust.ledger.tx.TransactionDecodingException;
import org.intertrust.sim.consensus.AsMessage;

/** What travels between the nodes of a cross-AS simulation. */
public sealed interface CrossAsMessage {
  /**
   * A message inside one AS (consensus, client transactions, execution shares). In the trace, a
   * cross-AS transaction is described by its kind and cross-AS id.
   */
  record Local(AsMessage message) implements CrossAsMessage {
    public Local {
      Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
      if (message instanceof AsMessage.ClientTransaction tx) {
        try {
          if (TransactionCodec.decode(tx.encoded()) instanceof CrossAsTransaction cross) {
            return "ClientTransaction[" + cross.kind() + " " + cross.crossTxId() + "]";
          }
        } catch (TransactionDecodingException e) {
          return "ClientTransaction[malformed]";
        }
      }
      return message.toString();
    }
  }

  /**
   * A gateway to a replica of its AS (a dealing delivery) or a replica to its gateways (a share).
   */
  record Protocol(GatewayMessage message) implements CrossAsMessage {
    public Protocol {
      Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
      return message.getClass().getSimpleName();
    }
  }

  /**
   * Batch mode: a replica to its gateways, a share on a batch with the batch's leaves (a real
   * gateway reads them from its AS's ledger; here they travel with the share, and the gateway
   * checks them against the batch's root).
   */
  record BatchShare(
      GatewayMessage.ShareSubmission share, List<CrossAsStatement.TransactionStatement> leaves)
      implements CrossAsMessage {
    public BatchShare {
      Objects.requireNonNull(share, "share");
      leaves = List.copyOf(leaves);
    }

    @Override
    public String toString() {
      return "BatchShare[" + leaves.size() + "]";
    }
  }

  /**
   * Between gateways of two ASs: a core message, with the transaction's terms (a transfer's, a
   * swap's with Bob's signature, or a message's with its payload) when the sender knows them (the
   * core's messages have no field for them; Y's replicas check them against the cross-AS id, so a
   * gateway cannot alter them). {@link CrossAsWire} carries them next to the message.
   */
  record BetweenGateways(GatewayMessage message, Optional<CrossAsTerms> terms)
      implements CrossAsMessage {
    public BetweenGateways {
      Objects.requireNonNull(message, "message");
      Objects.requireNonNull(terms, "terms");
    }

    @Override
    public String toString() {
      return message.getClass().getSimpleName();
    }
  }

  /** Between gateways of two ASs: a step of mutual attestation ({@link GatewayLinks}). */
  record Handshake(HandshakeMessage message) implements CrossAsMessage {
    public Handshake {
      Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
      return "Handshake[" + message.getClass().getSimpleName() + "]";
    }
  }

  /**
   * A client asks its source gateway to carry a signed source transaction (encoded: an escrow lock,
   * a swap lock or a message send) with these terms.
   */
  record Request(byte[] encodedLock, CrossAsTerms terms) implements CrossAsMessage {
    public Request {
      encodedLock = encodedLock.clone();
      Objects.requireNonNull(terms, "terms");
    }

    @Override
    public byte[] encodedLock() {
      return encodedLock.clone();
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Request
          && Arrays.equals(encodedLock, ((Request) other).encodedLock)
          && terms.equals(((Request) other).terms);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(encodedLock) * 31 + terms.hashCode();
    }

    @Override
    public String toString() {
      return "Request[" + terms.id() + "]";
    }
  }

  /**
   * A replica to its AS's gateways: its ledger applied the decision on {@code tx} as the source
   * (finalized, or refunded). The source gateway takes f+1 distinct replicas' notices as proof that
   * an honest replica applied it, and the transaction is FINAL (a real gateway would read it from
   * its AS's ledger through execution certificates).
   */
  record Settled(org.intertrust.ledger.value.CrossAsTxId tx, boolean finalized)
      implements CrossAsMessage {
    public Settled {
      Objects.requireNonNull(tx, "tx");
    }
  }

  /**
   * Any of the other messages as {@link CrossAsWire} bytes: the receiver decodes them (or rejects
   * them with a typed reason), as a networked node does. {@code description} is the sender's
   * description of the message, for the trace only: it is not part of the bytes, so a run whose
   * messages travel as bytes traces exactly like one whose messages travel as objects.
   */
  record Wire(byte[] bytes, String description) implements CrossAsMessage {
    public Wire {
      bytes = bytes.clone();
      Objects.requireNonNull(description, "description");
    }

    @Override
    public byte[] bytes() {
      return bytes.clone();
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Wire && Arrays.equals(bytes, ((Wire) other).bytes);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
      return description;
    }
  }
}
