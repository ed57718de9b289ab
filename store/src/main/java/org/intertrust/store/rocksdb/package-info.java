/**
 * RocksDB persistence for a replica.
 *
 * <ul>
 *   <li>{@link org.intertrust.store.rocksdb.RocksDbLedgerStore} implements the ledger's {@link
 *       org.intertrust.ledger.store.LedgerStore} port: one synced {@code WriteBatch} per block
 *       (block, receipts, changed state sections, latest height), and on open a recovery that
 *       checks the rebuilt state's hash against the latest header.
 *   <li>{@link org.intertrust.store.rocksdb.SafetyWal} is the consensus safety-state write-ahead
 *       log, in its own directory: a synced write before each vote or timeout, never going
 *       backwards.
 * </ul>
 *
 * The RocksDB native library is loaded with {@code RocksDB.loadLibrary()} when either class is
 * first used.
 */
package org.intertrust.store.rocksdb;
