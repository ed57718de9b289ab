package org.intertrust.store.rocksdb;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Objects;
import org.intertrust.consensus.SafetyState;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.WriteOptions;

/**
 * The write-ahead log of a replica's {@link SafetyState}, in its own RocksDB directory (separate
 * from the ledger store, so the small, latency-critical synced write before each vote does not
 * contend with block batches, and either can be wiped or restored independently).
 *
 * <p>One key, {@code "safety"}, holds {@code u8 version | u64 highestVoteRound | u64
 * highestQcRound}. Contract:
 *
 * <ul>
 *   <li>{@link #persist} returns only after the state is durable (a synced write); a replica calls
 *       it before sending the vote or timeout it covers.
 *   <li>{@link #load} returns the last persisted state, or {@link SafetyState#INITIAL} if none.
 *   <li>The log never goes backwards: persisting a state whose {@code highestVoteRound} or {@code
 *       highestQcRound} is lower than the stored one is refused with {@link IllegalStateException}
 *       and writes nothing, so a replica cannot forget a vote.
 * </ul>
 *
 * <p>Thread-safe: all methods synchronise on this log. Failures of the medium are reported as
 * {@link SafetyWalException}.
 */
public final class SafetyWal implements AutoCloseable {

  static final byte[] KEY = "safety".getBytes(StandardCharsets.US_ASCII);
  static final int VERSION = 1;
  static final int ENCODED_SIZE = 1 + 2 * Long.BYTES;

  private final SyncedRocksDb handle;
  private final RocksDB db;
  private final WriteOptions syncWrite;
  private SafetyState current;
  private boolean closed;

  private SafetyWal(SyncedRocksDb handle) {
    this.handle = handle;
    this.db = handle.db();
    this.syncWrite = handle.syncWrite();
  }

  /**
   * Opens the log in {@code directory}, creating it if needed, and reads the stored state.
   *
   * @throws SafetyWalException if the database cannot be opened or the stored state is malformed
   */
  public static SafetyWal open(Path directory) throws SafetyWalException {
    Objects.requireNonNull(directory, "directory");
    SyncedRocksDb handle;
    try {
      handle = SyncedRocksDb.open(directory);
    } catch (RocksDBException | IOException e) {
      throw new SafetyWalException("cannot open " + directory + ": " + e.getMessage(), e);
    }
    SafetyWal wal = new SafetyWal(handle);
    try {
      wal.current = wal.read();
    } catch (SafetyWalException | RuntimeException e) {
      wal.close();
      throw e;
    }
    return wal;
  }

  private SafetyState read() throws SafetyWalException {
    byte[] encoded;
    try {
      encoded = db.get(KEY);
    } catch (RocksDBException e) {
      throw new SafetyWalException("read failed", e);
    }
    if (encoded == null) {
      return SafetyState.INITIAL;
    }
    if (encoded.length != ENCODED_SIZE || encoded[0] != VERSION) {
      throw new SafetyWalException("stored safety state is malformed");
    }
    ByteBuffer buffer = ByteBuffer.wrap(encoded, 1, 2 * Long.BYTES);
    long vote = buffer.getLong();
    long qc = buffer.getLong();
    if (vote < 0 || qc < 0) {
      throw new SafetyWalException("stored safety state has negative rounds");
    }
    return new SafetyState(vote, qc);
  }

  /** Returns the last persisted state, or {@link SafetyState#INITIAL} if none was. */
  public synchronized SafetyState load() {
    checkOpen();
    return current;
  }

  /**
   * Makes {@code state} durable before returning. Persisting the stored state again is a no-op
   * write that still succeeds.
   *
   * @throws IllegalStateException if {@code state} has a lower vote or certificate round than the
   *     stored state, or the log is closed
   * @throws IllegalArgumentException if a round is negative
   * @throws SafetyWalException if the write failed; the stored state is then unchanged
   */
  public synchronized void persist(SafetyState state) throws SafetyWalException {
    Objects.requireNonNull(state, "state");
    checkOpen();
    if (state.highestVoteRound() < 0 || state.highestQcRound() < 0) {
      throw new IllegalArgumentException("negative round in " + state);
    }
    if (state.highestVoteRound() < current.highestVoteRound()
        || state.highestQcRound() < current.highestQcRound()) {
      throw new IllegalStateException(
          "safety state may not go backwards: stored " + current + ", given " + state);
    }
    byte[] encoded =
        ByteBuffer.allocate(ENCODED_SIZE)
            .put((byte) VERSION)
            .putLong(state.highestVoteRound())
            .putLong(state.highestQcRound())
            .array();
    try {
      db.put(syncWrite, KEY, encoded);
    } catch (RocksDBException e) {
      throw new SafetyWalException("synced write failed", e);
    }
    current = state;
  }

  /** Closes the database. Idempotent. */
  @Override
  public synchronized void close() {
    if (!closed) {
      closed = true;
      handle.close();
    }
  }

  private void checkOpen() {
    if (closed) {
      throw new IllegalStateException("safety WAL is closed");
    }
  }
}
