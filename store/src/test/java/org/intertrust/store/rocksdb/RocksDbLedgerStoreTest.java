package org.intertrust.store.rocksdb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.intertrust.ledger.block.Block;
import org.intertrust.ledger.block.BlockExecutor;
import org.intertrust.ledger.block.ExecutedBlock;
import org.intertrust.ledger.execution.Receipt;
import org.intertrust.ledger.state.LedgerState;
import org.intertrust.ledger.state.Section;
import org.intertrust.ledger.store.InMemoryLedgerStore;
import org.intertrust.ledger.store.LedgerStoreException;
import org.intertrust.ledger.store.LedgerStoreException.Reason;
import org.intertrust.ledger.value.ConsensusTime;
import org.intertrust.ledger.value.Height;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;

class RocksDbLedgerStoreTest {

  @TempDir Path dir;

  @Test
  void emptyStore_hasNoHeightAndEmptyState_alsoAfterReopen() throws Exception {
    for (int i = 0; i < 2; i++) {
      try (RocksDbLedgerStore store = RocksDbLedgerStore.open(dir)) {
        assertEquals(Optional.empty(), store.latestHeight());
        assertEquals(LedgerState.EMPTY, store.latestState());
        assertEquals(Optional.empty(), store.block(Height.GENESIS));
        assertEquals(Optional.empty(), store.receipts(Height.GENESIS));
      }
    }
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 42, 1234})
  void seededChain_readsAndReopenMatchTheInMemoryStore(long seed) throws Exception {
    List<ExecutedBlock> chain = Chains.chain(seed, 25);
    InMemoryLedgerStore reference = new InMemoryLedgerStore();
    try (RocksDbLedgerStore store = RocksDbLedgerStore.open(dir)) {
      for (ExecutedBlock executed : chain) {
        store.append(executed);
        reference.append(executed);
        assertEquals(executed.state(), store.latestState());
      }
      assertSameContents(reference, store, chain.size());
    }
    try (RocksDbLedgerStore reopened = RocksDbLedgerStore.open(dir)) {
      assertSameContents(reference, reopened, chain.size());
      assertEquals(
          chain.get(chain.size() - 1).block().header().stateHash(), reopened.latestState().hash());
    }
  }

  @Test
  void seededChains_coverEverySectionAndBothReceiptKinds() {
    List<ExecutedBlock> chain = Chains.chain(7, 40);
    LedgerState last = chain.get(chain.size() - 1).state();
    for (Section<?, ?> section : Section.ALL) {
      if (section != Section.ESCROWS) {
        assertFalse(last.entries(section).isEmpty(), section.toString());
      }
    }
    List<Receipt> receipts =
        chain.stream().flatMap(executed -> executed.receipts().stream()).toList();
    assertTrue(receipts.stream().anyMatch(Receipt::isApplied));
    assertTrue(receipts.stream().anyMatch(r -> !r.isApplied()));
    assertTrue(receipts.stream().anyMatch(r -> r.crossAsEntry().isPresent()));
  }

  @Test
  void reopenAfterManyBlocks_recoversEqualStateHash() throws Exception {
    List<ExecutedBlock> chain = Chains.chain(99, 200);
    try (RocksDbLedgerStore store = RocksDbLedgerStore.open(dir)) {
      for (ExecutedBlock executed : chain) {
        store.append(executed);
      }
    }
    ExecutedBlock last = chain.get(chain.size() - 1);
    try (RocksDbLedgerStore reopened = RocksDbLedgerStore.open(dir)) {
      assertEquals(Optional.of(Height.of(chain.size() - 1L)), reopened.latestHeight());
      assertEquals(last.state().hash(), reopened.latestState().hash());
      assertEquals(last.state(), reopened.latestState());
      assertEquals(Optional.of(chain.get(100).block()), reopened.block(Height.of(100)));
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 5, 13})
  void closeMidSequence_recoversLastCompleteBlockAndContinues(int crashAfter) throws Exception {
    List<ExecutedBlock> chain = Chains.chain(1000 + crashAfter, 20);
    try (RocksDbLedgerStore store = RocksDbLedgerStore.open(dir)) {
      for (ExecutedBlock executed : chain.subList(0, crashAfter)) {
        store.append(executed);
      }
    }
    try (RocksDbLedgerStore recovered = RocksDbLedgerStore.open(dir)) {
      ExecutedBlock lastComplete = chain.get(crashAfter - 1);
      assertEquals(Optional.of(Height.of(crashAfter - 1L)), recovered.latestHeight());
      assertEquals(lastComplete.state().hash(), recovered.latestState().hash());
      assertEquals(Optional.empty(), recovered.block(Height.of(crashAfter)));
      for (ExecutedBlock executed : chain.subList(crashAfter, chain.size())) {
        recovered.append(executed);
      }
      assertEquals(chain.get(chain.size() - 1).state(), recovered.latestState());
    }
  }

  @Test
  void append_refusesGapsAndWritesNothing() throws Exception {
    List<ExecutedBlock> chain = Chains.chain(5, 3);
    try (RocksDbLedgerStore store = RocksDbLedgerStore.open(dir)) {
      LedgerStoreException e =
          assertThrows(LedgerStoreException.class, () -> store.append(chain.get(1)));
      assertEquals(Reason.NOT_NEXT_HEIGHT, e.reason());
      assertEquals(Optional.empty(), store.latestHeight());
      store.append(chain.get(0));
      e = assertThrows(LedgerStoreException.class, () -> store.append(chain.get(2)));
      assertEquals(Reason.NOT_NEXT_HEIGHT, e.reason());
      e = assertThrows(LedgerStoreException.class, () -> store.append(chain.get(0)));
      assertEquals(Reason.NOT_NEXT_HEIGHT, e.reason());
    }
    try (RocksDbLedgerStore reopened = RocksDbLedgerStore.open(dir)) {
      assertEquals(Optional.of(Height.GENESIS), reopened.latestHeight());
      assertEquals(Optional.empty(), reopened.block(Height.of(1)));
      assertEquals(Optional.empty(), reopened.block(Height.of(2)));
      assertEquals(chain.get(0).state(), reopened.latestState());
    }
  }

  @Test
  void append_refusesBlockThatIsNotChildOfLatestAndWritesNothing() throws Exception {
    ExecutedBlock genesis = Chains.genesis();
    ExecutedBlock otherGenesis =
        BlockExecutor.propose(
            Optional.empty(),
            LedgerState.EMPTY,
            Chains.AS_X,
            3,
            ConsensusTime.ofMillis(5),
            List.of());
    ExecutedBlock orphan =
        BlockExecutor.propose(
            Optional.of(otherGenesis.block().header()),
            otherGenesis.state(),
            Chains.AS_X,
            1,
            ConsensusTime.ofMillis(6),
            List.of());
    try (RocksDbLedgerStore store = RocksDbLedgerStore.open(dir)) {
      store.append(genesis);
      LedgerStoreException e = assertThrows(LedgerStoreException.class, () -> store.append(orphan));
      assertEquals(Reason.NOT_CHILD_OF_LATEST, e.reason());
      assertEquals(Optional.of(Height.GENESIS), store.latestHeight());
    }
    try (RocksDbLedgerStore reopened = RocksDbLedgerStore.open(dir)) {
      assertEquals(Optional.of(Height.GENESIS), reopened.latestHeight());
      assertEquals(Optional.empty(), reopened.block(Height.of(1)));
      assertEquals(Optional.empty(), reopened.receipts(Height.of(1)));
      assertEquals(genesis.state(), reopened.latestState());
    }
  }

  @Test
  void corruptStateSection_failsOpenWithStorageFailure() throws Exception {
    writeChainThenCorrupt(new byte[] {RocksDbLedgerStore.STATE_PREFIX, 1}, new byte[] {1, 1, 0});
  }

  @Test
  void stateThatDoesNotMatchTheHeader_failsOpenWithStorageFailure() throws Exception {
    // A well-formed but empty balances section: decodes, but the rebuilt state's hash differs.
    writeChainThenCorrupt(
        new byte[] {RocksDbLedgerStore.STATE_PREFIX, 1}, new byte[] {1, 1, 0, 0, 0, 0, 0, 0, 0, 0});
  }

  @Test
  void corruptLatestBlock_failsOpenWithStorageFailure() throws Exception {
    writeChainThenCorrupt(RocksDbLedgerStore.key(RocksDbLedgerStore.BLOCK_PREFIX, 2), new byte[7]);
  }

  @Test
  void missingLatestBlock_failsOpenWithStorageFailure() throws Exception {
    writeChainThenCorrupt(
        RocksDbLedgerStore.LATEST_HEIGHT_KEY, new byte[] {0, 0, 0, 0, 0, 0, 0, 9});
  }

  @Test
  void corruptOlderBlockOrReceipts_failReadsWithStorageFailure() throws Exception {
    writeChainThenCorrupt(null, null);
    corrupt(RocksDbLedgerStore.key(RocksDbLedgerStore.BLOCK_PREFIX, 1), new byte[] {9, 9});
    corrupt(RocksDbLedgerStore.key(RocksDbLedgerStore.RECEIPTS_PREFIX, 1), new byte[] {1, 0});
    try (RocksDbLedgerStore store = RocksDbLedgerStore.open(dir)) {
      assertEquals(
          Reason.STORAGE_FAILURE,
          assertThrows(LedgerStoreException.class, () -> store.block(Height.of(1))).reason());
      assertEquals(
          Reason.STORAGE_FAILURE,
          assertThrows(LedgerStoreException.class, () -> store.receipts(Height.of(1))).reason());
      assertTrue(store.block(Height.GENESIS).isPresent());
    }
  }

  @Test
  void storedBlockWhoseTransactionsDoNotMatchItsHeader_failsReadWithStorageFailure()
      throws Exception {
    List<ExecutedBlock> chain = Chains.chain(11, 3);
    writeChainThenCorrupt(null, null);
    Block first = chain.get(1).block();
    assertFalse(first.transactions().isEmpty(), "the seed must give block 1 transactions");
    Block emptied = new Block(first.header(), List.of());
    Block swapped =
        new Block(
            first.header(),
            Collections.nCopies(
                first.transactions().size(), chain.get(0).block().transactions().get(0)));
    for (Block forged : List.of(emptied, swapped)) {
      assertFalse(forged.transactions().equals(first.transactions()));
      corrupt(RocksDbLedgerStore.key(RocksDbLedgerStore.BLOCK_PREFIX, 1), forged.encode());
      try (RocksDbLedgerStore store = RocksDbLedgerStore.open(dir)) {
        assertEquals(
            Reason.STORAGE_FAILURE,
            assertThrows(LedgerStoreException.class, () -> store.block(Height.of(1))).reason());
      }
    }
  }

  @Test
  void closedStore_refusesCalls() throws Exception {
    RocksDbLedgerStore store = RocksDbLedgerStore.open(dir);
    store.close();
    store.close();
    assertEquals(
        Reason.STORAGE_FAILURE,
        assertThrows(LedgerStoreException.class, store::latestHeight).reason());
  }

  private void writeChainThenCorrupt(byte[] key, byte[] value) throws Exception {
    try (RocksDbLedgerStore store = RocksDbLedgerStore.open(dir)) {
      for (ExecutedBlock executed : Chains.chain(11, 3)) {
        store.append(executed);
      }
    }
    if (key != null) {
      corrupt(key, value);
      LedgerStoreException e =
          assertThrows(LedgerStoreException.class, () -> RocksDbLedgerStore.open(dir).close());
      assertEquals(Reason.STORAGE_FAILURE, e.reason());
    }
  }

  private void corrupt(byte[] key, byte[] value) throws Exception {
    try (Options options = new Options();
        RocksDB db = RocksDB.open(options, dir.toString())) {
      db.put(key, value);
    }
  }

  private static void assertSameContents(
      InMemoryLedgerStore reference, RocksDbLedgerStore store, int blocks) throws Exception {
    assertEquals(reference.latestHeight(), store.latestHeight());
    assertEquals(reference.latestState(), store.latestState());
    assertEquals(reference.latestState().hash(), store.latestState().hash());
    for (long h = 0; h <= blocks; h++) {
      Height height = Height.of(h);
      assertEquals(reference.block(height), store.block(height));
      assertEquals(reference.receipts(height), store.receipts(height));
    }
  }
}
