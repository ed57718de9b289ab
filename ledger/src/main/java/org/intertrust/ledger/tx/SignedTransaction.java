package org.intertrust.ledger.tx;

import org.intertrust.crypto.identity.IdentitySignature;
import org.intertrust.ledger.value.AccountId;
import org.intertrust.ledger.value.Nonce;

/**
 * A transaction authorised by the Ed25519 signature of the account it spends from, over {@link
 * ClientSignatures#signingBytes(SignedTransaction)}, with the account's next {@link Nonce}.
 */
public interface SignedTransaction {

  /** Returns the account that signs and pays. */
  AccountId signer();

  /** Returns the signer's nonce for this transaction. */
  Nonce nonce();

  /** Returns the signer's signature. */
  IdentitySignature signature();

  /** Returns the transaction this interface describes. */
  Transaction transaction();
}
