package org.intertrust.ledger.state;

import java.util.Objects;
import java.util.Optional;
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
 * @param beneficiary for a SWAP, the counterparty paid on UNLOCK; empty for a TRANSFER, whose
 *     finalized escrow backs the vouchers on the destination
 */
public record Escrow(
    AccountId owner,
    AssetId asset,
    Amount amount,
    AsId destination,
    ConsensusTime deadline,
    Optional<AccountId> beneficiary) {

  /** Checks that no field is null. */
  public Escrow {
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(asset, "asset");
    Objects.requireNonNull(amount, "amount");
    Objects.requireNonNull(destination, "destination");
    Objects.requireNonNull(deadline, "deadline");
    Objects.requireNonNull(beneficiary, "beneficiary");
  }

  /** The escrow of a TRANSFER: no beneficiary. */
  public Escrow(
      AccountId owner, AssetId asset, Amount amount, AsId destination, ConsensusTime deadline) {
    this(owner, asset, amount, destination, deadline, Optional.empty());
  }

  /**
   * Returns whether this is a TRANSFER of a voucher whose origin is the destination, so that
   * finalizing burns it (VOUCHER_BURN) rather than pooling it (ESCROW_FINALIZE). A swap escrow is
   * paid to its beneficiary whatever its asset.
   */
  public boolean returnsHome() {
    return beneficiary.isEmpty() && asset.unwrapVoucherOf(destination).isPresent();
  }

  void write(CanonicalWriter w) throws EncodingException {
    owner.write(w);
    asset.write(w);
    amount.write(w);
    w.asId(destination);
    deadline.write(w);
    w.bool(beneficiary.isPresent());
    if (beneficiary.isPresent()) {
      beneficiary.get().write(w);
    }
  }
}
