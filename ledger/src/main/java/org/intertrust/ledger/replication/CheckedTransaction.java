package org.intertrust.ledger.replication;

import java.util.Objects;
import java.util.Optional;
import org.intertrust.crypto.encoding.AsId;
import org.intertrust.ledger.execution.SignatureVerifier;
import org.intertrust.ledger.tx.SignedTransaction;
import org.intertrust.ledger.tx.Transaction;
import org.intertrust.ledger.tx.TransactionCodec;
import org.intertrust.ledger.tx.TransactionDecodingException;
import org.intertrust.ledger.tx.TransactionKind;
import org.intertrust.ledger.value.TxId;

/**
 * A transaction that passed the stateless checks every replica applies to what it orders: it
 * decodes canonically, is meant for this AS, is of a kind clients may submit, and its signature
 * (for signed kinds) verifies. Whether it applies is decided by execution, against the state.
 *
 * @param txId SHA-256 of {@code encoded}
 * @param encoded the canonical encoding
 * @param transaction the decoded transaction
 */
public record CheckedTransaction(TxId txId, byte[] encoded, Transaction transaction) {

  /** Checks that no field is null and copies the encoding. */
  public CheckedTransaction {
    Objects.requireNonNull(txId, "txId");
    Objects.requireNonNull(transaction, "transaction");
    encoded = encoded.clone();
  }

  @Override
  public byte[] encoded() {
    return encoded.clone();
  }

  int size() {
    return encoded.length;
  }

  /** The outcome of {@link #check}: a checked transaction, or the problem and its detail. */
  public record Outcome(
      Optional<CheckedTransaction> checked,
      Optional<TxId> txId,
      Optional<TransactionProblem> problem,
      String detail) {}

  /** Applies the stateless checks to {@code encoded}, for AS {@code chain}. */
  public static Outcome check(byte[] encoded, AsId chain, SignatureVerifier verifier) {
    if (encoded.length > TransactionCodec.MAX_ENCODED_SIZE) {
      return problem(Optional.empty(), TransactionProblem.OVERSIZED, encoded.length + " bytes");
    }
    Transaction tx;
    try {
      tx = TransactionCodec.decode(encoded);
    } catch (TransactionDecodingException e) {
      return problem(Optional.empty(), TransactionProblem.MALFORMED, e.getMessage());
    }
    TxId txId = TxId.ofEncoding(encoded);
    if (!tx.chain().equals(chain)) {
      return problem(Optional.of(txId), TransactionProblem.WRONG_CHAIN, "for " + tx.chain());
    }
    if (tx.kind() == TransactionKind.GENESIS_ALLOCATION) {
      return problem(Optional.of(txId), TransactionProblem.NOT_SUBMITTABLE, tx.kind().toString());
    }
    if (tx instanceof SignedTransaction signed && !verifier.verify(signed, txId)) {
      return problem(Optional.of(txId), TransactionProblem.BAD_SIGNATURE, txId.toString());
    }
    CheckedTransaction checked = new CheckedTransaction(txId, encoded, tx);
    return new Outcome(Optional.of(checked), Optional.of(txId), Optional.empty(), "");
  }

  private static Outcome problem(Optional<TxId> txId, TransactionProblem problem, String detail) {
    return new Outcome(Optional.empty(), txId, Optional.of(problem), detail);
  }
}
