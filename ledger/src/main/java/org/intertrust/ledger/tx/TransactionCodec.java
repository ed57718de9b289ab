package org.intertrust.ledger.tx;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;
import org.intertrust.crypto.encoding.AsId;
import org.intertrust.crypto.encoding.CanonicalReader;
import org.intertrust.crypto.encoding.CanonicalWriter;
import org.intertrust.crypto.encoding.EncodingException;
import org.intertrust.ledger.tx.TransactionDecodingException.Reason;
import org.intertrust.ledger.value.TxId;

/**
 * The canonical encoding of transactions. Layout (integers big-endian):
 *
 * <pre>
 *   magic      3 bytes "ITX"
 *   version    u8      {@link #VERSION}
 *   kind       u8      {@link TransactionKind#tag()}
 *   chain      u16     the AS id
 *   fields             {@link Transaction#writeFields}, in the kind's fixed order
 *   signature  64 bytes, for {@link SignedTransaction signed kinds} only
 * </pre>
 *
 * <p>Decoding is strict: every length is bounded before allocation, the whole input is at most
 * {@link #MAX_ENCODED_SIZE} bytes, and trailing bytes are rejected, so each transaction has exactly
 * one encoding and {@link TxId} (its SHA-256) is well defined.
 */
public final class TransactionCodec {

  /** Current (and only) encoding version. */
  public static final int VERSION = 1;

  /** Largest encoded transaction: 128 KiB. */
  public static final int MAX_ENCODED_SIZE = 128 * 1024;

  private static final byte[] MAGIC = "ITX".getBytes(StandardCharsets.US_ASCII);

  private TransactionCodec() {}

  /**
   * Returns the canonical encoding of {@code tx}.
   *
   * @throws IllegalArgumentException if it exceeds {@link #MAX_ENCODED_SIZE}; the value bounds of
   *     each field make that impossible for transactions built through public constructors
   */
  public static byte[] encode(Transaction tx) {
    Objects.requireNonNull(tx, "tx");
    try {
      CanonicalWriter w = new CanonicalWriter(MAX_ENCODED_SIZE);
      w.fixedBytes(MAGIC, MAGIC.length).u8(VERSION).u8(tx.kind().tag()).asId(tx.chain());
      tx.writeFields(w);
      if (tx instanceof SignedTransaction signed) {
        Fields.writeSignature(w, signed.signature());
      }
      return w.toByteArray();
    } catch (EncodingException e) {
      throw new IllegalArgumentException("transaction cannot be encoded: " + e.getMessage(), e);
    }
  }

  /** Returns the id of {@code tx}: SHA-256 of its canonical encoding. */
  public static TxId txId(Transaction tx) {
    return TxId.ofEncoding(encode(tx));
  }

  /**
   * Decodes one transaction from exactly {@code input}.
   *
   * @throws TransactionDecodingException with the reason the input is not a canonical encoding
   */
  public static Transaction decode(byte[] input) throws TransactionDecodingException {
    Objects.requireNonNull(input, "input");
    if (input.length > MAX_ENCODED_SIZE) {
      throw new TransactionDecodingException(
          Reason.OVERSIZED, input.length + " bytes exceed " + MAX_ENCODED_SIZE);
    }
    CanonicalReader reader = new CanonicalReader(input, MAX_ENCODED_SIZE);
    try {
      TransactionKind kind = readHeader(reader);
      Transaction tx = readFields(kind, reader.asId(), reader);
      reader.expectEnd();
      return tx;
    } catch (EncodingException e) {
      throw new TransactionDecodingException(map(e.reason()), e.getMessage());
    }
  }

  private static TransactionKind readHeader(CanonicalReader reader)
      throws EncodingException, TransactionDecodingException {
    if (!Arrays.equals(reader.fixedBytes(MAGIC.length), MAGIC)) {
      throw new TransactionDecodingException(Reason.BAD_MAGIC, "not a transaction");
    }
    int version = reader.u8();
    if (version != VERSION) {
      throw new TransactionDecodingException(Reason.BAD_VERSION, "version " + version);
    }
    int tag = reader.u8();
    return TransactionKind.fromTag(tag)
        .orElseThrow(
            () -> new TransactionDecodingException(Reason.UNKNOWN_KIND, "kind tag " + tag));
  }

  private static Transaction readFields(TransactionKind kind, AsId chain, CanonicalReader r)
      throws EncodingException {
    return switch (kind) {
      case GENESIS_ALLOCATION -> GenesisAllocation.read(chain, r);
      case TRANSFER -> Transfer.read(chain, r);
      case ESCROW_LOCK -> EscrowLock.read(chain, r);
      case ESCROW_FINALIZE -> EscrowFinalize.read(chain, r);
      case ESCROW_REFUND -> EscrowRefund.read(chain, r);
      case VOUCHER_MINT -> VoucherMint.read(chain, r);
      case VOUCHER_BURN -> VoucherBurn.read(chain, r);
      case DECISION_RECORD -> DecisionRecord.read(chain, r);
      case EXPIRE_ENTRY -> ExpireEntry.read(chain, r);
      case MESSAGE_DELIVERY -> MessageDelivery.read(chain, r);
      case SWAP_LOCK -> SwapLock.read(chain, r);
      case MESSAGE_SEND -> MessageSend.read(chain, r);
      case SWAP_EXECUTE -> SwapExecute.read(chain, r);
    };
  }

  private static Reason map(EncodingException.Reason reason) {
    return switch (reason) {
      case TRUNCATED -> Reason.TRUNCATED;
      case LENGTH_TOO_LARGE, CAPACITY_EXCEEDED -> Reason.FIELD_TOO_LARGE;
      case TRAILING_BYTES -> Reason.TRAILING_BYTES;
      case BAD_MAGIC -> Reason.BAD_MAGIC;
      case BAD_VERSION -> Reason.BAD_VERSION;
      case UNKNOWN_DOMAIN, INVALID_VALUE -> Reason.INVALID_VALUE;
    };
  }
}
