package org.intertrust.ledger.tx;

import java.util.Objects;
import org.intertrust.crypto.encoding.AsId;
import org.intertrust.crypto.encoding.CanonicalReader;
import org.intertrust.crypto.encoding.CanonicalWriter;
import org.intertrust.crypto.encoding.EncodingException;
import org.intertrust.ledger.value.CertificateBytes;
import org.intertrust.ledger.value.CrossAsTxId;

/**
 * Source AS, on the destination's UNLOCK decision for an escrow holding a voucher: the voucher has
 * gone back towards its origin, so the escrowed amount is burned and the vouchers outstanding of
 * its denomination decrease. Fields: crossTxId, decision certificate.
 *
 * @param chain the source AS
 * @param crossTxId the cross-AS transaction
 * @param certificate the destination's decision certificate, opaque to the ledger
 */
public record VoucherBurn(AsId chain, CrossAsTxId crossTxId, CertificateBytes certificate)
    implements CrossAsTransaction {

  /** Checks that no field is null. */
  public VoucherBurn {
    Objects.requireNonNull(chain, "chain");
    Objects.requireNonNull(crossTxId, "crossTxId");
    Objects.requireNonNull(certificate, "certificate");
  }

  @Override
  public TransactionKind kind() {
    return TransactionKind.VOUCHER_BURN;
  }

  @Override
  public void writeFields(CanonicalWriter w) throws EncodingException {
    crossTxId.write(w);
    certificate.write(w);
  }

  static VoucherBurn read(AsId chain, CanonicalReader r) throws EncodingException {
    return new VoucherBurn(chain, CrossAsTxId.read(r), CertificateBytes.read(r));
  }
}
