package org.intertrust.ledger.state;

import java.util.Objects;
import org.intertrust.crypto.encoding.AsId;
import org.intertrust.crypto.encoding.CanonicalWriter;
import org.intertrust.crypto.encoding.EncodingException;
import org.intertrust.ledger.value.AccountId;
import org.intertrust.ledger.value.Hash32;
import org.intertrust.ledger.value.InboxId;

/**
 * A cross-AS message sent from this AS: who sent what (by hash) to which inbox of which AS. The
 * payload itself is stored only on the destination, in the inbox.
 *
 * @param sender the signing account
 * @param destination the destination AS
 * @param inbox the inbox on the destination
 * @param payloadHash SHA-256 of the payload
 */
public record OutboundMessage(
    AccountId sender, AsId destination, InboxId inbox, Hash32 payloadHash) {

  /** Checks that no field is null. */
  public OutboundMessage {
    Objects.requireNonNull(sender, "sender");
    Objects.requireNonNull(destination, "destination");
    Objects.requireNonNull(inbox, "inbox");
    Objects.requireNonNull(payloadHash, "payloadHash");
  }

  void write(CanonicalWriter w) throws EncodingException {
    sender.write(w);
    w.asId(destination);
    inbox.write(w);
    payloadHash.write(w);
  }
}
