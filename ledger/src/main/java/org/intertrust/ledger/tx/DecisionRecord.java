package org.intertrust.ledger.tx;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.intertrust.crypto.encoding.AsId;
import org.intertrust.crypto.encoding.CanonicalReader;
import org.intertrust.crypto.encoding.CanonicalWriter;
import org.intertrust.crypto.encoding.EncodingException;
import org.intertrust.ledger.value.CertificateBytes;
import org.intertrust.ledger.value.ConsensusTime;
import org.intertrust.ledger.value.CrossAsTxId;

/**
 * Destination AS: records the decision on cross-AS transaction {@code crossTxId} without another
 * effect: RELEASE when the relayed operation cannot be executed (with the reason), or UNLOCK for an
 * operation whose effect is ordered separately (a swap leg). An UNLOCK is refused after the
 * deadline. Fields: crossTxId, source, decision tag, reason (UTF-8, at most 256 bytes), deadline,
 * certificate.
 *
 * @param chain the destination AS
 * @param crossTxId the cross-AS transaction
 * @param source the source AS
 * @param decision UNLOCK or RELEASE
 * @param reason why, for people and logs
 * @param deadline the deadline in this AS's consensus time
 * @param certificate the certificate the decision rests on, opaque to the ledger
 */
public record DecisionRecord(
    AsId chain,
    CrossAsTxId crossTxId,
    AsId source,
    Decision decision,
    String reason,
    ConsensusTime deadline,
    CertificateBytes certificate)
    implements CrossAsTransaction {

  /**
   * Checks that no field is null and the reason fits.
   *
   * @throws IllegalArgumentException if the reason is longer than 256 UTF-8 bytes
   */
  public DecisionRecord {
    Objects.requireNonNull(chain, "chain");
    Objects.requireNonNull(crossTxId, "crossTxId");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(decision, "decision");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(deadline, "deadline");
    Objects.requireNonNull(certificate, "certificate");
    if (reason.getBytes(StandardCharsets.UTF_8).length > Fields.MAX_REASON_BYTES) {
      throw new IllegalArgumentException("reason longer than " + Fields.MAX_REASON_BYTES);
    }
  }

  @Override
  public TransactionKind kind() {
    return TransactionKind.DECISION_RECORD;
  }

  @Override
  public void writeFields(CanonicalWriter w) throws EncodingException {
    crossTxId.write(w);
    w.asId(source);
    w.u8(decision.tag());
    w.string(reason);
    deadline.write(w);
    certificate.write(w);
  }

  static DecisionRecord read(AsId chain, CanonicalReader r) throws EncodingException {
    CrossAsTxId id = CrossAsTxId.read(r);
    AsId source = r.asId();
    int tag = r.u8();
    Decision decision =
        Decision.fromTag(tag)
            .orElseThrow(
                () ->
                    new EncodingException(
                        EncodingException.Reason.INVALID_VALUE, "unknown decision tag " + tag));
    String reason = r.string(Fields.MAX_REASON_BYTES);
    return new DecisionRecord(
        chain, id, source, decision, reason, ConsensusTime.read(r), CertificateBytes.read(r));
  }
}
