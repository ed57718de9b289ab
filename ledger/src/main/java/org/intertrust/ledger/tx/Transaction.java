package org.intertrust.ledger.tx;

import org.intertrust.crypto.encoding.AsId;
import org.intertrust.crypto.encoding.CanonicalWriter;
import org.intertrust.crypto.encoding.EncodingException;

/**
 * A ledger transaction. Implementations are immutable records; their canonical encoding is produced
 * by {@link TransactionCodec#encode(Transaction)}.
 *
 * <p>Every transaction names the AS ({@link #chain()}) it is meant for; executing it on another AS
 * is rejected, and for signed kinds the AS id is covered by the signature.
 */
public sealed interface Transaction permits GenesisAllocation, Transfer, CrossAsTransaction {

  /** Returns the kind, which fixes the wire tag and the field layout. */
  TransactionKind kind();

  /** Returns the AS this transaction is meant for. */
  AsId chain();

  /**
   * Writes the kind-specific fields in their fixed order, excluding any signature.
   *
   * @throws EncodingException if a field cannot be encoded within the size bound
   */
  void writeFields(CanonicalWriter writer) throws EncodingException;
}
