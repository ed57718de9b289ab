package org.intertrust.store.rocksdb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.SplittableRandom;
import org.intertrust.consensus.SafetyState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;

class SafetyWalTest {

  @TempDir Path dir;

  @Test
  void freshWal_loadsInitial() throws Exception {
    try (SafetyWal wal = SafetyWal.open(dir)) {
      assertEquals(SafetyState.INITIAL, wal.load());
    }
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3})
  void persistedStates_surviveReopen(long seed) throws Exception {
    SplittableRandom random = new SplittableRandom(seed);
    SafetyState state = SafetyState.INITIAL;
    for (int i = 0; i < 10; i++) {
      long qc = state.highestQcRound() + random.nextInt(3);
      state = new SafetyState(Math.max(qc, state.highestVoteRound() + random.nextInt(3)), qc);
      try (SafetyWal wal = SafetyWal.open(dir)) {
        wal.persist(state);
        assertEquals(state, wal.load());
      }
      try (SafetyWal reopened = SafetyWal.open(dir)) {
        assertEquals(state, reopened.load());
      }
    }
  }

  @Test
  void persist_refusesToGoBackwardsAndKeepsStoredState() throws Exception {
    SafetyState stored = new SafetyState(10, 8);
    try (SafetyWal wal = SafetyWal.open(dir)) {
      wal.persist(stored);
      assertThrows(IllegalStateException.class, () -> wal.persist(new SafetyState(9, 8)));
      assertThrows(IllegalStateException.class, () -> wal.persist(new SafetyState(10, 7)));
      assertEquals(stored, wal.load());
      wal.persist(stored);
    }
    try (SafetyWal reopened = SafetyWal.open(dir)) {
      assertEquals(stored, reopened.load());
      assertThrows(IllegalStateException.class, () -> reopened.persist(SafetyState.INITIAL));
      reopened.persist(new SafetyState(11, 8));
      assertEquals(new SafetyState(11, 8), reopened.load());
    }
  }

  @Test
  void persist_refusesNegativeRounds() throws Exception {
    try (SafetyWal wal = SafetyWal.open(dir)) {
      assertThrows(IllegalArgumentException.class, () -> wal.persist(new SafetyState(-1, 0)));
      assertEquals(SafetyState.INITIAL, wal.load());
    }
  }

  @Test
  void malformedStoredState_failsOpen() throws Exception {
    try (Options options = new Options().setCreateIfMissing(true);
        RocksDB db = RocksDB.open(options, dir.toString())) {
      db.put(SafetyWal.KEY, new byte[] {1, 2, 3});
    }
    assertThrows(SafetyWalException.class, () -> SafetyWal.open(dir).close());
  }

  @Test
  void closedWal_refusesCalls() throws Exception {
    SafetyWal wal = SafetyWal.open(dir);
    wal.close();
    assertThrows(IllegalStateException.class, wal::load);
  }
}
