package org.intertrust.ledger.state;

import java.util.Optional;
import org.intertrust.ledger.value.AccountId;
import org.intertrust.ledger.value.Amount;
import org.intertrust.ledger.value.AssetId;
import org.intertrust.ledger.value.Nonce;

/** Read access to a ledger state, by section and key. */
public interface StateView {

  /** Returns the value under {@code key} in {@code section}, or empty. */
  <K extends Comparable<K>, V> Optional<V> get(Section<K, V> section, K key);

  /** Returns the balance of {@code account} in {@code asset}; zero if none. */
  default Amount balance(AccountId account, AssetId asset) {
    return get(Section.BALANCES, new BalanceKey(account, asset)).orElse(Amount.ZERO);
  }

  /** Returns the next nonce {@code account} must use. */
  default Nonce nonce(AccountId account) {
    return get(Section.NONCES, account).orElse(Nonce.ZERO);
  }

  /** Returns whether {@code asset} exists here: a native asset or a voucher outstanding. */
  default boolean isKnownAsset(AssetId asset) {
    return get(Section.SUPPLY, asset).isPresent() || get(Section.VOUCHERS, asset).isPresent();
  }
}
