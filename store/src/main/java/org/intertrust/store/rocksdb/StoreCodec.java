package org.intertrust.store.rocksdb;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import org.intertrust.crypto.encoding.AsId;
import org.intertrust.crypto.encoding.CanonicalReader;
import org.intertrust.crypto.encoding.CanonicalWriter;
import org.intertrust.crypto.encoding.EncodingException;
import org.intertrust.ledger.block.Block;
import org.intertrust.ledger.execution.CrossAsEntry;
import org.intertrust.ledger.execution.Receipt;
import org.intertrust.ledger.execution.Rejection;
import org.intertrust.ledger.execution.RejectionReason;
import org.intertrust.ledger.state.BalanceKey;
import org.intertrust.ledger.state.CrossAsKey;
import org.intertrust.ledger.state.CrossAsRecord;
import org.intertrust.ledger.state.CrossAsRole;
import org.intertrust.ledger.state.CrossAsStatus;
import org.intertrust.ledger.state.Escrow;
import org.intertrust.ledger.state.InboxKey;
import org.intertrust.ledger.state.InboxMessage;
import org.intertrust.ledger.state.LedgerState;
import org.intertrust.ledger.state.MutableState;
import org.intertrust.ledger.state.OutboundMessage;
import org.intertrust.ledger.state.PoolKey;
import org.intertrust.ledger.state.Section;
import org.intertrust.ledger.tx.MessagePayload;
import org.intertrust.ledger.value.AccountId;
import org.intertrust.ledger.value.Amount;
import org.intertrust.ledger.value.AssetId;
import org.intertrust.ledger.value.ConsensusTime;
import org.intertrust.ledger.value.CrossAsTxId;
import org.intertrust.ledger.value.Hash32;
import org.intertrust.ledger.value.Height;
import org.intertrust.ledger.value.InboxId;
import org.intertrust.ledger.value.Nonce;
import org.intertrust.ledger.value.TxId;

/**
 * The stored encodings of what the ledger module can encode but not decode: receipts and the
 * sections of a state. Writing reuses the ledger's canonical encoders ({@link Receipt#encode()},
 * each {@link Section}'s key and value codecs, which are also what the state hash covers); reading
 * is the exact inverse and re-encodes what it read to check that the bytes were canonical.
 *
 * <p>Layouts (integers big-endian):
 *
 * <pre>
 *   receipts: u8 version | u32 count | count x (u32 length | receipt encoding)
 *   section:  u8 version | u8 section index | u64 count | count x (u32 length | key || value)
 * </pre>
 */
final class StoreCodec {

  /** Version of the layouts above. */
  static final int VERSION = 1;

  /** Largest stored value (receipts of one block, one state section): 1 GiB. */
  static final int MAX_VALUE_SIZE = 1 << 30;

  private StoreCodec() {}

  static byte[] encodeReceipts(List<Receipt> receipts) throws EncodingException {
    CanonicalWriter w = new CanonicalWriter(MAX_VALUE_SIZE);
    w.u8(VERSION).u32(receipts.size());
    for (Receipt receipt : receipts) {
      w.bytes(receipt.encode());
    }
    return w.toByteArray();
  }

  static List<Receipt> decodeReceipts(byte[] input) throws EncodingException {
    CanonicalReader r = new CanonicalReader(input, CanonicalReader.DEFAULT_MAX_FIELD_LENGTH);
    checkVersion(r.u8());
    long count = r.u32();
    if (count > Block.MAX_TRANSACTIONS) {
      throw new EncodingException(EncodingException.Reason.LENGTH_TOO_LARGE, "count " + count);
    }
    List<Receipt> receipts = new ArrayList<>((int) count);
    for (long i = 0; i < count; i++) {
      byte[] encoded = r.bytes();
      Receipt receipt = decodeReceipt(encoded);
      if (!Arrays.equals(receipt.encode(), encoded)) {
        throw new EncodingException(
            EncodingException.Reason.INVALID_VALUE, "non-canonical receipt");
      }
      receipts.add(receipt);
    }
    r.expectEnd();
    return receipts;
  }

  private static Receipt decodeReceipt(byte[] input) throws EncodingException {
    CanonicalReader r = new CanonicalReader(input);
    TxId txId = TxId.read(r);
    int tag = r.u8();
    String detail = r.string();
    boolean hasEntry = r.bool();
    Optional<CrossAsEntry> entry =
        hasEntry ? Optional.of(decodeCrossAsEntry(r.bytes())) : Optional.empty();
    r.expectEnd();
    if (tag == 0) {
      if (!detail.isEmpty()) {
        throw new EncodingException(EncodingException.Reason.INVALID_VALUE, "applied with detail");
      }
      return Receipt.applied(txId, entry);
    }
    if (entry.isPresent()) {
      throw new EncodingException(EncodingException.Reason.INVALID_VALUE, "rejected with entry");
    }
    return Receipt.rejected(txId, new Rejection(rejectionReason(tag), detail));
  }

  private static CrossAsEntry decodeCrossAsEntry(byte[] input) throws EncodingException {
    CanonicalReader r = new CanonicalReader(input);
    int version = r.u8();
    if (version != CrossAsEntry.VERSION) {
      throw new EncodingException(EncodingException.Reason.BAD_VERSION, "entry " + version);
    }
    AsId chain = r.asId();
    CrossAsTxId id = CrossAsTxId.read(r);
    CrossAsRole role = role(r.u8());
    CrossAsStatus status = status(r.u8());
    AsId counterpart = r.asId();
    String reason = r.string();
    TxId lastTx = TxId.read(r);
    Height height = Height.read(r);
    r.expectEnd();
    return new CrossAsEntry(
        chain,
        new CrossAsKey(id, role),
        new CrossAsRecord(status, counterpart, reason, lastTx, height));
  }

  /** Encodes one section of {@code state}. */
  static <K extends Comparable<K>, V> byte[] encodeSection(LedgerState state, Section<K, V> section)
      throws EncodingException {
    NavigableMap<K, V> entries = state.entries(section);
    CanonicalWriter w = new CanonicalWriter(MAX_VALUE_SIZE);
    w.u8(VERSION).u8(section.index()).u64(entries.size());
    for (Map.Entry<K, V> entry : entries.entrySet()) {
      CanonicalWriter body = new CanonicalWriter();
      section.keyCodec().write(entry.getKey(), body);
      section.valueCodec().write(entry.getValue(), body);
      w.bytes(body.toByteArray());
    }
    return w.toByteArray();
  }

  /**
   * Decodes a section written by {@link #encodeSection} into {@code target}.
   *
   * @throws EncodingException if the bytes are malformed, for another section, out of key order or
   *     not canonical
   */
  static void decodeSection(byte[] input, Section<?, ?> section, MutableState target)
      throws EncodingException {
    CanonicalReader r = new CanonicalReader(input, CanonicalReader.DEFAULT_MAX_FIELD_LENGTH);
    checkVersion(r.u8());
    int index = r.u8();
    if (index != section.index()) {
      throw new EncodingException(EncodingException.Reason.INVALID_VALUE, "section " + index);
    }
    long count = r.u64();
    if (count < 0 || count > r.remaining() / 4) {
      throw new EncodingException(EncodingException.Reason.LENGTH_TOO_LARGE, "count " + count);
    }
    for (long i = 0; i < count; i++) {
      CanonicalReader entry = new CanonicalReader(r.bytes());
      readEntry(section.index(), entry, target);
      entry.expectEnd();
    }
    r.expectEnd();
  }

  private static void readEntry(int index, CanonicalReader r, MutableState s)
      throws EncodingException {
    switch (index) {
      case 0 -> s.put(Section.SUPPLY, AssetId.read(r), Amount.read(r));
      case 1 ->
          s.put(
              Section.BALANCES, new BalanceKey(AccountId.read(r), AssetId.read(r)), Amount.read(r));
      case 2 -> s.put(Section.NONCES, AccountId.read(r), Nonce.read(r));
      case 3 ->
          s.put(
              Section.ESCROWS,
              CrossAsTxId.read(r),
              new Escrow(
                  AccountId.read(r),
                  AssetId.read(r),
                  Amount.read(r),
                  r.asId(),
                  ConsensusTime.read(r),
                  r.bool() ? Optional.of(AccountId.read(r)) : Optional.empty()));
      case 4 -> s.put(Section.POOL, new PoolKey(AssetId.read(r), r.asId()), Amount.read(r));
      case 5 -> s.put(Section.VOUCHERS, AssetId.read(r), Amount.read(r));
      case 6 ->
          s.put(
              Section.CROSS_AS,
              new CrossAsKey(CrossAsTxId.read(r), role(r.u8())),
              new CrossAsRecord(
                  status(r.u8()), r.asId(), r.string(), TxId.read(r), Height.read(r)));
      case 7 -> s.put(Section.INBOX_SIZES, InboxId.read(r), nonNegative(r.u64()));
      case 8 ->
          s.put(
              Section.INBOX_MESSAGES,
              new InboxKey(InboxId.read(r), nonNegative(r.u64())),
              new InboxMessage(
                  CrossAsTxId.read(r),
                  r.asId(),
                  MessagePayload.of(r.bytes(MessagePayload.MAX_LENGTH)),
                  Height.read(r)));
      case 9 ->
          s.put(
              Section.OUTBOX,
              CrossAsTxId.read(r),
              new OutboundMessage(AccountId.read(r), r.asId(), InboxId.read(r), Hash32.read(r)));
      default ->
          throw new EncodingException(EncodingException.Reason.INVALID_VALUE, "section " + index);
    }
  }

  private static long nonNegative(long value) throws EncodingException {
    if (value < 0) {
      throw new EncodingException(EncodingException.Reason.INVALID_VALUE, "negative " + value);
    }
    return value;
  }

  private static void checkVersion(int version) throws EncodingException {
    if (version != VERSION) {
      throw new EncodingException(EncodingException.Reason.BAD_VERSION, "version " + version);
    }
  }

  private static RejectionReason rejectionReason(int tag) throws EncodingException {
    for (RejectionReason reason : RejectionReason.values()) {
      if (reason.tag() == tag) {
        return reason;
      }
    }
    throw new EncodingException(EncodingException.Reason.INVALID_VALUE, "rejection " + tag);
  }

  private static CrossAsRole role(int tag) throws EncodingException {
    for (CrossAsRole role : CrossAsRole.values()) {
      if (role.tag() == tag) {
        return role;
      }
    }
    throw new EncodingException(EncodingException.Reason.INVALID_VALUE, "role " + tag);
  }

  private static CrossAsStatus status(int tag) throws EncodingException {
    for (CrossAsStatus status : CrossAsStatus.values()) {
      if (status.tag() == tag) {
        return status;
      }
    }
    throw new EncodingException(EncodingException.Reason.INVALID_VALUE, "status " + tag);
  }
}
