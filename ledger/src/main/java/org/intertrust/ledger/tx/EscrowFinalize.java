package org.intertrust.ledger.tx;

import java.util.Objects;
import java.util.Optional;
import org.intertrust.crypto.encoding.AsId;
import org.intertrust.crypto.encoding.CanonicalReader;
import org.intertrust.crypto.encoding.CanonicalWriter;
import org.intertrust.crypto.encoding.EncodingException;
import org.intertrust.ledger.value.AccountId;
import org.intertrust.ledger.value.CertificateBytes;
import org.intertrust.ledger.value.CrossAsTxId;

/**
 * Source AS, on the destination's UNLOCK decision: finalizes the escrow of a native asset. Without
 * a beneficiary (a TRANSFER) the amount moves into the escrow pool that backs the vouchers
 * outstanding on the destination; with one (a SWAP leg) it is paid to the beneficiary. Fields:
 * crossTxId, optional beneficiary, decision certificate.
 *
 * @param chain the source AS
 * @param crossTxId the cross-AS transaction
 * @param beneficiary the account paid for a swap leg, or empty for a transfer
 * @param certificate the destination's decision certificate, opaque to the ledger
 */
public record EscrowFinalize(
    AsId chain,
    CrossAsTxId crossTxId,
    Optional<AccountId> beneficiary,
    CertificateBytes certificate)
    implements CrossAsTransaction {

  /** Checks that no field is null. */
  public EscrowFinalize {
    Objects.requireNonNull(chain, "chain");
    Objects.requireNonNull(crossTxId, "crossTxId");
    Objects.requireNonNull(beneficiary, "beneficiary");
    Objects.requireNonNull(certificate, "certificate");
  }

  @Override
  public TransactionKind kind() {
    return TransactionKind.ESCROW_FINALIZE;
  }

  @Override
  public void writeFields(CanonicalWriter w) throws EncodingException {
    crossTxId.write(w);
    Fields.writeOptionalAccount(w, beneficiary);
    certificate.write(w);
  }

  static EscrowFinalize read(AsId chain, CanonicalReader r) throws EncodingException {
    return new EscrowFinalize(
        chain, CrossAsTxId.read(r), Fields.readOptionalAccount(r), CertificateBytes.read(r));
  }
}
