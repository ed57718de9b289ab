package org.intertrust.ledger.tx;

import java.util.Objects;
import org.intertrust.crypto.encoding.AsId;
import org.intertrust.crypto.encoding.CanonicalReader;
import org.intertrust.crypto.encoding.CanonicalWriter;
import org.intertrust.crypto.encoding.EncodingException;
import org.intertrust.crypto.identity.IdentityKeyPair;
import org.intertrust.crypto.identity.IdentitySignature;
import org.intertrust.ledger.value.AccountId;
import org.intertrust.ledger.value.CrossAsTxId;
import org.intertrust.ledger.value.Nonce;

/**
 * Source AS, lock phase of a MESSAGE: records, without moving value, that {@code terms.sender()}
 * sends a payload (by its hash) to an inbox on the destination. The record is LOCKED until the
 * destination decides; on UNLOCK it stays as the sent message, on RELEASE it is removed (ADR 0008).
 * Signed by the sender with its nonce. Fields: terms; then the signature. The cross-AS id is {@link
 * MessageTerms#id()}.
 *
 * @param chain the source AS
 * @param terms the message's terms
 * @param signature the sender's signature
 */
public record MessageSend(AsId chain, MessageTerms terms, IdentitySignature signature)
    implements CrossAsTransaction, SignedTransaction {

  /** Checks that no field is null. */
  public MessageSend {
    Objects.requireNonNull(chain, "chain");
    Objects.requireNonNull(terms, "terms");
    Objects.requireNonNull(signature, "signature");
  }

  /** Builds the sending of {@code terms} on their source and signs it with {@code key}. */
  public static MessageSend sign(IdentityKeyPair key, MessageTerms terms) {
    MessageSend unsigned = new MessageSend(terms.source(), terms, Fields.UNSIGNED);
    return new MessageSend(terms.source(), terms, ClientSignatures.sign(key, unsigned));
  }

  @Override
  public CrossAsTxId crossTxId() {
    return terms.id();
  }

  @Override
  public TransactionKind kind() {
    return TransactionKind.MESSAGE_SEND;
  }

  @Override
  public AccountId signer() {
    return terms.sender();
  }

  @Override
  public Nonce nonce() {
    return terms.nonce();
  }

  @Override
  public Transaction transaction() {
    return this;
  }

  @Override
  public void writeFields(CanonicalWriter w) throws EncodingException {
    terms.write(w);
  }

  static MessageSend read(AsId chain, CanonicalReader r) throws EncodingException {
    return new MessageSend(chain, MessageTerms.read(r), Fields.readSignature(r));
  }
}
