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
 * Destination AS, executing a MESSAGE (the UNLOCK decision and its effect in one step): appends
 * {@code payload} to application inbox {@code inbox}. Never executed after the deadline. Fields:
 * crossTxId, source, inbox, payload (at most 64 KiB), deadline, lock certificate.
 *
 * @param chain the destination AS
 * @param crossTxId the cross-AS transaction
 * @param source the source AS
 * @param inbox the receiving application inbox
 * @param payload the data
 * @param deadline the deadline in this AS's consensus time
 * @param certificate the source's lock certificate, opaque to the ledger
 */
public record MessageDelivery(
    AsId chain,
    CrossAsTxId crossTxId,
    AsId source,
    InboxId inbox,
    MessagePayload payload,
    ConsensusTime deadline,
    CertificateBytes certificate)
    implements CrossAsTransaction {

  /** Checks that no field is null. */
  public MessageDelivery {
    Objects.requireNonNull(chain, "chain");
    Objects.requireNonNull(crossTxId, "crossTxId");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(inbox, "inbox");
    Objects.requireNonNull(payload, "payload");
    Objects.requireNonNull(deadline, "deadline");
    Objects.requireNonNull(certificate, "certificate");
  }

  @Override
  public TransactionKind kind() {
    return TransactionKind.MESSAGE_DELIVERY;
  }

  @Override
  public void writeFields(CanonicalWriter w) throws EncodingException {
    crossTxId.write(w);
    w.asId(source);
    inbox.write(w);
    payload.write(w);
    deadline.write(w);
    certificate.write(w);
  }

  static MessageDelivery read(AsId chain, CanonicalReader r) throws EncodingException {
    return new MessageDelivery(
        chain,
        CrossAsTxId.read(r),
        r.asId(),
        InboxId.read(r),
        MessagePayload.read(r),
        ConsensusTime.read(r),
        CertificateBytes.read(r));
  }
}
