package org.intertrust.ledger.tx;

import java.util.Objects;
import org.intertrust.crypto.encoding.AsId;
import org.intertrust.crypto.encoding.CanonicalReader;
import org.intertrust.crypto.encoding.CanonicalWriter;
import org.intertrust.crypto.encoding.EncodingException;
import org.intertrust.ledger.value.CertificateBytes;
import org.intertrust.ledger.value.ConsensusTime;
import org.intertrust.ledger.value.CrossAsTxId;

/**
 * Destination AS, after the deadline (DESIGN.md section 4, "no abort on a local timer"): if {@code
 * crossTxId} was neither executed nor decided, decides RELEASE with reason {@code DEADLINE_PASSED}.
 * Applies only once this AS's consensus time is past {@code deadline}; if a decision exists
 * already, it is rejected and the existing decision stands. Fields: crossTxId, source, deadline,
 * certificate (the source's request, may be empty).
 *
 * @param chain the destination AS
 * @param crossTxId the cross-AS transaction
 * @param source the source AS
 * @param deadline the deadline in this AS's consensus time
 * @param certificate evidence for the request, opaque to the ledger
 */
public record ExpireEntry(
    AsId chain,
    CrossAsTxId crossTxId,
    AsId source,
    ConsensusTime deadline,
    CertificateBytes certificate)
    implements CrossAsTransaction {

  /** Checks that no field is null. */
  public ExpireEntry {
    Objects.requireNonNull(chain, "chain");
    Objects.requireNonNull(crossTxId, "crossTxId");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(deadline, "deadline");
    Objects.requireNonNull(certificate, "certificate");
  }

  @Override
  public TransactionKind kind() {
    return TransactionKind.EXPIRE_ENTRY;
  }

  @Override
  public void writeFields(CanonicalWriter w) throws EncodingException {
    crossTxId.write(w);
    w.asId(source);
    deadline.write(w);
    certificate.write(w);
  }

  static ExpireEntry read(AsId chain, CanonicalReader r) throws EncodingException {
    return new ExpireEntry(
        chain, CrossAsTxId.read(r), r.asId(), ConsensusTime.read(r), CertificateBytes.read(r));
  }
}
