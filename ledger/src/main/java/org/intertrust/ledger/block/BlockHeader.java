package org.intertrust.ledger.block;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;
import org.intertrust.crypto.encoding.AsId;
import org.intertrust.crypto.encoding.CanonicalReader;
import org.intertrust.crypto.encoding.CanonicalWriter;
import org.intertrust.crypto.encoding.EncodingException;
import org.intertrust.ledger.value.ConsensusTime;
import org.intertrust.ledger.value.Hash32;
import org.intertrust.ledger.value.Height;
import org.intertrust.ledger.value.Sha256;

/**
 * A block header. Layout of {@link #encode()} (integers big-endian):
 *
 * <pre>
 *   magic "ITB" | u8 version | u16 chain | u64 height | parent hash (32) | u16 proposer |
 *   u64 consensus time | u32 transaction count | tx root (32) | cross-AS root (32) | state hash (32)
 * </pre>
 *
 * The block hash is SHA-256 of that encoding. {@code stateHash} is the hash of the state after
 * executing this block's transactions, and {@code crossAsRoot} the Merkle root of the cross-AS
 * records they wrote, so both commit to execution results, not only to inputs.
 *
 * @param chain the AS
 * @param height the height; 0 for genesis
 * @param parentHash the hash of the parent header; {@link Hash32#ZERO} for genesis
 * @param proposer the proposing replica's index, {@code 0..65535}
 * @param time the consensus time, strictly greater than the parent's
 * @param transactionCount the number of transactions
 * @param txRoot Merkle root of the canonical transaction encodings
 * @param crossAsRoot Merkle root of the cross-AS record entries written, in block order
 * @param stateHash hash of the resulting state
 */
public record BlockHeader(
    AsId chain,
    Height height,
    Hash32 parentHash,
    int proposer,
    ConsensusTime time,
    int transactionCount,
    Hash32 txRoot,
    Hash32 crossAsRoot,
    Hash32 stateHash) {

  /** Current (and only) header version. */
  public static final int VERSION = 1;

  /** Size of an encoded header. */
  public static final int ENCODED_SIZE = 3 + 1 + 2 + 8 + 32 + 2 + 8 + 4 + 32 * 3;

  private static final byte[] MAGIC = "ITB".getBytes(StandardCharsets.US_ASCII);

  /**
   * Checks the fields.
   *
   * @throws IllegalArgumentException if the proposer or transaction count is out of range
   */
  public BlockHeader {
    Objects.requireNonNull(chain, "chain");
    Objects.requireNonNull(height, "height");
    Objects.requireNonNull(parentHash, "parentHash");
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(txRoot, "txRoot");
    Objects.requireNonNull(crossAsRoot, "crossAsRoot");
    Objects.requireNonNull(stateHash, "stateHash");
    if (proposer < 0 || proposer > 0xFFFF) {
      throw new IllegalArgumentException("proposer index out of range: " + proposer);
    }
    if (transactionCount < 0) {
      throw new IllegalArgumentException("negative transaction count");
    }
  }

  /** Returns the canonical encoding. */
  public byte[] encode() {
    try {
      CanonicalWriter w = new CanonicalWriter(ENCODED_SIZE);
      w.fixedBytes(MAGIC, MAGIC.length).u8(VERSION).asId(chain);
      height.write(w);
      parentHash.write(w);
      w.u16(proposer);
      time.write(w);
      w.u32(transactionCount);
      txRoot.write(w);
      crossAsRoot.write(w);
      stateHash.write(w);
      return w.toByteArray();
    } catch (EncodingException e) {
      throw new IllegalStateException("header cannot be encoded", e);
    }
  }

  /** Returns the block hash: SHA-256 of {@link #encode()}. */
  public Hash32 hash() {
    return Sha256.hash(encode());
  }

  /** Decodes a header from exactly {@code input}. */
  public static BlockHeader decode(byte[] input) throws EncodingException {
    CanonicalReader r = new CanonicalReader(input, 0);
    if (!Arrays.equals(r.fixedBytes(MAGIC.length), MAGIC)) {
      throw new EncodingException(EncodingException.Reason.BAD_MAGIC, "not a block header");
    }
    int version = r.u8();
    if (version != VERSION) {
      throw new EncodingException(EncodingException.Reason.BAD_VERSION, "version " + version);
    }
    BlockHeader header = read(r);
    r.expectEnd();
    return header;
  }

  private static BlockHeader read(CanonicalReader r) throws EncodingException {
    AsId chain = r.asId();
    Height height = Height.read(r);
    Hash32 parent = Hash32.read(r);
    int proposer = r.u16();
    ConsensusTime time = ConsensusTime.read(r);
    long count = r.u32();
    if (count > Block.MAX_TRANSACTIONS) {
      throw new EncodingException(EncodingException.Reason.LENGTH_TOO_LARGE, "count " + count);
    }
    return new BlockHeader(
        chain,
        height,
        parent,
        proposer,
        time,
        (int) count,
        Hash32.read(r),
        Hash32.read(r),
        Hash32.read(r));
  }
}
