package org.intertrust.ledger.block;

import static org.intertrust.ledger.testing.Fixtures.AS_X;
import static org.intertrust.ledger.testing.Fixtures.AS_Y;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.intertrust.ledger.execution.Receipt;
import org.intertrust.ledger.state.LedgerState;
import org.intertrust.ledger.testing.Fixtures;
import org.intertrust.ledger.tx.EscrowLock;
import org.intertrust.ledger.tx.EscrowRefund;
import org.intertrust.ledger.tx.Transaction;
import org.intertrust.ledger.tx.Transfer;
import org.intertrust.ledger.value.Amount;
import org.intertrust.ledger.value.ConsensusTime;
import org.intertrust.ledger.value.Nonce;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Two replicas execute the same chain independently (the second from the blocks' bytes) and must
 * reach the same receipts and state hash at every height.
 */
class DeterminismTest {

  private static final int BLOCKS = 6;
  private static final int TXS_PER_BLOCK = 12;

  static LongStream seeds() {
    return LongStream.range(0, 8);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void sameBlocks_giveSameStateHashOnIndependentReplicas(long seed) throws Exception {
    List<ExecutedBlock> chain = proposeChain(new SplittableRandom(seed));
    Optional<BlockHeader> parent = Optional.empty();
    LedgerState state = LedgerState.EMPTY;
    for (ExecutedBlock proposed : chain) {
      Block received = Block.decode(proposed.block().encode());
      BlockValidation validation = BlockExecutor.validateAndExecute(parent, state, AS_X, received);
      ExecutedBlock replayed = ((BlockValidation.Valid) validation).executed();
      assertEquals(proposed.state().hash(), replayed.state().hash(), "seed " + seed);
      assertEquals(encodings(proposed.receipts()), encodings(replayed.receipts()));
      parent = Optional.of(received.header());
      state = replayed.state();
    }
  }

  private static List<String> encodings(List<Receipt> receipts) {
    List<String> out = new ArrayList<>();
    for (Receipt receipt : receipts) {
      out.add(HexFormat.of().formatHex(receipt.encode()));
    }
    return out;
  }

  private static List<ExecutedBlock> proposeChain(SplittableRandom random) {
    List<ExecutedBlock> chain = new ArrayList<>();
    ExecutedBlock block =
        BlockExecutor.propose(
            Optional.empty(),
            LedgerState.EMPTY,
            AS_X,
            0,
            ConsensusTime.ofMillis(1),
            List.of(Fixtures.genesis(AS_X)));
    chain.add(block);
    for (int height = 1; height < BLOCKS; height++) {
      List<Transaction> txs = new ArrayList<>();
      for (int i = 0; i < TXS_PER_BLOCK; i++) {
        txs.add(randomTx(random, block.state(), height * 100 + i));
      }
      block =
          BlockExecutor.propose(
              Optional.of(block.block().header()),
              block.state(),
              AS_X,
              height % 4,
              ConsensusTime.ofMillis(1 + height * 10L),
              txs);
      chain.add(block);
    }
    return chain;
  }

  /**
   * A random transaction; nonces follow the parent state, so within a block an account's second
   * transaction is a replay (rejected) unless by chance it uses the next nonce.
   */
  private static Transaction randomTx(SplittableRandom random, LedgerState parent, int id) {
    int from = random.nextInt(4);
    int kind = random.nextInt(3);
    if (kind == 2) {
      return new EscrowRefund(AS_X, Fixtures.crossId(random.nextInt(id + 1)), Fixtures.CERT);
    }
    long expected = parent.nonce(Fixtures.account(from)).value();
    Nonce nonce = new Nonce(expected + random.nextInt(3));
    if (kind == 0) {
      return Transfer.sign(
          Fixtures.key(from),
          AS_X,
          Fixtures.account(random.nextInt(4)),
          Fixtures.GOLD,
          Amount.of(random.nextInt(300)),
          nonce);
    }
    return EscrowLock.sign(
        Fixtures.key(from),
        new EscrowLock.Terms(
            AS_X,
            Fixtures.crossId(id),
            Fixtures.SILVER,
            Amount.of(1 + random.nextInt(200)),
            AS_Y,
            ConsensusTime.ofMillis(10_000),
            nonce));
  }
}
