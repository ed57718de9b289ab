package org.intertrust.consensus;

import org.intertrust.crypto.encoding.AsId;
import org.intertrust.crypto.encoding.CanonicalWriter;
import org.intertrust.crypto.encoding.EncodingException;

/**
 * A proposed block: round, height, parent, proposer, consensus time, an opaque payload (the
 * ledger's batch of transactions) and the quorum certificate it extends. Its hash covers every
 * field but the certificate's signature, which the certificate's own round and block hash pin.
 *
 * @param as the AS this block belongs to
 * @param round the consensus round in which it was proposed (genesis: 0)
 * @param height its height: the parent's plus one (genesis: 0)
 * @param parent the hash of the parent block; equals {@code justify.blockHash()}
 * @param proposer the index of the proposing replica
 * @param time consensus time in nanoseconds: strictly greater than the parent's
 * @param payload the ordered content, opaque to consensus
 * @param justify the certificate of the parent (genesis: the genesis certificate)
 */
public record Block(
    AsId as,
    long round,
    long height,
    BlockHash parent,
    int proposer,
    long time,
    byte[] payload,
    QuorumCertificate justify) {

  /** Largest payload in bytes. */
  public static final int MAX_PAYLOAD_BYTES = 1 << 20;

  public Block {
    java.util.Objects.requireNonNull(as, "as");
    java.util.Objects.requireNonNull(parent, "parent");
    java.util.Objects.requireNonNull(payload, "payload");
    if (payload.length > MAX_PAYLOAD_BYTES) {
      throw new IllegalArgumentException("payload over " + MAX_PAYLOAD_BYTES + " bytes");
    }
    payload = payload.clone();
  }

  /** The genesis block of {@code as}: round 0, height 0, empty payload. */
  public static Block genesis(AsId as) {
    return new Block(as, 0, 0, BlockHash.ZERO, 0, 0, new byte[0], null);
  }

  public boolean isGenesis() {
    return round == 0 && height == 0 && justify == null;
  }

  @Override
  public byte[] payload() {
    return payload.clone();
  }

  /** SHA-256 of the canonical header. */
  public BlockHash hash() {
    CanonicalWriter writer = new CanonicalWriter(payload.length + 256);
    try {
      writer.asId(as).u64(round).u64(height).fixedBytes(parent.toBytes(), BlockHash.BYTES);
      writer.u16(proposer).u64(time).bytes(payload);
      if (justify == null) {
        writer.bool(false);
      } else {
        writer.bool(true).u64(justify.round()).u64(justify.height());
        writer.fixedBytes(justify.blockHash().toBytes(), BlockHash.BYTES);
      }
    } catch (EncodingException e) {
      throw new IllegalStateException("a validated block always encodes", e);
    }
    return BlockHash.digest(writer.toByteArray());
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Block && hash().equals(((Block) other).hash());
  }

  @Override
  public int hashCode() {
    return hash().hashCode();
  }

  @Override
  public String toString() {
    return "Block[r=" + round + " h=" + height + " " + hash() + " by " + proposer + "]";
  }
}
