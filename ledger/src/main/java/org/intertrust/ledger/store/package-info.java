/**
 * The storage port of the ledger. {@link org.intertrust.ledger.store.LedgerStore} appends each
 * executed block (block, receipts, resulting state) as one atomic batch and reads it back; {@link
 * org.intertrust.ledger.store.InMemoryLedgerStore} implements it for tests and the simulator. The
 * RocksDB implementation lives outside this pure package, with the node.
 */
package org.intertrust.ledger.store;
