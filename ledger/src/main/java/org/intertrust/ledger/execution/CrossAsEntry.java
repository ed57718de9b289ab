package org.intertrust.ledger.execution;

import java.util.Objects;
import org.intertrust.crypto.encoding.AsId;
import org.intertrust.crypto.encoding.CanonicalWriter;
import org.intertrust.crypto.encoding.EncodingException;
import org.intertrust.ledger.state.CrossAsKey;
import org.intertrust.ledger.state.CrossAsRecord;

/**
 * A cross-AS record written by an applied transaction: one leaf of a block's cross-AS Merkle root.
 * The gateway proves a lock or decision to the other AS with the batch certificate over that root
 * plus this leaf's Merkle path.
 *
 * @param chain the AS that wrote the record
 * @param key the cross-AS id and role
 * @param record the record as written
 */
public record CrossAsEntry(AsId chain, CrossAsKey key, CrossAsRecord record) {

  /** Version of the leaf encoding. */
  public static final int VERSION = 1;

  /** Checks that no field is null. */
  public CrossAsEntry {
    Objects.requireNonNull(chain, "chain");
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(record, "record");
  }

  /**
   * Returns the leaf bytes: u8 version, u16 chain, id (32), u8 role, u8 status, u16 counterpart,
   * reason (u32-prefixed UTF-8), last transaction id (32), height (u64).
   */
  public byte[] encode() {
    try {
      CanonicalWriter w = new CanonicalWriter();
      w.u8(VERSION).asId(chain);
      key.id().write(w);
      w.u8(key.role().tag()).u8(record.status().tag()).asId(record.counterpart());
      w.string(record.reason());
      record.lastTx().write(w);
      record.height().write(w);
      return w.toByteArray();
    } catch (EncodingException e) {
      throw new IllegalStateException("cross-AS entry cannot be encoded", e);
    }
  }
}
