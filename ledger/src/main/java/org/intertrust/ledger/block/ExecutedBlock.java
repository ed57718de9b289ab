package org.intertrust.ledger.block;

import java.util.List;
import java.util.Objects;
import org.intertrust.ledger.execution.Receipt;
import org.intertrust.ledger.state.LedgerState;

/**
 * A block with the outcome of executing it: one receipt per transaction, in order, and the
 * resulting state, whose hash is the header's state hash.
 *
 * @param block the block
 * @param receipts the receipts, one per transaction
 * @param state the state after the block
 */
public record ExecutedBlock(Block block, List<Receipt> receipts, LedgerState state) {

  /**
   * Copies the receipts and checks their number.
   *
   * @throws IllegalArgumentException if there is not one receipt per transaction, or the state's
   *     hash is not the header's state hash
   */
  public ExecutedBlock {
    Objects.requireNonNull(block, "block");
    Objects.requireNonNull(state, "state");
    receipts = List.copyOf(receipts);
    if (receipts.size() != block.transactions().size()) {
      throw new IllegalArgumentException("one receipt per transaction required");
    }
    if (!state.hash().equals(block.header().stateHash())) {
      throw new IllegalArgumentException("state does not match the header's state hash");
    }
  }
}
