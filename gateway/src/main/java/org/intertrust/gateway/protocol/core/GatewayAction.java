package org.intertrust.gateway.protocol.core;

import java.util.Objects;
import org.intertrust.crypto.encoding.AsId;
import org.intertrust.gateway.protocol.certificate.TransactionProof;
import org.intertrust.gateway.protocol.routing.GatewayId;
import org.intertrust.ledger.value.ConsensusTime;
import org.intertrust.ledger.value.CrossAsTxId;

/** The outputs of a {@link GatewayCore}. */
public sealed interface GatewayAction {
  /** Send {@code message} to the gateway {@code to}. */
  record SendToGateway(GatewayId to, GatewayMessage message) implements GatewayAction {
    /** Checks the fields. */
    public SendToGateway {
      Objects.requireNonNull(to, "to");
      Objects.requireNonNull(message, "message");
    }
  }

  /** Send {@code message} to every replica of this gateway's AS. */
  record SendToReplicas(GatewayMessage message) implements GatewayAction {
    /** Checks the message. */
    public SendToReplicas {
      Objects.requireNonNull(message, "message");
    }
  }

  /**
   * Submit a verified proof from the peer AS to this AS's consensus: a lock (destination side:
   * replicas decide UNLOCK or RELEASE) or a decision (source side: finalize or refund).
   */
  record SubmitProof(TransactionProof proof) implements GatewayAction {
    /** Checks the proof. */
    public SubmitProof {
      Objects.requireNonNull(proof, "proof");
    }
  }

  /** Destination side, after the deadline: ask this AS to order an EXPIRE entry for {@code tx}. */
  record SubmitExpire(CrossAsTxId tx, AsId source, ConsensusTime deadline)
      implements GatewayAction {
    /** Checks the fields. */
    public SubmitExpire {
      Objects.requireNonNull(tx, "tx");
      Objects.requireNonNull(source, "source");
      Objects.requireNonNull(deadline, "deadline");
    }
  }

  /** Fire {@link GatewayEvent.TimerFired} for {@code tx} after {@code delayMillis}. */
  record SetTimer(CrossAsTxId tx, long delayMillis) implements GatewayAction {
    /** Checks the id. */
    public SetTimer {
      Objects.requireNonNull(tx, "tx");
    }
  }

  /** A rejected input, with its typed reason, for the log and the counters. */
  record Reject(Sender from, RejectReason reason, String detail) implements GatewayAction {
    /** Checks the fields. */
    public Reject {
      Objects.requireNonNull(from, "from");
      Objects.requireNonNull(reason, "reason");
    }
  }

  /**
   * Store {@code snapshot} durably, replacing the transaction's previous one, before performing the
   * actions that follow (ADR 0015). A FINAL one carries only what a client still reads.
   */
  record Persist(SourceSnapshot snapshot) implements GatewayAction {
    /** Checks the snapshot. */
    public Persist {
      Objects.requireNonNull(snapshot, "snapshot");
    }
  }
}
