package org.intertrust.ledger.tx;

import java.util.Objects;
import org.intertrust.crypto.encoding.AsId;
import org.intertrust.crypto.encoding.CanonicalReader;
import org.intertrust.crypto.encoding.CanonicalWriter;
import org.intertrust.crypto.encoding.EncodingException;
import org.intertrust.ledger.value.AccountId;
import org.intertrust.ledger.value.Amount;
import org.intertrust.ledger.value.AssetId;
import org.intertrust.ledger.value.CertificateBytes;
import org.intertrust.ledger.value.ConsensusTime;
import org.intertrust.ledger.value.CrossAsTxId;

/**
 * Destination AS, executing a TRANSFER (the UNLOCK decision and its effect in one step): credits
 * {@code recipient} with {@code amount} of {@code sourceAsset} locked on {@code source}. If {@code
 * sourceAsset} is a voucher of this AS's own asset coming home ({@code voucher/<this AS>/X}), the
 * amount of {@code X} is released from the escrow pool kept for {@code source}; otherwise a voucher
 * {@code voucher/<source>/<sourceAsset>} is minted. Fields: crossTxId, source, sourceAsset,
 * recipient, amount, deadline, lock certificate.
 *
 * @param chain the destination AS
 * @param crossTxId the cross-AS transaction
 * @param source the source AS, where the funds are escrowed
 * @param sourceAsset the denomination as named on the source
 * @param recipient the account credited
 * @param amount the quantity, must be positive to apply
 * @param deadline the deadline in this AS's consensus time; never executed after it
 * @param certificate the source's lock certificate, opaque to the ledger
 */
public record VoucherMint(
    AsId chain,
    CrossAsTxId crossTxId,
    AsId source,
    AssetId sourceAsset,
    AccountId recipient,
    Amount amount,
    ConsensusTime deadline,
    CertificateBytes certificate)
    implements CrossAsTransaction {

  /** Checks that no field is null. */
  public VoucherMint {
    Objects.requireNonNull(chain, "chain");
    Objects.requireNonNull(crossTxId, "crossTxId");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(sourceAsset, "sourceAsset");
    Objects.requireNonNull(recipient, "recipient");
    Objects.requireNonNull(amount, "amount");
    Objects.requireNonNull(deadline, "deadline");
    Objects.requireNonNull(certificate, "certificate");
  }

  @Override
  public TransactionKind kind() {
    return TransactionKind.VOUCHER_MINT;
  }

  @Override
  public void writeFields(CanonicalWriter w) throws EncodingException {
    crossTxId.write(w);
    w.asId(source);
    sourceAsset.write(w);
    recipient.write(w);
    amount.write(w);
    deadline.write(w);
    certificate.write(w);
  }

  static VoucherMint read(AsId chain, CanonicalReader r) throws EncodingException {
    return new VoucherMint(
        chain,
        CrossAsTxId.read(r),
        r.asId(),
        AssetId.read(r),
        AccountId.read(r),
        Amount.read(r),
        ConsensusTime.read(r),
        CertificateBytes.read(r));
  }
}
