package org.intertrust.sim.crossas;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.intertrust.gateway.protocol.attestation.HandshakeMessage;
import org.intertrust.gateway.protocol.certificate.CrossAsStatement;
import org.intertrust.gateway.protocol.core.GatewayMessage;
import org.intertrust.gateway.protocol.replica.TransferTerms;
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
   * Between gateways of two ASs: a core message, with the transfer's terms when the sender knows
   * them (the core's first cut has no wire format and no field for them; Y's replicas check them
   * against the cross-AS id, so a gateway cannot alter them).
   */
  record BetweenGateways(GatewayMessage message, Optional<TransferTerms> terms)
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

  /** A client asks its source gateway to carry a signed lock (encoded) with these terms. */
  record Request(byte[] encodedLock, TransferTerms terms) implements CrossAsMessage {
    public Request {
      encodedLock = encodedLock.clone();
      Objects.requireNonNull(terms, "terms");
    }

    @Override
    public byte[] encodedLock() {
      return encodedLock.clone();
    }

    @Override
    public String toString() {
      return "Request[" + terms.id() + "]";
    }
  }
}
