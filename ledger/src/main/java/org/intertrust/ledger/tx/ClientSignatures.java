package org.intertrust.ledger.tx;

import java.util.Optional;
import org.intertrust.crypto.encoding.AsId;
import org.intertrust.crypto.encoding.CanonicalWriter;
import org.intertrust.crypto.encoding.EncodingException;
import org.intertrust.crypto.encoding.SigningDomain;
import org.intertrust.crypto.encoding.Statement;
import org.intertrust.crypto.encoding.Statements;
import org.intertrust.crypto.identity.IdentityKeyPair;
import org.intertrust.crypto.identity.IdentityPublicKey;
import org.intertrust.crypto.identity.IdentitySignature;

/**
 * Signing and checking client transactions. The signed bytes are a {@link Statements statement} in
 * {@link SigningDomain#CLIENT_TRANSACTION} with source and destination both the transaction's AS,
 * whose body is the kind tag followed by the transaction's fields. The signature itself is not part
 * of what is signed.
 */
public final class ClientSignatures {

  private ClientSignatures() {}

  /** Returns the exact bytes the signer signs for {@code tx}. */
  public static byte[] signingBytes(SignedTransaction tx) throws EncodingException {
    return statementBytes(tx.transaction());
  }

  private static byte[] statementBytes(Transaction tx) throws EncodingException {
    return Statements.encode(new ClientStatement(tx));
  }

  /** Signs the client-transaction statement of {@code unsigned} (its signature is ignored). */
  static IdentitySignature sign(IdentityKeyPair key, Transaction unsigned) {
    try {
      return key.sign(SigningDomain.CLIENT_TRANSACTION, statementBytes(unsigned));
    } catch (EncodingException e) {
      throw new IllegalArgumentException("transaction cannot be encoded: " + e.getMessage(), e);
    }
  }

  /**
   * Returns whether {@code tx} carries a valid signature by its signer. False if the signer's id is
   * not a valid Ed25519 key or the transaction cannot be encoded.
   */
  public static boolean verify(SignedTransaction tx) {
    Optional<IdentityPublicKey> key = tx.signer().publicKey();
    if (key.isEmpty()) {
      return false;
    }
    try {
      return key.get().verify(SigningDomain.CLIENT_TRANSACTION, signingBytes(tx), tx.signature());
    } catch (EncodingException e) {
      return false;
    }
  }

  private record ClientStatement(Transaction tx) implements Statement {
    @Override
    public SigningDomain domain() {
      return SigningDomain.CLIENT_TRANSACTION;
    }

    @Override
    public AsId sourceAs() {
      return tx.chain();
    }

    @Override
    public AsId destinationAs() {
      return tx.chain();
    }

    @Override
    public void writeBody(CanonicalWriter w) throws EncodingException {
      w.u8(tx.kind().tag());
      tx.writeFields(w);
    }
  }
}
