package org.intertrust.ledger.tx;

import java.util.Objects;
import org.intertrust.crypto.encoding.AsId;
import org.intertrust.crypto.encoding.CanonicalReader;
import org.intertrust.crypto.encoding.CanonicalWriter;
import org.intertrust.crypto.encoding.EncodingException;
import org.intertrust.ledger.value.AccountId;
import org.intertrust.ledger.value.ConsensusTime;
import org.intertrust.ledger.value.CrossAsTxId;
import org.intertrust.ledger.value.Hash32;
import org.intertrust.ledger.value.InboxId;
import org.intertrust.ledger.value.Nonce;
import org.intertrust.ledger.value.Sha256;

/**
 * The terms of a cross-AS MESSAGE (ADR 0008): {@code sender} on the source sends a payload whose
 * SHA-256 is {@code payloadHash} to application inbox {@code inbox} on the destination. The sender
 * signs them inside a {@link MessageSend}; the cross-AS id is SHA-256 of a fixed tag and these
 * terms ({@link #id()}), so the LOCKED certificate binds the payload: the destination delivers only
 * a payload with this hash. Fields, in order: source, destination, sender, inbox, payloadHash,
 * deadline, nonce.
 *
 * @param source X, where the sending is recorded
 * @param destination Y, where the payload is delivered
 * @param sender the account on X that signs
 * @param inbox the receiving application inbox on Y
 * @param payloadHash SHA-256 of the payload
 * @param deadline Y's consensus-time deadline
 * @param nonce the sender's nonce on X
 */
public record MessageTerms(
    AsId source,
    AsId destination,
    AccountId sender,
    InboxId inbox,
    Hash32 payloadHash,
    ConsensusTime deadline,
    Nonce nonce) {
  private static final byte[] TAG = {'I', 'T', 'M', 1};

  /** Checks that no field is null. */
  public MessageTerms {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(destination, "destination");
    Objects.requireNonNull(sender, "sender");
    Objects.requireNonNull(inbox, "inbox");
    Objects.requireNonNull(payloadHash, "payloadHash");
    Objects.requireNonNull(deadline, "deadline");
    Objects.requireNonNull(nonce, "nonce");
  }

  /** The cross-AS id: SHA-256 of a fixed tag and the canonical encoding. */
  public CrossAsTxId id() {
    try {
      CanonicalWriter w = new CanonicalWriter(512);
      write(w);
      return new CrossAsTxId(Sha256.hash(TAG, w.toByteArray()));
    } catch (EncodingException e) {
      throw new IllegalStateException("message terms always encode", e);
    }
  }

  /** Whether {@code payload} is the one these terms commit to. */
  public boolean matches(MessagePayload payload) {
    return payload.hash().equals(payloadHash);
  }

  /** Writes the fields in their fixed order. */
  public void write(CanonicalWriter w) throws EncodingException {
    w.asId(source);
    w.asId(destination);
    sender.write(w);
    inbox.write(w);
    payloadHash.write(w);
    deadline.write(w);
    nonce.write(w);
  }

  /** Reads terms written by {@link #write}. */
  public static MessageTerms read(CanonicalReader r) throws EncodingException {
    return new MessageTerms(
        r.asId(),
        r.asId(),
        AccountId.read(r),
        InboxId.read(r),
        Hash32.read(r),
        ConsensusTime.read(r),
        Nonce.read(r));
  }
}
