package org.intertrust.store.rocksdb;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.WriteOptions;

/**
 * One RocksDB database opened for durable writes: created if missing, every write through {@link
 * #syncWrite()} fsynced before it returns. Owns the native handles; {@link #close()} frees them.
 */
final class SyncedRocksDb implements AutoCloseable {
  static {
    RocksDB.loadLibrary();
  }

  private final RocksDB db;
  private final Options options;
  private final WriteOptions syncWrite;

  private SyncedRocksDb(RocksDB db, Options options, WriteOptions syncWrite) {
    this.db = db;
    this.options = options;
    this.syncWrite = syncWrite;
  }

  /** Opens (creating the directory and the database if needed). Frees everything on failure. */
  static SyncedRocksDb open(Path directory) throws IOException, RocksDBException {
    Options options = new Options().setCreateIfMissing(true);
    WriteOptions syncWrite = new WriteOptions().setSync(true);
    try {
      Files.createDirectories(directory);
      return new SyncedRocksDb(RocksDB.open(options, directory.toString()), options, syncWrite);
    } catch (RocksDBException | IOException | RuntimeException e) {
      syncWrite.close();
      options.close();
      throw e;
    }
  }

  RocksDB db() {
    return db;
  }

  /** Write options with {@code sync = true}: the write is durable when the call returns. */
  WriteOptions syncWrite() {
    return syncWrite;
  }

  @Override
  public void close() {
    db.close();
    syncWrite.close();
    options.close();
  }
}
