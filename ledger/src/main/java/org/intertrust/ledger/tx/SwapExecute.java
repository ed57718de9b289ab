package org.intertrust.ledger.tx;

import java.util.Objects;
import org.intertrust.crypto.encoding.AsId;
import org.intertrust.crypto.encoding.CanonicalReader;
import org.intertrust.crypto.encoding.CanonicalWriter;
import org.intertrust.crypto.encoding.EncodingException;
import org.intertrust.crypto.identity.IdentitySignature;
import org.intertrust.ledger.value.CertificateBytes;
import org.intertrust.ledger.value.CrossAsTxId;

/**
 * Destination AS, deciding a SWAP: executes the counterparty's (Bob's) leg, his asset to the
 * initiator, and records UNLOCK; or, if the leg is not valid here (deadline passed, Bob's signature
 * does not verify, Bob lacks the funds, ...), records RELEASE with the typed reason and changes
 * nothing else (ADR 0008). Fields: terms, counterpartySignature, lock certificate. The cross-AS id
 * is {@link SwapTerms#id(IdentitySignature)}, so the certificate binds both.
 *
 * @param chain the destination AS
 * @param terms the swap's terms
 * @param counterpartySignature Bob's signature over the terms
 * @param certificate the source's lock certificate, opaque to the ledger
 */
public record SwapExecute(
    AsId chain,
    SwapTerms terms,
    IdentitySignature counterpartySignature,
    CertificateBytes certificate)
    implements CrossAsTransaction {

  /** Checks that no field is null. */
  public SwapExecute {
    Objects.requireNonNull(chain, "chain");
    Objects.requireNonNull(terms, "terms");
    Objects.requireNonNull(counterpartySignature, "counterpartySignature");
    Objects.requireNonNull(certificate, "certificate");
  }

  @Override
  public CrossAsTxId crossTxId() {
    return terms.id(counterpartySignature);
  }

  @Override
  public TransactionKind kind() {
    return TransactionKind.SWAP_EXECUTE;
  }

  @Override
  public void writeFields(CanonicalWriter w) throws EncodingException {
    terms.write(w);
    Fields.writeSignature(w, counterpartySignature);
    certificate.write(w);
  }

  static SwapExecute read(AsId chain, CanonicalReader r) throws EncodingException {
    return new SwapExecute(
        chain, SwapTerms.read(r), Fields.readSignature(r), CertificateBytes.read(r));
  }
}
