package org.intertrust.gateway.protocol.certificate;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.intertrust.crypto.encoding.AsId;
import org.intertrust.crypto.encoding.CanonicalReader;
import org.intertrust.crypto.encoding.CanonicalWriter;
import org.intertrust.crypto.encoding.EncodingException;
import org.intertrust.crypto.encoding.EncodingException.Reason;
import org.intertrust.crypto.encoding.SigningDomain;
import org.intertrust.crypto.encoding.Statement;
import org.intertrust.crypto.encoding.Statements;
import org.intertrust.ledger.tx.Decision;
import org.intertrust.ledger.value.ConsensusTime;
import org.intertrust.ledger.value.CrossAsTxId;
import org.intertrust.ledger.value.Hash32;

/**
 * A statement the replicas of one AS sign with shares dealt by the other AS's gateway. The envelope
 * ({@link Statements}) carries the domain, the signing AS as source and the AS the statement is
 * addressed to as destination; the bodies:
 *
 * <pre>
 *   Lock      (CROSS_AS_LOCK)      tx id 32, deadline u64
 *   Decision  (CROSS_AS_DECISION)  tx id 32, deadline u64, decision u8, reason string (&lt;= 256 B)
 *   Batch     (CROSS_AS_BATCH)     batch id u64 (the block height), root 32, leaf count u64
 * </pre>
 *
 * A batch's leaves are the encodings ({@link #encode()}) of the Lock and Decision statements of one
 * block addressed to one AS, in block order.
 */
public sealed interface CrossAsStatement extends Statement {
  /** Largest encoded statement. */
  int MAX_ENCODED = Statements.HEADER_SIZE + 32 + 8 + 1 + 4 + 256;

  /** Largest reason in UTF-8 bytes. */
  int MAX_REASON_BYTES = 256;

  /** The canonical bytes replicas sign. */
  default byte[] encode() {
    try {
      return Statements.encode(this);
    } catch (EncodingException e) {
      throw new IllegalStateException("a validated statement always encodes", e);
    }
  }

  /** A statement about one transaction: Lock or DecisionStatement, the leaves of a batch. */
  sealed interface TransactionStatement extends CrossAsStatement {
    /** The transaction. */
    CrossAsTxId tx();

    /** Its deadline in the destination's consensus time. */
    ConsensusTime deadline();
  }

  /**
   * The source AS locked the transaction's funds (paper §IV-B, Lock).
   *
   * @param sourceAs X, whose replicas sign
   * @param destinationAs Y
   * @param tx the cross-AS transaction
   * @param deadline the deadline in Y's consensus time
   */
  record Lock(AsId sourceAs, AsId destinationAs, CrossAsTxId tx, ConsensusTime deadline)
      implements TransactionStatement {
    /** Checks the fields. */
    public Lock {
      Objects.requireNonNull(sourceAs, "sourceAs");
      Objects.requireNonNull(destinationAs, "destinationAs");
      Objects.requireNonNull(tx, "tx");
      Objects.requireNonNull(deadline, "deadline");
    }

    @Override
    public SigningDomain domain() {
      return SigningDomain.CROSS_AS_LOCK;
    }

    @Override
    public void writeBody(CanonicalWriter w) throws EncodingException {
      tx.write(w);
      deadline.write(w);
    }
  }

  /**
   * The destination AS decided (paper §IV-B, Verification; DESIGN.md §4 deadline rule).
   *
   * @param sourceAs Y, whose replicas sign
   * @param destinationAs X
   * @param tx the cross-AS transaction
   * @param deadline the deadline in Y's consensus time
   * @param decision UNLOCK or RELEASE
   * @param reason why (empty for UNLOCK), at most 256 UTF-8 bytes
   */
  record DecisionStatement(
      AsId sourceAs,
      AsId destinationAs,
      CrossAsTxId tx,
      ConsensusTime deadline,
      Decision decision,
      String reason)
      implements TransactionStatement {
    /** Checks the fields. */
    public DecisionStatement {
      Objects.requireNonNull(sourceAs, "sourceAs");
      Objects.requireNonNull(destinationAs, "destinationAs");
      Objects.requireNonNull(tx, "tx");
      Objects.requireNonNull(deadline, "deadline");
      Objects.requireNonNull(decision, "decision");
      Objects.requireNonNull(reason, "reason");
      if (reason.getBytes(StandardCharsets.UTF_8).length > MAX_REASON_BYTES) {
        throw new IllegalArgumentException("reason longer than " + MAX_REASON_BYTES + " bytes");
      }
    }

    @Override
    public SigningDomain domain() {
      return SigningDomain.CROSS_AS_DECISION;
    }

    @Override
    public void writeBody(CanonicalWriter w) throws EncodingException {
      tx.write(w);
      deadline.write(w);
      w.u8(decision.tag());
      w.string(reason);
    }
  }

  /**
   * A Merkle root over the cross-AS statements of one block addressed to one AS.
   *
   * @param sourceAs the AS whose replicas sign
   * @param destinationAs the AS all leaves are addressed to
   * @param batchId the block height
   * @param root RFC 6962 root of the leaves
   * @param leafCount the number of leaves, at least 1
   */
  record Batch(AsId sourceAs, AsId destinationAs, long batchId, Hash32 root, long leafCount)
      implements CrossAsStatement {
    /** Checks the fields. */
    public Batch {
      Objects.requireNonNull(sourceAs, "sourceAs");
      Objects.requireNonNull(destinationAs, "destinationAs");
      Objects.requireNonNull(root, "root");
      if (batchId < 0 || leafCount < 1) {
        throw new IllegalArgumentException("batch id >= 0 and at least one leaf");
      }
    }

    @Override
    public SigningDomain domain() {
      return SigningDomain.CROSS_AS_BATCH;
    }

    @Override
    public void writeBody(CanonicalWriter w) throws EncodingException {
      w.u64(batchId);
      root.write(w);
      w.u64(leafCount);
    }
  }

  /**
   * Parses {@link #encode()}.
   *
   * @throws EncodingException if the bytes are not exactly one cross-AS statement
   */
  static CrossAsStatement decode(byte[] bytes) throws EncodingException {
    if (bytes == null || bytes.length > MAX_ENCODED) {
      throw new EncodingException(Reason.LENGTH_TOO_LARGE, "statement missing or too long");
    }
    CanonicalReader reader = new CanonicalReader(bytes);
    Statements.Header header = Statements.decodeHeader(reader);
    CanonicalReader body = new CanonicalReader(Statements.readBody(reader));
    reader.expectEnd();
    CrossAsStatement statement;
    try {
      statement = decodeBody(header, body);
    } catch (IllegalArgumentException e) {
      throw new EncodingException(Reason.INVALID_VALUE, e.getMessage());
    }
    body.expectEnd();
    return statement;
  }

  private static CrossAsStatement decodeBody(Statements.Header header, CanonicalReader body)
      throws EncodingException {
    AsId source = header.source();
    AsId destination = header.destination();
    switch (header.domain()) {
      case CROSS_AS_LOCK:
        return new Lock(source, destination, CrossAsTxId.read(body), ConsensusTime.read(body));
      case CROSS_AS_DECISION:
        CrossAsTxId tx = CrossAsTxId.read(body);
        ConsensusTime deadline = ConsensusTime.read(body);
        int tag = body.u8();
        Decision decision =
            Decision.fromTag(tag)
                .orElseThrow(() -> new EncodingException(Reason.INVALID_VALUE, "decision " + tag));
        return new DecisionStatement(
            source, destination, tx, deadline, decision, body.string(MAX_REASON_BYTES));
      case CROSS_AS_BATCH:
        long batchId = body.u64();
        Hash32 root = Hash32.read(body);
        return new Batch(source, destination, batchId, root, body.u64());
      default:
        throw new EncodingException(
            Reason.UNKNOWN_DOMAIN, "not a cross-AS statement: " + header.domain());
    }
  }
}
