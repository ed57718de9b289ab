package org.intertrust.ledger.state;

import java.util.Comparator;
import java.util.Objects;
import org.intertrust.crypto.encoding.AsId;
import org.intertrust.ledger.value.AssetId;

/**
 * Key of the escrow pool: finalized escrows of {@code asset} that back vouchers outstanding on
 * {@code counterpart}. Ordered by asset, then AS.
 *
 * @param asset the escrowed denomination
 * @param counterpart the AS holding the vouchers
 */
public record PoolKey(AssetId asset, AsId counterpart) implements Comparable<PoolKey> {

  private static final Comparator<PoolKey> ORDER =
      Comparator.comparing(PoolKey::asset).thenComparing(PoolKey::counterpart);

  /** Checks that no field is null. */
  public PoolKey {
    Objects.requireNonNull(asset, "asset");
    Objects.requireNonNull(counterpart, "counterpart");
  }

  @Override
  public int compareTo(PoolKey other) {
    return ORDER.compare(this, other);
  }
}
