package org.intertrust.ledger.execution;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.intertrust.ledger.state.BalanceKey;
import org.intertrust.ledger.state.MutableState;
import org.intertrust.ledger.state.Section;
import org.intertrust.ledger.state.StateView;
import org.intertrust.ledger.value.AccountId;
import org.intertrust.ledger.value.Amount;
import org.intertrust.ledger.value.AmountArithmeticException;
import org.intertrust.ledger.value.AssetId;

/**
 * The writes of one transaction, buffered over a base state. Reads see the buffered writes first,
 * so a rule may read what it wrote (a transfer to oneself). {@link #commitTo(MutableState)} applies
 * the writes in order; nothing reaches the base before that, which is how a rejected transaction
 * leaves the state untouched.
 */
final class Effects implements StateView {

  private record Slot(Section<?, ?> section, Object key) {}

  private final StateView base;
  private final Map<Slot, Optional<Object>> writes = new LinkedHashMap<>();

  Effects(StateView base) {
    this.base = base;
  }

  @Override
  @SuppressWarnings("unchecked")
  public <K extends Comparable<K>, V> Optional<V> get(Section<K, V> section, K key) {
    Optional<Object> written = writes.get(new Slot(section, key));
    return written != null ? (Optional<V>) written : base.get(section, key);
  }

  <K extends Comparable<K>, V> void put(Section<K, V> section, K key, V value) {
    writes.put(new Slot(section, key), Optional.of(value));
  }

  <K extends Comparable<K>, V> void remove(Section<K, V> section, K key) {
    writes.put(new Slot(section, key), Optional.empty());
  }

  /** Stores {@code amount}, or removes the entry if it is zero (sections hold no zeros). */
  <K extends Comparable<K>> void putAmount(Section<K, Amount> section, K key, Amount amount) {
    if (amount.isZero()) {
      remove(section, key);
    } else {
      put(section, key, amount);
    }
  }

  /** Adds {@code amount} to the entry under {@code key}. */
  <K extends Comparable<K>> void addAmount(Section<K, Amount> section, K key, Amount amount)
      throws TxRejectedException {
    Amount current = get(section, key).orElse(Amount.ZERO);
    try {
      putAmount(section, key, current.plus(amount));
    } catch (AmountArithmeticException e) {
      throw new TxRejectedException(RejectionReason.AMOUNT_OVERFLOW, section + " " + key);
    }
  }

  /** Subtracts {@code amount} from the entry under {@code key}, rejecting with {@code reason}. */
  <K extends Comparable<K>> void subtractAmount(
      Section<K, Amount> section, K key, Amount amount, RejectionReason reason)
      throws TxRejectedException {
    Amount current = get(section, key).orElse(Amount.ZERO);
    try {
      putAmount(section, key, current.minus(amount));
    } catch (AmountArithmeticException e) {
      throw new TxRejectedException(reason, "has " + current + ", needs " + amount);
    }
  }

  void credit(AccountId account, AssetId asset, Amount amount) throws TxRejectedException {
    addAmount(Section.BALANCES, new BalanceKey(account, asset), amount);
  }

  void debit(AccountId account, AssetId asset, Amount amount) throws TxRejectedException {
    subtractAmount(
        Section.BALANCES,
        new BalanceKey(account, asset),
        amount,
        RejectionReason.INSUFFICIENT_FUNDS);
  }

  /** Moves the buffered writes into {@code parent}, the effects this buffer reads through. */
  void commitTo(Effects parent) {
    parent.writes.putAll(writes);
  }

  void commitTo(MutableState target) {
    writes.forEach((slot, value) -> write(target, slot.section(), slot.key(), value));
  }

  @SuppressWarnings("unchecked")
  private static <K extends Comparable<K>, V> void write(
      MutableState target, Section<K, V> section, Object key, Optional<Object> value) {
    if (value.isPresent()) {
      target.put(section, (K) key, (V) value.get());
    } else {
      target.remove(section, (K) key);
    }
  }
}
