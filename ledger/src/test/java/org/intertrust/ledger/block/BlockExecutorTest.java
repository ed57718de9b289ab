package org.intertrust.ledger.block;

import static org.intertrust.ledger.testing.Fixtures.AS_X;
import static org.intertrust.ledger.testing.Fixtures.AS_Y;
import static org.intertrust.ledger.testing.Fixtures.GOLD;
import static org.intertrust.ledger.testing.Fixtures.account;
import static org.intertrust.ledger.testing.Fixtures.key;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.intertrust.crypto.encoding.EncodingException;
import org.intertrust.ledger.execution.Receipt;
import org.intertrust.ledger.execution.RejectionReason;
import org.intertrust.ledger.merkle.MerkleTree;
import org.intertrust.ledger.state.LedgerState;
import org.intertrust.ledger.testing.Fixtures;
import org.intertrust.ledger.tx.EscrowLock;
import org.intertrust.ledger.tx.Transaction;
import org.intertrust.ledger.tx.TransactionDecodingException;
import org.intertrust.ledger.tx.Transfer;
import org.intertrust.ledger.value.Amount;
import org.intertrust.ledger.value.ConsensusTime;
import org.intertrust.ledger.value.Hash32;
import org.intertrust.ledger.value.Height;
import org.intertrust.ledger.value.Nonce;
import org.junit.jupiter.api.Test;

class BlockExecutorTest {

  private final ExecutedBlock genesis =
      BlockExecutor.propose(
          Optional.empty(),
          LedgerState.EMPTY,
          AS_X,
          0,
          ConsensusTime.ofMillis(10),
          List.of(Fixtures.genesis(AS_X)));

  private ExecutedBlock child(ExecutedBlock parent, long time, List<Transaction> txs) {
    return BlockExecutor.propose(
        Optional.of(parent.block().header()),
        parent.state(),
        AS_X,
        1,
        ConsensusTime.ofMillis(time),
        txs);
  }

  private static Transfer transfer(int from, long amount, long nonce) {
    return Transfer.sign(key(from), AS_X, account(1), GOLD, Amount.of(amount), new Nonce(nonce));
  }

  private BlockValidation validate(ExecutedBlock parent, Block block) {
    return BlockExecutor.validateAndExecute(
        Optional.of(parent.block().header()), parent.state(), AS_X, block);
  }

  private static Block withHeader(Block block, BlockHeader header) {
    return new Block(header, block.transactions());
  }

  private static void assertInvalid(BlockRejectionReason reason, BlockValidation validation) {
    if (!(validation instanceof BlockValidation.Invalid invalid)) {
      throw new AssertionError("expected " + reason + ", got " + validation);
    }
    assertEquals(reason, invalid.rejection().reason(), invalid.rejection().detail());
  }

  @Test
  void genesis_hasHeightZeroAndZeroParent() {
    BlockHeader header = genesis.block().header();
    assertEquals(Height.GENESIS, header.height());
    assertEquals(Hash32.ZERO, header.parentHash());
    assertEquals(genesis.state().hash(), header.stateHash());
    assertTrue(
        BlockExecutor.validateAndExecute(Optional.empty(), LedgerState.EMPTY, AS_X, genesis.block())
            instanceof BlockValidation.Valid);
  }

  @Test
  void genesisBlockHash_isPinned() {
    assertEquals(GENESIS_HASH, genesis.block().hash().toHex());
  }

  /** Changed by ADR 0008: the state hash covers the new OUTBOX section. */
  private static final String GENESIS_HASH =
      "a2b60cd7a3e22dec1825a516bac6e8e19148cb0d9ab3622060431f3fe81fb1ff";

  @Test
  void validate_ofProposedBlock_reproducesReceiptsAndState() {
    ExecutedBlock proposed = child(genesis, 20, List.of(transfer(0, 5, 0), transfer(2, 7, 0)));
    BlockValidation validation = validate(genesis, proposed.block());
    ExecutedBlock executed = ((BlockValidation.Valid) validation).executed();
    assertEquals(proposed.state().hash(), executed.state().hash());
    assertEquals(proposed.receipts(), executed.receipts());
  }

  @Test
  void execute_recordsRejectedTransactionInReceiptAndAppliesTheRest() {
    ExecutedBlock block =
        child(genesis, 20, List.of(transfer(0, 5000, 0), transfer(0, 5, 0), transfer(0, 5, 0)));
    List<Receipt> receipts = block.receipts();
    assertEquals(
        RejectionReason.INSUFFICIENT_FUNDS, receipts.get(0).rejection().orElseThrow().reason());
    assertTrue(receipts.get(1).isApplied());
    assertEquals(RejectionReason.BAD_NONCE, receipts.get(2).rejection().orElseThrow().reason());
    assertEquals(Amount.of(995), block.state().balance(account(0), GOLD));
  }

  @Test
  void crossAsRoot_provesTheLockRecordOfAnAppliedLock() {
    EscrowLock lock =
        EscrowLock.sign(
            key(0),
            new EscrowLock.Terms(
                AS_X,
                Fixtures.crossId(1),
                GOLD,
                Amount.of(3),
                AS_Y,
                ConsensusTime.ofMillis(999),
                Nonce.ZERO));
    ExecutedBlock block = child(genesis, 20, List.of(transfer(1, 1, 0), lock));
    byte[] leaf = block.receipts().get(1).crossAsEntry().orElseThrow().encode();
    assertTrue(
        MerkleTree.of(List.of(leaf)).proof(0).verify(leaf, block.block().header().crossAsRoot()));
    assertFalse(block.block().header().crossAsRoot().equals(MerkleTree.rootOf(List.of())));
  }

  @Test
  void validate_rejectsWrongChainHeightParentAndTime() {
    Block block = child(genesis, 20, List.of(transfer(0, 5, 0))).block();
    BlockHeader h = block.header();
    assertInvalid(
        BlockRejectionReason.WRONG_CHAIN,
        BlockExecutor.validateAndExecute(
            Optional.of(genesis.block().header()), genesis.state(), AS_Y, block));
    assertInvalid(
        BlockRejectionReason.WRONG_HEIGHT,
        validate(genesis, withHeader(block, header(h, Height.of(2), h.parentHash(), h.time()))));
    assertInvalid(
        BlockRejectionReason.WRONG_PARENT_HASH,
        validate(genesis, withHeader(block, header(h, h.height(), Hash32.ZERO, h.time()))));
    assertInvalid(
        BlockRejectionReason.TIME_NOT_MONOTONIC,
        validate(
            genesis,
            withHeader(
                block, header(h, h.height(), h.parentHash(), genesis.block().header().time()))));
  }

  @Test
  void validate_rejectsMismatchedCountRootsAndStateHash() {
    Block block = child(genesis, 20, List.of(transfer(0, 5, 0))).block();
    BlockHeader h = block.header();
    Hash32 other = Hash32.fromHex("11".repeat(32));
    assertInvalid(
        BlockRejectionReason.TRANSACTION_COUNT_MISMATCH,
        validate(genesis, new Block(h, List.of())));
    assertInvalid(
        BlockRejectionReason.TX_ROOT_MISMATCH,
        validate(genesis, withHeader(block, roots(h, other, h.crossAsRoot(), h.stateHash()))));
    assertInvalid(
        BlockRejectionReason.CROSS_AS_ROOT_MISMATCH,
        validate(genesis, withHeader(block, roots(h, h.txRoot(), other, h.stateHash()))));
    assertInvalid(
        BlockRejectionReason.STATE_HASH_MISMATCH,
        validate(genesis, withHeader(block, roots(h, h.txRoot(), h.crossAsRoot(), other))));
  }

  @Test
  void propose_refusesTimeNotAfterParent() {
    assertThrows(IllegalArgumentException.class, () -> child(genesis, 10, List.of()));
  }

  @Test
  void block_roundTripsThroughCanonicalEncoding() throws Exception {
    Block block = child(genesis, 20, List.of(transfer(0, 5, 0))).block();
    Block decoded = Block.decode(block.encode());
    assertEquals(block, decoded);
    assertEquals(block.hash(), decoded.hash());
    assertEquals(BlockHeader.ENCODED_SIZE, block.header().encode().length);
  }

  @Test
  void block_decodeRejectsEveryTruncation() {
    byte[] encoded = child(genesis, 20, List.of(transfer(0, 5, 0))).block().encode();
    for (int length = 0; length < encoded.length; length += 7) {
      byte[] prefix = Arrays.copyOf(encoded, length);
      Exception e = assertThrows(Exception.class, () -> Block.decode(prefix));
      assertTrue(
          e instanceof EncodingException || e instanceof TransactionDecodingException,
          e.toString());
    }
  }

  @Test
  void header_decodeRejectsTruncationAndTrailingBytes() {
    byte[] encoded = genesis.block().header().encode();
    assertThrows(
        EncodingException.class,
        () -> BlockHeader.decode(Arrays.copyOf(encoded, encoded.length - 1)));
    assertThrows(
        EncodingException.class,
        () -> BlockHeader.decode(Arrays.copyOf(encoded, encoded.length + 1)));
  }

  private static BlockHeader header(BlockHeader h, Height height, Hash32 parent, ConsensusTime t) {
    return new BlockHeader(
        h.chain(),
        height,
        parent,
        h.proposer(),
        t,
        h.transactionCount(),
        h.txRoot(),
        h.crossAsRoot(),
        h.stateHash());
  }

  private static BlockHeader roots(BlockHeader h, Hash32 tx, Hash32 crossAs, Hash32 state) {
    return new BlockHeader(
        h.chain(),
        h.height(),
        h.parentHash(),
        h.proposer(),
        h.time(),
        h.transactionCount(),
        tx,
        crossAs,
        state);
  }
}
