package org.intertrust.ledger.execution;

import org.intertrust.ledger.tx.ClientSignatures;
import org.intertrust.ledger.tx.SignedTransaction;
import org.intertrust.ledger.value.TxId;

/**
 * Checks client signatures during execution. Ed25519 verification dominates the cost of executing a
 * block (about 1 to 2 ms per signature with the JDK provider on the reference machine), and the
 * core may not use threads, so a node can verify admitted transactions in parallel outside the core
 * and pass a verifier that answers from that work, for example by the set of transaction ids whose
 * signatures it checked.
 *
 * <p>Contract: the answer must equal {@link ClientSignatures#verify} for the same transaction, so
 * that execution stays deterministic whichever verifier a replica uses.
 */
@FunctionalInterface
public interface SignatureVerifier {

  /** Verifies every signature inline. */
  SignatureVerifier DIRECT = (tx, txId) -> ClientSignatures.verify(tx);

  /** Returns whether {@code tx}, whose id is {@code txId}, carries a valid signature. */
  boolean verify(SignedTransaction tx, TxId txId);
}
