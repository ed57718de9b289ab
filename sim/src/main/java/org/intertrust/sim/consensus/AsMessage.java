package org.intertrust.sim.consensus;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;
import org.intertrust.consensus.ConsensusMessage;
import org.intertrust.ledger.block.ExecutionCertificate;
import org.intertrust.ledger.replication.ExecutionShare;
import org.intertrust.ledger.value.TxId;

/**
 * What travels between the simulated nodes of one AS: consensus messages, client transactions,
 * execution shares (to the collector of their height) and execution certificates (from it to
 * everyone). Each describes itself deterministically for the trace.
 */
public sealed interface AsMessage {
  /** A consensus message. */
  record Consensus(ConsensusMessage message) implements AsMessage {
    public Consensus {
      Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
      return message.toString();
    }
  }

  /**
   * A consensus message as wire bytes, from a Byzantine replica: every receiver decodes it (or
   * rejects it with a typed reason) through the codec, as the networked node will. Honest replicas'
   * messages travel as {@link Consensus} objects: their encoding round-trips exactly
   * (ConsensusCodecTest), so encoding them at every hop would cost wall time and change nothing.
   */
  record Wire(byte[] bytes) implements AsMessage {
    public Wire {
      bytes = bytes.clone();
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
      return "Wire["
          + bytes.length
          + " bytes "
          + HexFormat.of().formatHex(bytes, 0, Math.min(8, bytes.length))
          + "]";
    }
  }

  /** A client's signed transaction, canonically encoded. */
  record ClientTransaction(byte[] encoded) implements AsMessage {
    public ClientTransaction {
      encoded = encoded.clone();
    }

    @Override
    public byte[] encoded() {
      return encoded.clone();
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof ClientTransaction
          && Arrays.equals(encoded, ((ClientTransaction) other).encoded);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(encoded);
    }

    @Override
    public String toString() {
      return "ClientTransaction[" + TxId.ofEncoding(encoded) + "]";
    }
  }

  /** A replica's execution share, sent to the collector of its height. */
  record Share(ExecutionShare share) implements AsMessage {
    public Share {
      Objects.requireNonNull(share, "share");
    }

    @Override
    public String toString() {
      return "ExecutionShare[h=" + share.statement().height() + " by " + share.signer() + "]";
    }
  }

  /** An execution certificate, broadcast by the collector that combined it. */
  record Certificate(ExecutionCertificate certificate) implements AsMessage {
    public Certificate {
      Objects.requireNonNull(certificate, "certificate");
    }

    @Override
    public String toString() {
      return certificate.toString();
    }
  }
}
