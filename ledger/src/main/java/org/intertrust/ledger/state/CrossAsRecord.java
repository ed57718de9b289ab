package org.intertrust.ledger.state;

import java.util.Objects;
import org.intertrust.crypto.encoding.AsId;
import org.intertrust.crypto.encoding.CanonicalWriter;
import org.intertrust.crypto.encoding.EncodingException;
import org.intertrust.ledger.value.Height;
import org.intertrust.ledger.value.TxId;

/**
 * What this ledger holds about one cross-AS transaction in one role. {@code lastTx} and {@code
 * height} name the transaction that set the status, whose certificate anyone can re-check from the
 * block (provenance, DESIGN.md section 5, invariant 6).
 *
 * @param status the current status
 * @param counterpart the other AS
 * @param reason why (for decisions; empty otherwise)
 * @param lastTx the ledger transaction that set the status
 * @param height the block height it was applied at
 */
public record CrossAsRecord(
    CrossAsStatus status, AsId counterpart, String reason, TxId lastTx, Height height) {

  /** Checks that no field is null. */
  public CrossAsRecord {
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(counterpart, "counterpart");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(lastTx, "lastTx");
    Objects.requireNonNull(height, "height");
  }

  void write(CanonicalWriter w) throws EncodingException {
    w.u8(status.tag());
    w.asId(counterpart);
    w.string(reason);
    lastTx.write(w);
    height.write(w);
  }
}
