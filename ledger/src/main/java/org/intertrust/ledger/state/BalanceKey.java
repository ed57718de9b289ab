package org.intertrust.ledger.state;

import java.util.Comparator;
import java.util.Objects;
import org.intertrust.ledger.value.AccountId;
import org.intertrust.ledger.value.AssetId;

/**
 * Key of a balance: ordered by account, then asset.
 *
 * @param account the holder
 * @param asset the denomination
 */
public record BalanceKey(AccountId account, AssetId asset) implements Comparable<BalanceKey> {

  private static final Comparator<BalanceKey> ORDER =
      Comparator.comparing(BalanceKey::account).thenComparing(BalanceKey::asset);

  /** Checks that no field is null. */
  public BalanceKey {
    Objects.requireNonNull(account, "account");
    Objects.requireNonNull(asset, "asset");
  }

  @Override
  public int compareTo(BalanceKey other) {
    return ORDER.compare(this, other);
  }
}
