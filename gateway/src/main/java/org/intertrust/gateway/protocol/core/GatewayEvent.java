package org.intertrust.gateway.protocol.core;

import java.util.List;
import java.util.Objects;
import org.intertrust.gateway.protocol.certificate.CrossAsStatement;
import org.intertrust.gateway.protocol.dealing.DealingReference;
import org.intertrust.ledger.value.ConsensusTime;
import org.intertrust.ledger.value.CrossAsTxId;

/** The inputs of a {@link GatewayCore}; each carries the gateway's local time in milliseconds. */
public sealed interface GatewayEvent {
  /** Local time of the event. */
  long now();

  /** A client asks this (source) gateway to start {@code tx} towards the peer AS. */
  record ClientRequest(long now, CrossAsTxId tx, ConsensusTime deadline) implements GatewayEvent {
    /** Checks the fields. */
    public ClientRequest {
      Objects.requireNonNull(tx, "tx");
      Objects.requireNonNull(deadline, "deadline");
    }
  }

  /** A message arrived. */
  record Received(long now, Sender from, GatewayMessage message) implements GatewayEvent {
    /** Checks the fields. */
    public Received {
      Objects.requireNonNull(from, "from");
      Objects.requireNonNull(message, "message");
    }
  }

  /** A timer set with {@link GatewayAction.SetTimer} fired. */
  record TimerFired(long now, CrossAsTxId tx) implements GatewayEvent {
    /** Checks the id. */
    public TimerFired {
      Objects.requireNonNull(tx, "tx");
    }
  }

  /**
   * This gateway's own AS committed a cross-AS record: a lock (source side) or a decision
   * (destination side), with the statement its replicas now sign.
   */
  record Committed(long now, CrossAsStatement.TransactionStatement statement)
      implements GatewayEvent {
    /** Checks the statement. */
    public Committed {
      Objects.requireNonNull(statement, "statement");
    }
  }

  /**
   * Batch mode: this gateway's own AS committed a block whose cross-AS records addressed to the
   * peer, signed under {@code dealing}, are {@code leaves} (in block order); its replicas sign
   * {@code batch}, the statement over their Merkle root. The core checks that the leaves hash to
   * the batch's root before it collects shares.
   */
  record BatchCommitted(
      long now,
      CrossAsStatement.Batch batch,
      DealingReference dealing,
      List<CrossAsStatement.TransactionStatement> leaves)
      implements GatewayEvent {
    /** Checks the fields and copies the leaves. */
    public BatchCommitted {
      Objects.requireNonNull(batch, "batch");
      Objects.requireNonNull(dealing, "dealing");
      leaves = List.copyOf(leaves);
    }
  }

  /** The source AS applied the decision on {@code tx}: both sides are final. */
  record Finalized(long now, CrossAsTxId tx) implements GatewayEvent {
    /** Checks the id. */
    public Finalized {
      Objects.requireNonNull(tx, "tx");
    }
  }

  /**
   * After a restart: a transaction this gateway carried as the source gateway, as it last persisted
   * it ({@link GatewayAction.Persist}, ADR 0015). The core takes it up where it was.
   */
  record Resumed(long now, SourceSnapshot snapshot) implements GatewayEvent {
    /** Checks the snapshot. */
    public Resumed {
      Objects.requireNonNull(snapshot, "snapshot");
    }
  }
}
