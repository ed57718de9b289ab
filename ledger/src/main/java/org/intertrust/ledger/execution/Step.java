package org.intertrust.ledger.execution;

import java.util.Optional;
import org.intertrust.crypto.encoding.AsId;
import org.intertrust.ledger.state.CrossAsKey;
import org.intertrust.ledger.state.CrossAsRecord;
import org.intertrust.ledger.state.CrossAsStatus;
import org.intertrust.ledger.state.Section;
import org.intertrust.ledger.value.TxId;

/**
 * One transaction being executed: its buffered effects, its id and the context.
 *
 * @param effects the buffered writes
 * @param txId the transaction's id
 * @param ctx height, time and own AS
 */
record Step(Effects effects, TxId txId, ExecutionContext ctx) {

  /** Writes the cross-AS record for {@code key} and returns it as a Merkle leaf entry. */
  Optional<CrossAsEntry> record(
      CrossAsKey key, CrossAsStatus status, AsId counterpart, String reason) {
    CrossAsRecord record = new CrossAsRecord(status, counterpart, reason, txId, ctx.height());
    effects.put(Section.CROSS_AS, key, record);
    return Optional.of(new CrossAsEntry(ctx.self(), key, record));
  }
}
