package org.intertrust.ledger.tx;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.intertrust.crypto.encoding.AsId;
import org.intertrust.crypto.encoding.CanonicalReader;
import org.intertrust.crypto.encoding.CanonicalWriter;
import org.intertrust.crypto.encoding.EncodingException;
import org.intertrust.ledger.value.AccountId;
import org.intertrust.ledger.value.Amount;
import org.intertrust.ledger.value.AssetId;

/**
 * Creates native assets: credits each allocation and adds it to the asset's supply. Valid only in
 * the genesis block (height 0), whose contents the AS's configuration fixes, so it is unsigned.
 * Fields: a {@code u32} count (at most {@link #MAX_ALLOCATIONS}), then per allocation account,
 * asset, amount.
 *
 * @param chain the AS
 * @param allocations the credits, in order
 */
public record GenesisAllocation(AsId chain, List<Allocation> allocations) implements Transaction {

  /**
   * Most allocations in one transaction; at most 108 bytes each, so the largest genesis allocation
   * fits {@link TransactionCodec#MAX_ENCODED_SIZE}. Use several for more.
   */
  public static final int MAX_ALLOCATIONS = 1024;

  /**
   * One credit.
   *
   * @param account the account credited
   * @param asset the native asset
   * @param amount the quantity
   */
  public record Allocation(AccountId account, AssetId asset, Amount amount) {
    /** Checks that no field is null. */
    public Allocation {
      Objects.requireNonNull(account, "account");
      Objects.requireNonNull(asset, "asset");
      Objects.requireNonNull(amount, "amount");
    }
  }

  /**
   * Copies the allocations.
   *
   * @throws IllegalArgumentException if there are more than {@link #MAX_ALLOCATIONS}
   */
  public GenesisAllocation {
    Objects.requireNonNull(chain, "chain");
    allocations = List.copyOf(allocations);
    if (allocations.size() > MAX_ALLOCATIONS) {
      throw new IllegalArgumentException("more than " + MAX_ALLOCATIONS + " allocations");
    }
  }

  @Override
  public TransactionKind kind() {
    return TransactionKind.GENESIS_ALLOCATION;
  }

  @Override
  public void writeFields(CanonicalWriter w) throws EncodingException {
    w.u32(allocations.size());
    for (Allocation allocation : allocations) {
      allocation.account().write(w);
      allocation.asset().write(w);
      allocation.amount().write(w);
    }
  }

  static GenesisAllocation read(AsId chain, CanonicalReader r) throws EncodingException {
    long count = r.u32();
    if (count > MAX_ALLOCATIONS) {
      throw new EncodingException(
          EncodingException.Reason.LENGTH_TOO_LARGE, count + " allocations exceed bound");
    }
    List<Allocation> allocations = new ArrayList<>((int) count);
    for (long i = 0; i < count; i++) {
      allocations.add(new Allocation(AccountId.read(r), AssetId.read(r), Amount.read(r)));
    }
    return new GenesisAllocation(chain, allocations);
  }
}
