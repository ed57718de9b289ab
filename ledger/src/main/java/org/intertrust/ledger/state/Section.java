package org.intertrust.ledger.state;

import java.util.List;
import org.intertrust.crypto.encoding.CanonicalWriter;
import org.intertrust.crypto.encoding.EncodingException;
import org.intertrust.ledger.value.AccountId;
import org.intertrust.ledger.value.Amount;
import org.intertrust.ledger.value.AssetId;
import org.intertrust.ledger.value.CrossAsTxId;
import org.intertrust.ledger.value.InboxId;
import org.intertrust.ledger.value.Nonce;

/**
 * One sorted map of the ledger state, with the canonical codecs of its keys and values. The list
 * {@link #ALL} and each section's tag are part of the state-hash format: never reorder or reuse.
 *
 * <p>Sections never store zero amounts: a balance, pool entry or voucher count that drops to zero
 * is removed, so equal states have equal contents.
 *
 * @param <K> the key type, whose natural order is the hashing order
 * @param <V> the value type
 */
public final class Section<K extends Comparable<K>, V> {

  /** Native supply per asset created at genesis. */
  public static final Section<AssetId, Amount> SUPPLY =
      new Section<>(0, "supply", AssetId::write, Amount::write);

  /** Balance per (account, asset); never zero. */
  public static final Section<BalanceKey, Amount> BALANCES =
      new Section<>(
          1,
          "balances",
          (k, w) -> {
            k.account().write(w);
            k.asset().write(w);
          },
          Amount::write);

  /** Next expected nonce per account that has sent a signed transaction. */
  public static final Section<AccountId, Nonce> NONCES =
      new Section<>(2, "nonces", AccountId::write, Nonce::write);

  /** Escrows awaiting a decision, by cross-AS id. */
  public static final Section<CrossAsTxId, Escrow> ESCROWS =
      new Section<>(3, "escrows", CrossAsTxId::write, Escrow::write);

  /** Finalized escrows backing vouchers on another AS; never zero. */
  public static final Section<PoolKey, Amount> POOL =
      new Section<>(
          4,
          "pool",
          (k, w) -> {
            k.asset().write(w);
            w.asId(k.counterpart());
          },
          Amount::write);

  /** Vouchers outstanding on this AS per voucher denomination; never zero. */
  public static final Section<AssetId, Amount> VOUCHERS =
      new Section<>(5, "vouchers", AssetId::write, Amount::write);

  /** Cross-AS records per (id, role). */
  public static final Section<CrossAsKey, CrossAsRecord> CROSS_AS =
      new Section<>(
          6,
          "crossAs",
          (k, w) -> {
            k.id().write(w);
            w.u8(k.role().tag());
          },
          CrossAsRecord::write);

  /** Number of messages delivered per inbox. */
  public static final Section<InboxId, Long> INBOX_SIZES =
      new Section<>(7, "inboxSizes", InboxId::write, (v, w) -> w.u64(v));

  /** Delivered messages per (inbox, sequence). */
  public static final Section<InboxKey, InboxMessage> INBOX_MESSAGES =
      new Section<>(
          8,
          "inboxMessages",
          (k, w) -> {
            k.inbox().write(w);
            w.u64(k.sequence());
          },
          InboxMessage::write);

  /**
   * Cross-AS messages sent from this AS, by cross-AS id: the value-free counterpart of an escrow.
   * Held while the message is LOCKED, kept once the destination delivered it (FINALIZED), removed
   * if it released it (REFUNDED).
   */
  public static final Section<CrossAsTxId, OutboundMessage> OUTBOX =
      new Section<>(9, "outbox", CrossAsTxId::write, OutboundMessage::write);

  /** Every section, in hashing order; {@code ALL.get(i).index() == i}. */
  public static final List<Section<?, ?>> ALL =
      List.of(
          SUPPLY,
          BALANCES,
          NONCES,
          ESCROWS,
          POOL,
          VOUCHERS,
          CROSS_AS,
          INBOX_SIZES,
          INBOX_MESSAGES,
          OUTBOX);

  private final int index;
  private final String name;
  private final ValueCodec<K> keyCodec;
  private final ValueCodec<V> valueCodec;

  private Section(int index, String name, ValueCodec<K> keyCodec, ValueCodec<V> valueCodec) {
    this.index = index;
    this.name = name;
    this.keyCodec = keyCodec;
    this.valueCodec = valueCodec;
  }

  /** Returns the position in {@link #ALL}, also the section's tag in the state hash. */
  public int index() {
    return index;
  }

  /** Returns the codec of keys. */
  public ValueCodec<K> keyCodec() {
    return keyCodec;
  }

  /** Returns the codec of values. */
  public ValueCodec<V> valueCodec() {
    return valueCodec;
  }

  /** Writes one entry: key then value. */
  void writeEntry(K key, V value, CanonicalWriter w) throws EncodingException {
    keyCodec.write(key, w);
    valueCodec.write(value, w);
  }

  @Override
  public String toString() {
    return name;
  }
}
