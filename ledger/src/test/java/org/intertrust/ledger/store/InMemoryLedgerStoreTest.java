package org.intertrust.ledger.store;

import static org.intertrust.ledger.testing.Fixtures.AS_X;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Optional;
import org.intertrust.ledger.block.BlockExecutor;
import org.intertrust.ledger.block.ExecutedBlock;
import org.intertrust.ledger.state.LedgerState;
import org.intertrust.ledger.testing.Fixtures;
import org.intertrust.ledger.value.ConsensusTime;
import org.intertrust.ledger.value.Height;
import org.junit.jupiter.api.Test;

class InMemoryLedgerStoreTest {

  private final InMemoryLedgerStore store = new InMemoryLedgerStore();

  private final ExecutedBlock genesis =
      BlockExecutor.propose(
          Optional.empty(),
          LedgerState.EMPTY,
          AS_X,
          0,
          ConsensusTime.ofMillis(1),
          List.of(Fixtures.genesis(AS_X)));

  private final ExecutedBlock first =
      BlockExecutor.propose(
          Optional.of(genesis.block().header()),
          genesis.state(),
          AS_X,
          1,
          ConsensusTime.ofMillis(2),
          List.of());

  @Test
  void emptyStore_hasNoHeightAndEmptyState() {
    assertEquals(Optional.empty(), store.latestHeight());
    assertEquals(LedgerState.EMPTY, store.latestState());
    assertEquals(Optional.empty(), store.block(Height.GENESIS));
  }

  @Test
  void append_thenReadsReturnBlocksReceiptsAndLatestState() throws Exception {
    store.append(genesis);
    store.append(first);
    assertEquals(Optional.of(Height.of(1)), store.latestHeight());
    assertEquals(Optional.of(genesis.block()), store.block(Height.GENESIS));
    assertEquals(Optional.of(genesis.receipts()), store.receipts(Height.GENESIS));
    assertEquals(first.state().hash(), store.latestState().hash());
    assertEquals(Optional.empty(), store.block(Height.of(2)));
  }

  @Test
  void append_refusesGapsAndLeavesStoreUnchanged() {
    LedgerStoreException e = assertThrows(LedgerStoreException.class, () -> store.append(first));
    assertEquals(LedgerStoreException.Reason.NOT_NEXT_HEIGHT, e.reason());
    assertEquals(Optional.empty(), store.latestHeight());
  }

  @Test
  void append_refusesBlockThatIsNotChildOfLatest() throws Exception {
    store.append(genesis);
    ExecutedBlock otherGenesis =
        BlockExecutor.propose(
            Optional.empty(), LedgerState.EMPTY, AS_X, 3, ConsensusTime.ofMillis(5), List.of());
    ExecutedBlock orphan =
        BlockExecutor.propose(
            Optional.of(otherGenesis.block().header()),
            otherGenesis.state(),
            AS_X,
            1,
            ConsensusTime.ofMillis(6),
            List.of());
    LedgerStoreException e = assertThrows(LedgerStoreException.class, () -> store.append(orphan));
    assertEquals(LedgerStoreException.Reason.NOT_CHILD_OF_LATEST, e.reason());
    assertEquals(Optional.of(Height.GENESIS), store.latestHeight());
  }
}
