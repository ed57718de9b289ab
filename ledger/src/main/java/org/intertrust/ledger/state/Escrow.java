package org.intertrust.ledger.state;

import java.util.Objects;
import org.intertrust.crypto.encoding.AsId;
import org.intertrust.crypto.encoding.CanonicalWriter;
import org.intertrust.crypto.encoding.EncodingException;
import org.intertrust.ledger.value.AccountId;
import org.intertrust.ledger.value.Amount;
import org.intertrust.ledger.value.AssetId;
import org.intertrust.ledger.value.ConsensusTime;

/**
 * Funds locked on the source AS for a cross-AS transaction, awaiting the destination's decision.
 *
 * @param owner the account the funds came from, refunded on RELEASE
 * @param asset the denomination
 * @param amount the quantity, positive
 * @param destination the destination AS
 * @param deadline the destination's consensus-time deadline
 */
public record Escrow(
    AccountId owner, AssetId asset, Amount amount, AsId destination, ConsensusTime deadline) {

  /** Checks that no field is null. */
  public Escrow {
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(asset, "asset");
    Objects.requireNonNull(amount, "amount");
    Objects.requireNonNull(destination, "destination");
    Objects.requireNonNull(deadline, "deadline");
  }

  /**
   * Returns whether the escrowed asset is a voucher whose origin is the destination, so that
   * finalizing burns it (VOUCHER_BURN) rather than pooling it (ESCROW_FINALIZE).
   */
  public boolean returnsHome() {
    return asset.unwrapVoucherOf(destination).isPresent();
  }

  void write(CanonicalWriter w) throws EncodingException {
    owner.write(w);
    asset.write(w);
    amount.write(w);
    w.asId(destination);
    deadline.write(w);
  }
}
