package org.intertrust.ledger.replication;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.intertrust.crypto.encoding.AsId;
import org.intertrust.crypto.encoding.CanonicalReader;
import org.intertrust.crypto.encoding.CanonicalWriter;
import org.intertrust.crypto.encoding.EncodingException;
import org.intertrust.ledger.execution.SignatureVerifier;
import org.intertrust.ledger.tx.TransactionCodec;
import org.intertrust.ledger.value.TxId;

/**
 * The payload of a consensus block: a batch of client transactions in execution order. Layout
 * (integers big-endian):
 *
 * <pre>
 *   magic "ITP" | u8 version | u32 count | count x (u32 length | canonical transaction)
 * </pre>
 *
 * A zero-length payload (the consensus genesis block's) is the empty batch. {@link #check} is what
 * a replica applies to a proposal before voting: framing, the {@link BatchLimits}, no transaction
 * twice, and the stateless checks of {@link CheckedTransaction} on each.
 */
public final class PayloadBatch {

  /** Current (and only) version. */
  public static final int VERSION = 1;

  /** Bytes before the first transaction. */
  public static final int HEADER_BYTES = 3 + 1 + 4;

  private static final byte[] MAGIC = "ITP".getBytes(StandardCharsets.US_ASCII);

  private PayloadBatch() {}

  /** Encodes {@code transactions} (already canonical encodings), in order. */
  public static byte[] encode(List<byte[]> transactions) {
    int size = HEADER_BYTES;
    for (byte[] tx : transactions) {
      size += 4 + tx.length;
    }
    try {
      CanonicalWriter w = new CanonicalWriter(size);
      w.fixedBytes(MAGIC, MAGIC.length).u8(VERSION).u32(transactions.size());
      for (byte[] tx : transactions) {
        w.bytes(tx);
      }
      return w.toByteArray();
    } catch (EncodingException e) {
      throw new IllegalArgumentException("batch cannot be encoded: " + e.getMessage(), e);
    }
  }

  /** The outcome of {@link #check}: the transactions, or the first problem found. */
  public record Check(
      List<CheckedTransaction> transactions, Optional<TransactionProblem> problem, String detail) {
    /** Copies the list. */
    public Check {
      transactions = List.copyOf(transactions);
    }

    /** Whether the batch may be voted for and executed. */
    public boolean isValid() {
      return problem.isEmpty();
    }
  }

  /** Decodes and checks {@code payload} for AS {@code chain}. */
  public static Check check(
      byte[] payload, AsId chain, BatchLimits limits, SignatureVerifier verifier) {
    if (payload.length == 0) {
      return new Check(List.of(), Optional.empty(), "");
    }
    if (payload.length > limits.maxBytes()) {
      return invalid(TransactionProblem.BATCH_TOO_LARGE, payload.length + " bytes");
    }
    List<byte[]> encoded;
    try {
      encoded = decode(payload, limits.maxTransactions());
    } catch (EncodingException e) {
      return invalid(TransactionProblem.MALFORMED_BATCH, e.getMessage());
    } catch (BatchTooLarge e) {
      return invalid(TransactionProblem.BATCH_TOO_LARGE, e.getMessage());
    }
    List<CheckedTransaction> checked = new ArrayList<>(encoded.size());
    Set<TxId> seen = new HashSet<>();
    for (byte[] tx : encoded) {
      CheckedTransaction.Outcome outcome = CheckedTransaction.check(tx, chain, verifier);
      if (outcome.problem().isPresent()) {
        return invalid(outcome.problem().get(), outcome.detail());
      }
      CheckedTransaction ok = outcome.checked().orElseThrow();
      if (!seen.add(ok.txId())) {
        return invalid(TransactionProblem.DUPLICATE, ok.txId().toString());
      }
      checked.add(ok);
    }
    return new Check(checked, Optional.empty(), "");
  }

  private static List<byte[]> decode(byte[] payload, int maxTransactions)
      throws EncodingException, BatchTooLarge {
    CanonicalReader r = new CanonicalReader(payload, TransactionCodec.MAX_ENCODED_SIZE);
    if (!Arrays.equals(r.fixedBytes(MAGIC.length), MAGIC)) {
      throw new EncodingException(EncodingException.Reason.BAD_MAGIC, "not a payload batch");
    }
    int version = r.u8();
    if (version != VERSION) {
      throw new EncodingException(EncodingException.Reason.BAD_VERSION, "version " + version);
    }
    long count = r.u32();
    if (count > maxTransactions) {
      throw new BatchTooLarge(count + " transactions, at most " + maxTransactions);
    }
    List<byte[]> transactions = new ArrayList<>((int) count);
    for (long i = 0; i < count; i++) {
      transactions.add(r.bytes());
    }
    r.expectEnd();
    return transactions;
  }

  private static Check invalid(TransactionProblem problem, String detail) {
    return new Check(List.of(), Optional.of(problem), detail);
  }

  private static final class BatchTooLarge extends Exception {
    private static final long serialVersionUID = 1L;

    BatchTooLarge(String message) {
      super(message);
    }
  }
}
