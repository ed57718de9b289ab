package org.intertrust.crypto.dealing;

import java.util.Arrays;
import java.util.HexFormat;
import org.intertrust.crypto.encoding.AsId;
import org.intertrust.crypto.encoding.CanonicalWriter;
import org.intertrust.crypto.encoding.EncodingException;

/**
 * What a dealing is for: the dealer's AS, the AS whose replicas hold the shares, whether the key
 * serves one transaction (the paper's mode) or a session (one key per AS pair and epoch), and the
 * transaction hash or session id. Its canonical bytes bind the dealing randomness, the share
 * encryption and the dealer's signature to this one purpose.
 *
 * @param mode per transaction or per session
 * @param dealerAs the AS of the dealing gateway
 * @param holderAs the AS whose replicas receive the shares
 * @param id transaction hash or session id, 1..64 bytes
 */
public record DealingContext(Mode mode, AsId dealerAs, AsId holderAs, byte[] id) {
  /** Largest id in bytes. */
  public static final int MAX_ID_BYTES = 64;

  /** Dealing modes of DESIGN.md §4. */
  public enum Mode {
    /** One dealing per cross-AS transaction: the paper's mode. */
    PER_TRANSACTION(1),
    /** One dealing per AS pair and epoch, rotated. */
    PER_SESSION(2);

    private final int tag;

    Mode(int tag) {
      this.tag = tag;
    }

    int tag() {
      return tag;
    }

    static Mode fromTag(int tag) {
      for (Mode mode : values()) {
        if (mode.tag == tag) {
          return mode;
        }
      }
      throw new IllegalArgumentException("unknown dealing mode " + tag);
    }
  }

  public DealingContext {
    if (mode == null || dealerAs == null || holderAs == null || id == null) {
      throw new IllegalArgumentException("every field of a dealing context is required");
    }
    if (id.length < 1 || id.length > MAX_ID_BYTES) {
      throw new IllegalArgumentException("context id must be 1.." + MAX_ID_BYTES + " bytes");
    }
    id = id.clone();
  }

  @Override
  public byte[] id() {
    return id.clone();
  }

  /** Canonical encoding: u8 mode, u16 dealer AS, u16 holder AS, length-prefixed id. */
  public byte[] toBytes() {
    CanonicalWriter writer = new CanonicalWriter(4 + 4 + MAX_ID_BYTES + 8);
    try {
      writeTo(writer);
    } catch (EncodingException e) {
      throw new IllegalStateException("a validated context always encodes", e);
    }
    return writer.toByteArray();
  }

  void writeTo(CanonicalWriter writer) throws EncodingException {
    writer.u8(mode.tag());
    writer.asId(dealerAs);
    writer.asId(holderAs);
    writer.bytes(id);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof DealingContext that
        && mode == that.mode
        && dealerAs.equals(that.dealerAs)
        && holderAs.equals(that.holderAs)
        && Arrays.equals(id, that.id);
  }

  @Override
  public int hashCode() {
    return (mode.hashCode() * 31 + dealerAs.hashCode()) * 31 + Arrays.hashCode(id);
  }

  @Override
  public String toString() {
    return "DealingContext["
        + mode
        + " "
        + dealerAs
        + "->"
        + holderAs
        + " "
        + HexFormat.of().formatHex(id, 0, Math.min(8, id.length))
        + "]";
  }
}
