/**
 * Ledger transactions and their canonical encoding.
 *
 * <p>{@link org.intertrust.ledger.tx.Transaction} is a sealed interface over the kinds in {@link
 * org.intertrust.ledger.tx.TransactionKind}: the intra-AS {@link org.intertrust.ledger.tx.Transfer}
 * and {@link org.intertrust.ledger.tx.GenesisAllocation}, and the cross-AS record kinds that the
 * gateway protocol orders. {@link org.intertrust.ledger.tx.TransactionCodec} writes and reads the
 * one canonical byte layout; decoding is bounded and fails with a typed {@link
 * org.intertrust.ledger.tx.TransactionDecodingException.Reason}. Client transactions are signed
 * with Ed25519 in {@link org.intertrust.crypto.encoding.SigningDomain#CLIENT_TRANSACTION} over a
 * {@link org.intertrust.crypto.encoding.Statements statement envelope} that names the AS, so a
 * signature cannot be replayed on another chain; nonces stop replay on the same chain.
 */
package org.intertrust.ledger.tx;
