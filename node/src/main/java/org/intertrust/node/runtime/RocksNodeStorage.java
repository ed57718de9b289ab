package org.intertrust.node.runtime;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import org.intertrust.sim.storage.NodeStorage;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.WriteBatch;
import org.rocksdb.WriteOptions;

/**
 * A node's {@link NodeStorage} in a RocksDB database: the contract of the simulator's store on
 * disk. Reads are served from an in-memory copy of the contents (loaded at open, kept in key
 * order); writes since the last {@link #flush()} are collected in one {@link WriteBatch}, which
 * {@link #flush()} writes with {@code sync = true}, so a flush is atomic and durable when it
 * returns, and a crash loses exactly the unflushed writes. Used from its node's event loop only
 * (not thread-safe). The in-memory copy suits the demo's sizes; a long-running node would read
 * through to RocksDB instead.
 */
public final class RocksNodeStorage implements NodeStorage, AutoCloseable {
  static {
    RocksDB.loadLibrary();
  }

  private final Options options;
  private final WriteOptions syncWrite;
  private final RocksDB db;
  private final TreeMap<String, byte[]> visible = new TreeMap<>();
  private WriteBatch pending = new WriteBatch();
  private int pendingWrites;

  private RocksNodeStorage(Options options, WriteOptions syncWrite, RocksDB db) {
    this.options = options;
    this.syncWrite = syncWrite;
    this.db = db;
  }

  /** Opens (creating if needed) the store in {@code directory} and loads its contents. */
  public static RocksNodeStorage open(Path directory) throws IOException {
    Options options =
        new Options().setCreateIfMissing(true).setWriteBufferSize(4L << 20).setMaxOpenFiles(64);
    WriteOptions syncWrite = new WriteOptions().setSync(true);
    try {
      Files.createDirectories(directory);
      RocksNodeStorage storage =
          new RocksNodeStorage(options, syncWrite, RocksDB.open(options, directory.toString()));
      storage.load();
      return storage;
    } catch (RocksDBException | RuntimeException e) {
      syncWrite.close();
      options.close();
      throw new IOException("cannot open the node store in " + directory, e);
    }
  }

  private void load() {
    try (RocksIterator iterator = db.newIterator()) {
      for (iterator.seekToFirst(); iterator.isValid(); iterator.next()) {
        visible.put(new String(iterator.key(), StandardCharsets.UTF_8), iterator.value());
      }
    }
  }

  @Override
  public void put(String key, byte[] value) {
    byte[] copy = value.clone();
    visible.put(key, copy);
    try {
      pending.put(key.getBytes(StandardCharsets.UTF_8), copy);
    } catch (RocksDBException e) {
      throw new IllegalStateException("the node store refused a write", e);
    }
    pendingWrites++;
  }

  @Override
  public void delete(String key) {
    visible.remove(key);
    try {
      pending.delete(key.getBytes(StandardCharsets.UTF_8));
    } catch (RocksDBException e) {
      throw new IllegalStateException("the node store refused a delete", e);
    }
    pendingWrites++;
  }

  @Override
  public Optional<byte[]> get(String key) {
    byte[] value = visible.get(key);
    return value == null ? Optional.empty() : Optional.of(value.clone());
  }

  @Override
  public boolean contains(String key) {
    return visible.containsKey(key);
  }

  @Override
  public List<String> keys(String prefix) {
    return NodeStorage.keysWithPrefix(visible, prefix);
  }

  /**
   * Writes the pending batch with {@code fsync}; fails fast (the node stops) if the disk refuses.
   */
  @Override
  public void flush() {
    if (pendingWrites == 0) {
      return;
    }
    try {
      db.write(syncWrite, pending);
    } catch (RocksDBException e) {
      throw new IllegalStateException("the node store could not flush", e);
    }
    pending.close();
    pending = new WriteBatch();
    pendingWrites = 0;
  }

  /** Number of writes not yet flushed. */
  public int unflushedWrites() {
    return pendingWrites;
  }

  /** Closes the database; unflushed writes are lost, as in a crash. */
  @Override
  public void close() {
    pending.close();
    db.close();
    syncWrite.close();
    options.close();
  }
}
