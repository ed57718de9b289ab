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
 * Source AS, lock phase of a SWAP: the initiator (Alice) escrows her asset for the counterparty
 * (Bob), who is paid on the destination's UNLOCK; on RELEASE she is refunded. Signed by Alice with
 * her nonce ({@link SwapTerms#nonce()}) over the terms and Bob's signature; the source does not
 * check Bob's signature (the destination does, before executing his leg). Fields: terms,
 * counterpartySignature; then Alice's signature. The cross-AS id is {@link
 * SwapTerms#id(IdentitySignature)}.
 *
 * @param chain the source AS
 * @param terms the swap's terms
 * @param counterpartySignature Bob's signature over the terms
 * @param signature Alice's signature over this transaction
 */
public record SwapLock(
    AsId chain,
    SwapTerms terms,
    IdentitySignature counterpartySignature,
    IdentitySignature signature)
    implements CrossAsTransaction, SignedTransaction {

  /** Checks that no field is null. */
  public SwapLock {
    Objects.requireNonNull(chain, "chain");
    Objects.requireNonNull(terms, "terms");
    Objects.requireNonNull(counterpartySignature, "counterpartySignature");
    Objects.requireNonNull(signature, "signature");
  }

  /** Builds the lock of {@code terms} on their source and signs it as the initiator {@code key}. */
  public static SwapLock sign(
      IdentityKeyPair key, SwapTerms terms, IdentitySignature counterpartySignature) {
    SwapLock unsigned = new SwapLock(terms.source(), terms, counterpartySignature, Fields.UNSIGNED);
    return new SwapLock(
        terms.source(), terms, counterpartySignature, ClientSignatures.sign(key, unsigned));
  }

  @Override
  public CrossAsTxId crossTxId() {
    return terms.id(counterpartySignature);
  }

  @Override
  public TransactionKind kind() {
    return TransactionKind.SWAP_LOCK;
  }

  @Override
  public AccountId signer() {
    return terms.initiator();
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
    Fields.writeSignature(w, counterpartySignature);
  }

  static SwapLock read(AsId chain, CanonicalReader r) throws EncodingException {
    return new SwapLock(chain, SwapTerms.read(r), Fields.readSignature(r), Fields.readSignature(r));
  }
}
