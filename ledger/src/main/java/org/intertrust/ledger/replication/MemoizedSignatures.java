package org.intertrust.ledger.replication;

import java.util.LinkedHashMap;
import java.util.Map;
import org.intertrust.ledger.execution.SignatureVerifier;
import org.intertrust.ledger.tx.SignedTransaction;
import org.intertrust.ledger.value.TxId;

/**
 * Remembers the outcome of each signature check by transaction id, so a transaction checked on
 * admission is not checked again when proposed, validated or executed. Sound because the id hashes
 * the whole encoding, signature included. Bounded: the oldest answers are forgotten first.
 */
final class MemoizedSignatures implements SignatureVerifier {
  static final int CAPACITY = 100_000;

  private final SignatureVerifier verifier;
  private final Map<TxId, Boolean> answers =
      new LinkedHashMap<>() {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<TxId, Boolean> eldest) {
          return size() > CAPACITY;
        }
      };
  private long checks;

  MemoizedSignatures(SignatureVerifier verifier) {
    this.verifier = verifier;
  }

  @Override
  public boolean verify(SignedTransaction tx, TxId txId) {
    Boolean known = answers.get(txId);
    if (known != null) {
      return known;
    }
    checks++;
    boolean valid = verifier.verify(tx, txId);
    answers.put(txId, valid);
    return valid;
  }

  long checks() {
    return checks;
  }
}
