package org.intertrust.ledger.block;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.intertrust.crypto.encoding.AsId;
import org.intertrust.ledger.execution.ExecutionContext;
import org.intertrust.ledger.execution.Receipt;
import org.intertrust.ledger.execution.SignatureVerifier;
import org.intertrust.ledger.execution.TransactionExecutor;
import org.intertrust.ledger.merkle.MerkleTree;
import org.intertrust.ledger.state.LedgerState;
import org.intertrust.ledger.state.MutableState;
import org.intertrust.ledger.tx.Transaction;
import org.intertrust.ledger.tx.TransactionCodec;
import org.intertrust.ledger.value.ConsensusTime;
import org.intertrust.ledger.value.Hash32;
import org.intertrust.ledger.value.Height;
import org.intertrust.ledger.value.TxId;

/**
 * Proposes, validates and executes blocks. Execution applies the transactions in order on one
 * working copy of the parent state; an invalid transaction is recorded as rejected in its receipt
 * and changes nothing. Deterministic: the same parent, state and block give the same receipts and
 * state hash on every replica.
 */
public final class BlockExecutor {

  private BlockExecutor() {}

  /**
   * Builds and executes the next block: the child of {@code parent} (or the genesis block if
   * empty), on {@code state}, which must be the state after {@code parent}.
   *
   * @throws IllegalArgumentException if {@code time} is not after the parent's
   */
  public static ExecutedBlock propose(
      Optional<BlockHeader> parent,
      LedgerState state,
      AsId chain,
      int proposer,
      ConsensusTime time,
      List<Transaction> transactions) {
    return propose(parent, state, chain, proposer, time, transactions, SignatureVerifier.DIRECT);
  }

  /**
   * As {@link #propose(Optional, LedgerState, AsId, int, ConsensusTime, List)}, with a verifier.
   */
  public static ExecutedBlock propose(
      Optional<BlockHeader> parent,
      LedgerState state,
      AsId chain,
      int proposer,
      ConsensusTime time,
      List<Transaction> transactions,
      SignatureVerifier verifier) {
    Height height = parent.map(p -> p.height().next()).orElse(Height.GENESIS);
    Hash32 parentHash = parent.map(BlockHeader::hash).orElse(Hash32.ZERO);
    if (parent.isPresent() && !time.isAfter(parent.get().time())) {
      throw new IllegalArgumentException("time " + time + " not after " + parent.get().time());
    }
    ExecutionContext ctx = new ExecutionContext(height, time, chain, verifier);
    Run run = run(state, ctx, transactions, encodeAll(transactions));
    BlockHeader header =
        new BlockHeader(
            chain,
            height,
            parentHash,
            proposer,
            time,
            transactions.size(),
            run.txRoot,
            run.crossAsRoot,
            run.state.hash());
    return new ExecutedBlock(new Block(header, transactions), run.receipts, run.state);
  }

  /**
   * Checks {@code block} against its parent (empty for genesis), executes it on {@code state}, the
   * state after the parent, and checks the roots and state hash it commits to.
   */
  public static BlockValidation validateAndExecute(
      Optional<BlockHeader> parent, LedgerState state, AsId chain, Block block) {
    return validateAndExecute(parent, state, chain, block, SignatureVerifier.DIRECT);
  }

  /** As {@link #validateAndExecute(Optional, LedgerState, AsId, Block)}, with a verifier. */
  public static BlockValidation validateAndExecute(
      Optional<BlockHeader> parent,
      LedgerState state,
      AsId chain,
      Block block,
      SignatureVerifier verifier) {
    Objects.requireNonNull(block, "block");
    BlockHeader header = block.header();
    List<byte[]> encoded = encodeAll(block.transactions());
    Optional<BlockRejection> linkage =
        BlockLinkage.check(parent, chain, block)
            .or(() -> BlockLinkage.checkTxRoot(header, MerkleTree.rootOf(encoded)));
    if (linkage.isPresent()) {
      return new BlockValidation.Invalid(linkage.get());
    }
    ExecutionContext ctx = new ExecutionContext(header.height(), header.time(), chain, verifier);
    Run run = run(state, ctx, block.transactions(), encoded);
    Optional<BlockRejection> results =
        BlockLinkage.checkResults(header, run.crossAsRoot, run.state.hash());
    if (results.isPresent()) {
      return new BlockValidation.Invalid(results.get());
    }
    return new BlockValidation.Valid(new ExecutedBlock(block, run.receipts, run.state));
  }

  /** Returns the Merkle root of the canonical encodings of {@code transactions}. */
  public static Hash32 txRoot(List<Transaction> transactions) {
    return MerkleTree.rootOf(encodeAll(transactions));
  }

  private static List<byte[]> encodeAll(List<Transaction> transactions) {
    List<byte[]> encoded = new ArrayList<>(transactions.size());
    for (Transaction tx : transactions) {
      encoded.add(TransactionCodec.encode(tx));
    }
    return encoded;
  }

  private record Run(
      List<Receipt> receipts, LedgerState state, Hash32 txRoot, Hash32 crossAsRoot) {}

  /** Executes {@code transactions}, whose canonical encodings are {@code encoded}, in order. */
  private static Run run(
      LedgerState state,
      ExecutionContext ctx,
      List<Transaction> transactions,
      List<byte[]> encoded) {
    MutableState working = state.toMutable();
    List<Receipt> receipts = new ArrayList<>(transactions.size());
    List<byte[]> crossAsLeaves = new ArrayList<>();
    for (int i = 0; i < transactions.size(); i++) {
      TxId txId = TxId.ofEncoding(encoded.get(i));
      Receipt receipt = TransactionExecutor.apply(working, transactions.get(i), txId, ctx);
      receipt.crossAsEntry().ifPresent(entry -> crossAsLeaves.add(entry.encode()));
      receipts.add(receipt);
    }
    return new Run(
        receipts, working.freeze(), MerkleTree.rootOf(encoded), MerkleTree.rootOf(crossAsLeaves));
  }
}
