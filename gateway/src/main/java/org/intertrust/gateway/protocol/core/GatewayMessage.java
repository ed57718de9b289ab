package org.intertrust.gateway.protocol.core;

import java.util.Objects;
import org.intertrust.crypto.dealing.DealingRecord;
import org.intertrust.crypto.encoding.AsId;
import org.intertrust.gateway.protocol.certificate.CrossAsStatement;
import org.intertrust.gateway.protocol.certificate.TransactionProof;
import org.intertrust.gateway.protocol.collect.WrappedShare;
import org.intertrust.gateway.protocol.dealing.DealingReference;
import org.intertrust.ledger.value.ConsensusTime;
import org.intertrust.ledger.value.CrossAsTxId;

/**
 * Messages a gateway core receives or sends. Between gateways: {@link DealingRequest}, {@link
 * DealingNotice}, {@link LockRelay}, {@link DecisionQuery}, {@link DecisionReply}. From replicas:
 * {@link ShareSubmission}. To replicas: {@link DealingDelivery}.
 */
public sealed interface GatewayMessage {
  /** G_X asks G_Y for the dealing X's replicas will sign {@code tx}'s LOCKED statement with. */
  record DealingRequest(CrossAsTxId tx) implements GatewayMessage {
    /** Checks the id. */
    public DealingRequest {
      Objects.requireNonNull(tx, "tx");
    }
  }

  /** A dealing for the receiver's replicas, for {@code tx}. */
  record DealingNotice(CrossAsTxId tx, DealingRecord record) implements GatewayMessage {
    /** Checks the fields. */
    public DealingNotice {
      Objects.requireNonNull(tx, "tx");
      Objects.requireNonNull(record, "record");
    }
  }

  /**
   * G_X relays the lock proof with the dealing it was signed under (made by a Y enclave, so any Y
   * gateway can check it) and the dealing G_X made for Y's replicas to sign the decision with.
   */
  record LockRelay(TransactionProof lock, DealingRecord lockDealing, DealingRecord decisionDealing)
      implements GatewayMessage {
    /** Checks the fields. */
    public LockRelay {
      Objects.requireNonNull(lock, "lock");
      Objects.requireNonNull(lockDealing, "lockDealing");
      Objects.requireNonNull(decisionDealing, "decisionDealing");
    }
  }

  /**
   * After the deadline, G_X asks any Y gateway for the decision on {@code tx}, with the dealing Y's
   * replicas sign it under (needed if no relay ever reached Y).
   */
  record DecisionQuery(
      CrossAsTxId tx, AsId source, ConsensusTime deadline, DealingRecord decisionDealing)
      implements GatewayMessage {
    /** Checks the fields. */
    public DecisionQuery {
      Objects.requireNonNull(tx, "tx");
      Objects.requireNonNull(source, "source");
      Objects.requireNonNull(deadline, "deadline");
      Objects.requireNonNull(decisionDealing, "decisionDealing");
    }
  }

  /** G_Y's answer: the decision proof, the same for every request. */
  record DecisionReply(TransactionProof decision) implements GatewayMessage {
    /** Checks the proof. */
    public DecisionReply {
      Objects.requireNonNull(decision, "decision");
    }
  }

  /** A replica's wrapped share on {@code statement}, made with the dealing {@code dealing}. */
  record ShareSubmission(CrossAsStatement statement, DealingReference dealing, WrappedShare share)
      implements GatewayMessage {
    /** Checks the fields. */
    public ShareSubmission {
      Objects.requireNonNull(statement, "statement");
      Objects.requireNonNull(dealing, "dealing");
      Objects.requireNonNull(share, "share");
    }
  }

  /** To this AS's replicas: a dealing whose shares are encrypted to them, for {@code tx}. */
  record DealingDelivery(CrossAsTxId tx, DealingRecord record) implements GatewayMessage {
    /** Checks the fields. */
    public DealingDelivery {
      Objects.requireNonNull(tx, "tx");
      Objects.requireNonNull(record, "record");
    }
  }
}
