package org.intertrust.ledger.state;

import java.util.Objects;
import org.intertrust.crypto.encoding.AsId;
import org.intertrust.crypto.encoding.CanonicalWriter;
import org.intertrust.crypto.encoding.EncodingException;
import org.intertrust.ledger.tx.MessagePayload;
import org.intertrust.ledger.value.CrossAsTxId;
import org.intertrust.ledger.value.Height;

/**
 * A cross-AS message delivered to an application inbox.
 *
 * @param crossTxId the cross-AS transaction that carried it
 * @param source the sending AS
 * @param payload the data
 * @param height the block height of delivery
 */
public record InboxMessage(
    CrossAsTxId crossTxId, AsId source, MessagePayload payload, Height height) {

  /** Checks that no field is null. */
  public InboxMessage {
    Objects.requireNonNull(crossTxId, "crossTxId");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(payload, "payload");
    Objects.requireNonNull(height, "height");
  }

  void write(CanonicalWriter w) throws EncodingException {
    crossTxId.write(w);
    w.asId(source);
    w.bytes(payload.toBytes());
    height.write(w);
  }
}
