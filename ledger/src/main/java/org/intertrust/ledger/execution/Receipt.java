package org.intertrust.ledger.execution;

import java.util.Objects;
import java.util.Optional;
import org.intertrust.crypto.encoding.CanonicalWriter;
import org.intertrust.crypto.encoding.EncodingException;
import org.intertrust.ledger.value.TxId;

/**
 * The recorded result of one transaction in a block: applied (with the cross-AS record it wrote, if
 * any) or rejected with a reason. Every replica computes the same receipts for a block.
 *
 * @param txId the transaction
 * @param rejection why it was rejected, or empty if applied
 * @param crossAsEntry the cross-AS record an applied cross-AS transaction wrote
 */
public record Receipt(
    TxId txId, Optional<Rejection> rejection, Optional<CrossAsEntry> crossAsEntry) {

  /**
   * Checks the fields.
   *
   * @throws IllegalArgumentException if a rejected receipt carries a cross-AS entry
   */
  public Receipt {
    Objects.requireNonNull(txId, "txId");
    Objects.requireNonNull(rejection, "rejection");
    Objects.requireNonNull(crossAsEntry, "crossAsEntry");
    if (rejection.isPresent() && crossAsEntry.isPresent()) {
      throw new IllegalArgumentException("a rejected transaction writes no cross-AS record");
    }
  }

  /** Returns a receipt for an applied transaction. */
  public static Receipt applied(TxId txId, Optional<CrossAsEntry> crossAsEntry) {
    return new Receipt(txId, Optional.empty(), crossAsEntry);
  }

  /** Returns a receipt for a rejected transaction. */
  public static Receipt rejected(TxId txId, Rejection rejection) {
    return new Receipt(txId, Optional.of(rejection), Optional.empty());
  }

  /** Returns whether the transaction was applied. */
  public boolean isApplied() {
    return rejection.isEmpty();
  }

  /**
   * Returns the canonical encoding: tx id (32), u8 reason tag (0 if applied), detail (u32-prefixed
   * UTF-8, empty if applied), u8 presence of a cross-AS entry, and the entry's leaf bytes
   * (u32-prefixed).
   */
  public byte[] encode() {
    try {
      CanonicalWriter w = new CanonicalWriter();
      txId.write(w);
      w.u8(rejection.map(r -> r.reason().tag()).orElse(0));
      w.string(rejection.map(Rejection::detail).orElse(""));
      w.bool(crossAsEntry.isPresent());
      if (crossAsEntry.isPresent()) {
        w.bytes(crossAsEntry.get().encode());
      }
      return w.toByteArray();
    } catch (EncodingException e) {
      throw new IllegalStateException("receipt cannot be encoded", e);
    }
  }
}
