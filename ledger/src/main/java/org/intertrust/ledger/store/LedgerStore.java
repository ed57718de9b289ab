package org.intertrust.ledger.store;

import java.util.List;
import java.util.Optional;
import org.intertrust.ledger.block.Block;
import org.intertrust.ledger.block.ExecutedBlock;
import org.intertrust.ledger.block.ExecutionCertificate;
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
 *   <li>An execution certificate is stored with the block it certifies: its height must be stored
 *       and its block hash must be that block's; a second certificate for a height replaces nothing
 *       (the first one stays).
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

  /**
   * Stores {@code certificate} with the block it certifies. The caller has verified it.
   *
   * @throws LedgerStoreException {@code CERTIFICATE_MISMATCH} if no block is stored at its height
   *     or that block's hash differs; {@code STORAGE_FAILURE} if the medium failed
   */
  void putCertificate(ExecutionCertificate certificate) throws LedgerStoreException;

  /** Returns the execution certificate stored for {@code height}, or empty. */
  Optional<ExecutionCertificate> certificate(Height height) throws LedgerStoreException;
}
