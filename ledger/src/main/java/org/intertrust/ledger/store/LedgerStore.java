package org.intertrust.ledger.store;

import java.util.List;
import java.util.Optional;
import org.intertrust.ledger.block.Block;
import org.intertrust.ledger.block.ExecutedBlock;
import org.intertrust.ledger.execution.Receipt;
import org.intertrust.ledger.state.LedgerState;
import org.intertrust.ledger.value.Height;

/**
 * Where an AS's ledger is kept. Contract for implementations:
 *
 * <ul>
 *   <li>{@link #append} stores the block, its receipts and the resulting state as one atomic batch:
 *       after a crash, either all of it is visible or none of it.
 *   <li>Blocks form one chain: each appended block has height {@code latest + 1} (0 first) and the
 *       latest block's hash as parent; anything else is refused with a typed reason and changes
 *       nothing.
 *   <li>Reads return exactly what was appended; a restart recovers the exact latest state.
 * </ul>
 */
public interface LedgerStore {

  /**
   * Appends an executed block atomically.
   *
   * @throws LedgerStoreException {@code NOT_NEXT_HEIGHT} or {@code NOT_CHILD_OF_LATEST} if the
   *     block does not extend the chain; {@code STORAGE_FAILURE} if the medium failed
   */
  void append(ExecutedBlock executed) throws LedgerStoreException;

  /** Returns the height of the latest block, or empty if nothing was appended. */
  Optional<Height> latestHeight() throws LedgerStoreException;

  /** Returns the block at {@code height}, or empty if there is none. */
  Optional<Block> block(Height height) throws LedgerStoreException;

  /** Returns the receipts of the block at {@code height}, or empty if there is none. */
  Optional<List<Receipt>> receipts(Height height) throws LedgerStoreException;

  /** Returns the state after the latest block; {@link LedgerState#EMPTY} if there is none. */
  LedgerState latestState() throws LedgerStoreException;
}
