package org.intertrust.ledger.tx;

import java.util.Objects;
import org.intertrust.crypto.encoding.AsId;
import org.intertrust.crypto.encoding.CanonicalReader;
import org.intertrust.crypto.encoding.CanonicalWriter;
import org.intertrust.crypto.encoding.EncodingException;
import org.intertrust.ledger.value.CertificateBytes;
import org.intertrust.ledger.value.ConsensusTime;
import org.intertrust.ledger.value.CrossAsTxId;
import org.intertrust.ledger.value.InboxId;

/**
 * Destination AS, deciding a MESSAGE: appends {@code payload} to the inbox its terms name and
 * records UNLOCK, or records RELEASE with the reason if it cannot (deadline passed, inbox full). A
 * payload whose hash is not the one in the terms is refused, changing nothing. Fields: terms,
 * payload (at most {@link MessagePayload#MAX_LENGTH} bytes), lock certificate. The cross-AS id is
 * {@link MessageTerms#id()}.
 *
 * @param chain the destination AS
 * @param terms the message's terms, as the sender signed them on the source
 * @param payload the data
 * @param certificate the source's lock certificate, opaque to the ledger
 */
public record MessageDelivery(
    AsId chain, MessageTerms terms, MessagePayload payload, CertificateBytes certificate)
    implements CrossAsTransaction {

  /** Checks that no field is null. */
  public MessageDelivery {
    Objects.requireNonNull(chain, "chain");
    Objects.requireNonNull(terms, "terms");
    Objects.requireNonNull(payload, "payload");
    Objects.requireNonNull(certificate, "certificate");
  }

  @Override
  public CrossAsTxId crossTxId() {
    return terms.id();
  }

  /** The source AS. */
  public AsId source() {
    return terms.source();
  }

  /** The receiving inbox. */
  public InboxId inbox() {
    return terms.inbox();
  }

  /** The deadline in this AS's consensus time. */
  public ConsensusTime deadline() {
    return terms.deadline();
  }

  @Override
  public TransactionKind kind() {
    return TransactionKind.MESSAGE_DELIVERY;
  }

  @Override
  public void writeFields(CanonicalWriter w) throws EncodingException {
    terms.write(w);
    payload.write(w);
    certificate.write(w);
  }

  static MessageDelivery read(AsId chain, CanonicalReader r) throws EncodingException {
    return new MessageDelivery(
        chain, MessageTerms.read(r), MessagePayload.read(r), CertificateBytes.read(r));
  }
}
