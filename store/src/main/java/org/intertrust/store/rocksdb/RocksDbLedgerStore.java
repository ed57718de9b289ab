package org.intertrust.store.rocksdb;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.intertrust.crypto.encoding.EncodingException;
import org.intertrust.ledger.block.Block;
import org.intertrust.ledger.block.BlockExecutor;
import org.intertrust.ledger.block.BlockHeader;
import org.intertrust.ledger.block.ExecutedBlock;
import org.intertrust.ledger.block.ExecutionCertificate;
import org.intertrust.ledger.execution.Receipt;
import org.intertrust.ledger.state.LedgerState;
import org.intertrust.ledger.state.MutableState;
import org.intertrust.ledger.state.Section;
import org.intertrust.ledger.store.LedgerStore;
import org.intertrust.ledger.store.LedgerStoreException;
import org.intertrust.ledger.store.LedgerStoreException.Reason;
import org.intertrust.ledger.tx.TransactionDecodingException;
import org.intertrust.ledger.value.Hash32;
import org.intertrust.ledger.value.Height;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.WriteBatch;
import org.rocksdb.WriteOptions;

/**
 * A {@link LedgerStore} in a RocksDB directory. Keys (in the default column family):
 *
 * <pre>
 *   'B' | u64 height        -> the block's canonical encoding ({@link Block#encode()})
 *   'R' | u64 height        -> the block's receipts ({@link StoreCodec#encodeReceipts})
 *   'S' | u8 section index  -> one section of the latest state ({@link StoreCodec#encodeSection})
 *   'C' | u64 height        -> the block's execution certificate ({@link ExecutionCertificate#encode()})
 *   'H'                     -> u64 latest height (absent while the store is empty)
 * </pre>
 *
 * <p>{@link #append} writes the block, its receipts, the sections of the new state that changed and
 * the latest height in one {@link WriteBatch} with a synced write, so after a crash either the
 * whole block is visible or none of it. Opening reads the latest height, decodes the latest block
 * and the state sections, and checks that the rebuilt state's hash equals the latest header's state
 * hash; any missing, undecodable or inconsistent data fails the open with {@link
 * Reason#STORAGE_FAILURE} and nothing partial is returned. Every block read is checked against its
 * key's height and its header's transaction count and root.
 *
 * <p>The latest header and state are cached in memory; older blocks and receipts are read from disk
 * on demand, each bounded by the ledger's size limits. Thread-safe: all methods synchronise on this
 * store. One process may open a directory at a time (RocksDB locks it).
 */
public final class RocksDbLedgerStore implements LedgerStore, AutoCloseable {

  static final byte BLOCK_PREFIX = 'B';
  static final byte RECEIPTS_PREFIX = 'R';
  static final byte STATE_PREFIX = 'S';
  static final byte CERTIFICATE_PREFIX = 'C';
  static final byte[] LATEST_HEIGHT_KEY = {'H'};

  private final SyncedRocksDb handle;
  private final RocksDB db;
  private final WriteOptions syncWrite;
  private Optional<BlockHeader> latestHeader = Optional.empty();
  private LedgerState latestState;
  private boolean closed;

  private RocksDbLedgerStore(SyncedRocksDb handle) {
    this.handle = handle;
    this.db = handle.db();
    this.syncWrite = handle.syncWrite();
  }

  /**
   * Opens the store in {@code directory}, creating it if needed, and recovers the latest block and
   * state.
   *
   * @throws LedgerStoreException {@code STORAGE_FAILURE} if the database cannot be opened or its
   *     contents are unreadable or inconsistent
   */
  public static RocksDbLedgerStore open(Path directory) throws LedgerStoreException {
    Objects.requireNonNull(directory, "directory");
    SyncedRocksDb handle;
    try {
      handle = SyncedRocksDb.open(directory);
    } catch (RocksDBException | IOException e) {
      throw new LedgerStoreException(
          Reason.STORAGE_FAILURE, "cannot open " + directory + ": " + e.getMessage(), e);
    }
    RocksDbLedgerStore store = new RocksDbLedgerStore(handle);
    try {
      store.recover();
    } catch (LedgerStoreException | RuntimeException e) {
      store.close();
      throw e;
    }
    return store;
  }

  private void recover() throws LedgerStoreException {
    Optional<byte[]> height = get(LATEST_HEIGHT_KEY);
    if (height.isEmpty()) {
      if (hasAnyKey()) {
        throw new LedgerStoreException(Reason.STORAGE_FAILURE, "data present but no latest height");
      }
      latestHeader = Optional.empty();
      latestState = LedgerState.EMPTY;
      return;
    }
    Height latest = decodeHeight(height.get());
    Block block =
        readBlock(latest).orElseThrow(() -> failure("latest block " + latest + " missing"));
    if (readReceipts(latest).isEmpty()) {
      throw failure("receipts of latest block " + latest + " missing");
    }
    LedgerState state = readState();
    if (!state.hash().equals(block.header().stateHash())) {
      throw failure(
          "stored state hash "
              + state.hash()
              + " differs from latest header's "
              + block.header().stateHash());
    }
    latestHeader = Optional.of(block.header());
    latestState = state;
  }

  private static Height decodeHeight(byte[] encoded) throws LedgerStoreException {
    if (encoded.length != Long.BYTES) {
      throw failure("latest height is malformed");
    }
    long value = ByteBuffer.wrap(encoded).getLong();
    if (value < 0) {
      throw failure("negative latest height");
    }
    return Height.of(value);
  }

  private static LedgerStoreException failure(String message) {
    return new LedgerStoreException(Reason.STORAGE_FAILURE, message);
  }

  private boolean hasAnyKey() {
    try (RocksIterator it = db.newIterator()) {
      it.seekToFirst();
      return it.isValid();
    }
  }

  private LedgerState readState() throws LedgerStoreException {
    MutableState state = MutableState.empty();
    for (Section<?, ?> section : Section.ALL) {
      Optional<byte[]> encoded = get(new byte[] {STATE_PREFIX, (byte) section.index()});
      if (encoded.isPresent()) {
        try {
          StoreCodec.decodeSection(encoded.get(), section, state);
        } catch (EncodingException | IllegalArgumentException e) {
          throw new LedgerStoreException(
              Reason.STORAGE_FAILURE, "state section " + section + " undecodable", e);
        }
      }
    }
    return state.freeze();
  }

  @Override
  public synchronized void append(ExecutedBlock executed) throws LedgerStoreException {
    Objects.requireNonNull(executed, "executed");
    checkOpen();
    BlockHeader header = executed.block().header();
    long expectedHeight = latestHeader.map(h -> h.height().value() + 1).orElse(0L);
    if (header.height().value() != expectedHeight) {
      throw new LedgerStoreException(
          Reason.NOT_NEXT_HEIGHT, "expected height " + expectedHeight + ", got " + header.height());
    }
    Hash32 expectedParent = latestHeader.map(BlockHeader::hash).orElse(Hash32.ZERO);
    if (!header.parentHash().equals(expectedParent)) {
      throw new LedgerStoreException(
          Reason.NOT_CHILD_OF_LATEST,
          "expected parent " + expectedParent + ", got " + header.parentHash());
    }
    LedgerState state = executed.state();
    try (WriteBatch batch = new WriteBatch()) {
      batch.put(key(BLOCK_PREFIX, expectedHeight), executed.block().encode());
      batch.put(
          key(RECEIPTS_PREFIX, expectedHeight), StoreCodec.encodeReceipts(executed.receipts()));
      for (Section<?, ?> section : Section.ALL) {
        if (!state.entries(section).equals(latestState.entries(section))) {
          batch.put(
              new byte[] {STATE_PREFIX, (byte) section.index()},
              StoreCodec.encodeSection(state, section));
        }
      }
      batch.put(LATEST_HEIGHT_KEY, longBytes(expectedHeight));
      db.write(syncWrite, batch);
    } catch (RocksDBException | EncodingException | IllegalArgumentException e) {
      throw new LedgerStoreException(
          Reason.STORAGE_FAILURE, "cannot write block " + expectedHeight, e);
    }
    latestHeader = Optional.of(header);
    latestState = state;
  }

  @Override
  public synchronized Optional<Height> latestHeight() throws LedgerStoreException {
    checkOpen();
    return latestHeader.map(BlockHeader::height);
  }

  @Override
  public synchronized Optional<Block> block(Height height) throws LedgerStoreException {
    Objects.requireNonNull(height, "height");
    checkOpen();
    return readBlock(height);
  }

  @Override
  public synchronized Optional<List<Receipt>> receipts(Height height) throws LedgerStoreException {
    Objects.requireNonNull(height, "height");
    checkOpen();
    return readReceipts(height);
  }

  @Override
  public synchronized LedgerState latestState() throws LedgerStoreException {
    checkOpen();
    return latestState;
  }

  @Override
  public synchronized void putCertificate(ExecutionCertificate certificate)
      throws LedgerStoreException {
    Objects.requireNonNull(certificate, "certificate");
    checkOpen();
    Height height = certificate.height();
    Optional<Block> block = readBlock(height);
    if (block.isEmpty() || !block.get().hash().equals(certificate.statement().blockHash())) {
      throw new LedgerStoreException(Reason.CERTIFICATE_MISMATCH, certificate.toString());
    }
    byte[] key = key(CERTIFICATE_PREFIX, height.value());
    if (get(key).isPresent()) {
      return;
    }
    try {
      db.put(syncWrite, key, certificate.encode());
    } catch (RocksDBException e) {
      throw new LedgerStoreException(
          Reason.STORAGE_FAILURE, "cannot write certificate " + height, e);
    }
  }

  @Override
  public synchronized Optional<ExecutionCertificate> certificate(Height height)
      throws LedgerStoreException {
    Objects.requireNonNull(height, "height");
    checkOpen();
    Optional<byte[]> stored = get(key(CERTIFICATE_PREFIX, height.value()));
    if (stored.isEmpty()) {
      return Optional.empty();
    }
    try {
      ExecutionCertificate certificate = ExecutionCertificate.decode(stored.get());
      if (!certificate.height().equals(height)) {
        throw failure("certificate stored at " + height + " is for " + certificate.height());
      }
      return Optional.of(certificate);
    } catch (EncodingException e) {
      throw new LedgerStoreException(
          Reason.STORAGE_FAILURE, "certificate of " + height + " undecodable", e);
    }
  }

  /** Closes the database; later calls fail with {@code STORAGE_FAILURE}. Idempotent. */
  @Override
  public synchronized void close() {
    if (!closed) {
      closed = true;
      handle.close();
    }
  }

  private Optional<Block> readBlock(Height height) throws LedgerStoreException {
    Optional<byte[]> stored = get(key(BLOCK_PREFIX, height.value()));
    if (stored.isEmpty()) {
      return Optional.empty();
    }
    byte[] encoded = stored.get();
    if (encoded.length > Block.MAX_ENCODED_SIZE) {
      throw new LedgerStoreException(Reason.STORAGE_FAILURE, "block " + height + " too large");
    }
    Block block;
    try {
      block = Block.decode(encoded);
    } catch (EncodingException | TransactionDecodingException | IllegalArgumentException e) {
      throw new LedgerStoreException(Reason.STORAGE_FAILURE, "block " + height + " undecodable", e);
    }
    if (block.header().transactionCount() != block.transactions().size()
        || !BlockExecutor.txRoot(block.transactions()).equals(block.header().txRoot())) {
      throw failure("block " + height + " does not match its header's transactions");
    }
    if (!block.header().height().equals(height)) {
      throw new LedgerStoreException(
          Reason.STORAGE_FAILURE, "block stored at " + height + " has " + block.header().height());
    }
    return Optional.of(block);
  }

  private Optional<List<Receipt>> readReceipts(Height height) throws LedgerStoreException {
    Optional<byte[]> stored = get(key(RECEIPTS_PREFIX, height.value()));
    if (stored.isEmpty()) {
      return Optional.empty();
    }
    byte[] encoded = stored.get();
    try {
      return Optional.of(List.copyOf(StoreCodec.decodeReceipts(encoded)));
    } catch (EncodingException | IllegalArgumentException e) {
      throw new LedgerStoreException(
          Reason.STORAGE_FAILURE, "receipts of " + height + " undecodable", e);
    }
  }

  private Optional<byte[]> get(byte[] key) throws LedgerStoreException {
    try {
      return Optional.ofNullable(db.get(key));
    } catch (RocksDBException e) {
      throw new LedgerStoreException(Reason.STORAGE_FAILURE, "read failed", e);
    }
  }

  private void checkOpen() throws LedgerStoreException {
    if (closed) {
      throw new LedgerStoreException(Reason.STORAGE_FAILURE, "store is closed");
    }
  }

  static byte[] key(byte prefix, long height) {
    return ByteBuffer.allocate(1 + Long.BYTES).put(prefix).putLong(height).array();
  }

  private static byte[] longBytes(long value) {
    return ByteBuffer.allocate(Long.BYTES).putLong(value).array();
  }
}
