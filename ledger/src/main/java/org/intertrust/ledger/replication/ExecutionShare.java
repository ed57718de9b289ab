package org.intertrust.ledger.replication;

import java.util.Objects;
import org.intertrust.crypto.bls.PartialSignature;
import org.intertrust.ledger.block.ExecutionStatement;

/**
 * One replica's partial signature, with its execution key share, on an {@link ExecutionStatement}.
 * Replica i holds share index i+1; f+1 shares on the same statement combine into an {@link
 * ExecutionCertificate}.
 *
 * @param statement what was signed
 * @param share the partial signature
 * @param signer the signing replica's index
 */
public record ExecutionShare(ExecutionStatement statement, PartialSignature share, int signer) {

  /** Checks that no field is null. */
  public ExecutionShare {
    Objects.requireNonNull(statement, "statement");
    Objects.requireNonNull(share, "share");
  }
}
