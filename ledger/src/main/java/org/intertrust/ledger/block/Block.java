package org.intertrust.ledger.block;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.intertrust.crypto.encoding.CanonicalReader;
import org.intertrust.crypto.encoding.CanonicalWriter;
import org.intertrust.crypto.encoding.EncodingException;
import org.intertrust.ledger.tx.Transaction;
import org.intertrust.ledger.tx.TransactionCodec;
import org.intertrust.ledger.tx.TransactionDecodingException;
import org.intertrust.ledger.value.Hash32;

/**
 * A block: its header and its transactions in execution order. Encoded as the u32-prefixed header
 * followed by a u32 count and each transaction's canonical encoding, u32-prefixed.
 *
 * @param header the header
 * @param transactions the transactions, at most {@link #MAX_TRANSACTIONS}
 */
public record Block(BlockHeader header, List<Transaction> transactions) {

  /** Most transactions in one block. */
  public static final int MAX_TRANSACTIONS = 20_000;

  /** Largest encoded block: 256 MiB. */
  public static final int MAX_ENCODED_SIZE = 256 << 20;

  /**
   * Copies the transaction list.
   *
   * @throws IllegalArgumentException if there are more than {@link #MAX_TRANSACTIONS}
   */
  public Block {
    Objects.requireNonNull(header, "header");
    transactions = List.copyOf(transactions);
    if (transactions.size() > MAX_TRANSACTIONS) {
      throw new IllegalArgumentException("more than " + MAX_TRANSACTIONS + " transactions");
    }
  }

  /** Returns the block hash, which is the header's hash. */
  public Hash32 hash() {
    return header.hash();
  }

  /** Returns the canonical encoding. */
  public byte[] encode() {
    try {
      CanonicalWriter w = new CanonicalWriter(MAX_ENCODED_SIZE);
      w.bytes(header.encode());
      w.u32(transactions.size());
      for (Transaction tx : transactions) {
        w.bytes(TransactionCodec.encode(tx));
      }
      return w.toByteArray();
    } catch (EncodingException e) {
      throw new IllegalArgumentException("block cannot be encoded: " + e.getMessage(), e);
    }
  }

  /**
   * Decodes a block from exactly {@code input}. Does not check the header against the transactions;
   * {@link BlockExecutor} does.
   *
   * @throws EncodingException if the framing or header is malformed
   * @throws TransactionDecodingException if a transaction is malformed
   */
  public static Block decode(byte[] input) throws EncodingException, TransactionDecodingException {
    CanonicalReader r = new CanonicalReader(input, TransactionCodec.MAX_ENCODED_SIZE);
    BlockHeader header = BlockHeader.decode(r.bytes(BlockHeader.ENCODED_SIZE));
    long count = r.u32();
    if (count > MAX_TRANSACTIONS) {
      throw new EncodingException(EncodingException.Reason.LENGTH_TOO_LARGE, "count " + count);
    }
    List<Transaction> transactions = new ArrayList<>((int) count);
    for (long i = 0; i < count; i++) {
      transactions.add(TransactionCodec.decode(r.bytes()));
    }
    r.expectEnd();
    return new Block(header, transactions);
  }
}
