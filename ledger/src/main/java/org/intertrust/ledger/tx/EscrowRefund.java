package org.intertrust.ledger.tx;

import java.util.Objects;
import org.intertrust.crypto.encoding.AsId;
import org.intertrust.crypto.encoding.CanonicalReader;
import org.intertrust.crypto.encoding.CanonicalWriter;
import org.intertrust.crypto.encoding.EncodingException;
import org.intertrust.ledger.value.CertificateBytes;
import org.intertrust.ledger.value.CrossAsTxId;

/**
 * Source AS, on the destination's RELEASE decision: returns the escrowed amount to its owner.
 * Applies to native and voucher escrows alike. Fields: crossTxId, decision certificate.
 *
 * @param chain the source AS
 * @param crossTxId the cross-AS transaction
 * @param certificate the destination's decision certificate, opaque to the ledger
 */
public record EscrowRefund(AsId chain, CrossAsTxId crossTxId, CertificateBytes certificate)
    implements CrossAsTransaction {

  /** Checks that no field is null. */
  public EscrowRefund {
    Objects.requireNonNull(chain, "chain");
    Objects.requireNonNull(crossTxId, "crossTxId");
    Objects.requireNonNull(certificate, "certificate");
  }

  @Override
  public TransactionKind kind() {
    return TransactionKind.ESCROW_REFUND;
  }

  @Override
  public void writeFields(CanonicalWriter w) throws EncodingException {
    crossTxId.write(w);
    certificate.write(w);
  }

  static EscrowRefund read(AsId chain, CanonicalReader r) throws EncodingException {
    return new EscrowRefund(chain, CrossAsTxId.read(r), CertificateBytes.read(r));
  }
}
