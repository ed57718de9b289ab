package org.intertrust.ledger.replication;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.random.RandomGenerator;
import org.intertrust.crypto.bls.KeyShare;
import org.intertrust.crypto.bls.ThresholdCombiner;
import org.intertrust.crypto.encoding.SigningDomain;
import org.intertrust.ledger.block.Block;
import org.intertrust.ledger.block.BlockExecutor;
import org.intertrust.ledger.block.BlockHeader;
import org.intertrust.ledger.block.ExecutedBlock;
import org.intertrust.ledger.block.ExecutionCertificate;
import org.intertrust.ledger.block.ExecutionStatement;
import org.intertrust.ledger.execution.SignatureVerifier;
import org.intertrust.ledger.state.LedgerState;
import org.intertrust.ledger.store.LedgerStore;
import org.intertrust.ledger.store.LedgerStoreException;
import org.intertrust.ledger.tx.SignedTransaction;
import org.intertrust.ledger.tx.Transaction;
import org.intertrust.ledger.value.AccountId;
import org.intertrust.ledger.value.ConsensusTime;
import org.intertrust.ledger.value.Height;
import org.intertrust.ledger.value.Nonce;
import org.intertrust.ledger.value.TxId;

/**
 * One replica's ledger, driven by its consensus: the pure glue between the two (ADR 0006).
 *
 * <ul>
 *   <li>Clients {@link #submit} transactions into the bounded {@link Mempool}.
 *   <li>As leader, consensus asks for {@link #nextPayload}; before voting it asks {@link
 *       #checkPayload} (framing, bounds, signatures; no state).
 *   <li>Execute after commit: {@link #execute} turns each committed payload, in height order, into
 *       a ledger block at the same height, appends it to the {@link LedgerStore} and signs an
 *       {@link ExecutionShare} over (AS, height, block hash, state hash).
 *   <li>The collector of a height ({@link #collector}) combines f+1 shares into an {@link
 *       ExecutionCertificate}; every replica verifies it and stores it with the block.
 * </ul>
 *
 * <p>Restart: a replica built over a store that already holds blocks continues from its latest
 * block and state. Consensus then re-commits heights the store has; {@link #execute} checks that
 * each matches the stored block (proposer and transaction root) and skips it.
 */
public final class LedgerReplica {
  private final ReplicationConfig config;
  private final int self;
  private final KeyShare executionShare;
  private final LedgerStore store;
  private final MemoizedSignatures signatures;
  private final Mempool mempool;
  private final ExecutionCollector collector;
  private BlockHeader latest;
  private LedgerState state;

  /** What executing one committed payload produced. */
  public record Execution(ExecutedBlock executed, ExecutionShare share) {}

  /** What a received execution share produced at the collector. */
  public record Collected(Optional<ExecutionCertificate> certificate, List<Integer> blamed) {}

  /** What became of a received execution certificate. */
  public enum CertificateOutcome {
    /** Verified and stored with its block. */
    STORED,
    /** A certificate for this height is already stored. */
    ALREADY_STORED,
    /** This replica has not executed that height yet; later certificates cover it. */
    NOT_EXECUTED,
    /** Another AS's, or its signature does not verify under the execution key. */
    INVALID,
    /** Valid, but over another block or state than this replica's: determinism is broken. */
    CONFLICTS_WITH_OWN
  }

  /**
   * A replica's ledger over {@code store}: executes the genesis block into an empty store, or
   * continues from the store's latest block.
   *
   * @param verifier how client signatures are checked; results are memoized per transaction id
   * @param random the batch-verification randomness for combining shares
   * @throws LedgerStoreException if the store fails, or holds another genesis
   */
  public LedgerReplica(
      ReplicationConfig config,
      int self,
      KeyShare executionShare,
      LedgerStore store,
      SignatureVerifier verifier,
      RandomGenerator random)
      throws LedgerStoreException {
    if (self < 0 || self >= config.replicas() || executionShare.index().value() != self + 1) {
      throw new IllegalArgumentException("replica " + self + " must hold share " + (self + 1));
    }
    this.config = config;
    this.self = self;
    this.executionShare = executionShare;
    this.store = Objects.requireNonNull(store, "store");
    this.signatures = new MemoizedSignatures(verifier);
    this.mempool = new Mempool(config.mempoolTransactions(), config.mempoolBytes());
    this.collector = new ExecutionCollector(config.executionKey(), new ThresholdCombiner(random));
    start();
  }

  private void start() throws LedgerStoreException {
    ExecutedBlock genesis =
        BlockExecutor.propose(
            Optional.empty(),
            LedgerState.EMPTY,
            config.as(),
            0,
            ConsensusTime.EPOCH,
            List.of(config.genesis()));
    Optional<Block> stored = store.block(Height.GENESIS);
    if (stored.isEmpty()) {
      store.append(genesis);
    } else if (!stored.get().hash().equals(genesis.block().hash())) {
      throw new LedgerStoreException(
          LedgerStoreException.Reason.STORAGE_FAILURE, "the store holds another AS's genesis");
    }
    Height height = store.latestHeight().orElseThrow();
    latest = store.block(height).orElseThrow().header();
    state = store.latestState();
  }

  /** Checks a client transaction and admits it into the mempool, or says why not. */
  public Admission submit(byte[] encoded) {
    CheckedTransaction.Outcome outcome = CheckedTransaction.check(encoded, config.as(), signatures);
    if (outcome.problem().isPresent()) {
      return Admission.refused(outcome.txId(), outcome.problem().get(), outcome.detail());
    }
    return mempool.add(outcome.checked().orElseThrow(), state);
  }

  /**
   * The batch to propose at {@code height} without knowing the chain it extends: {@link
   * #nextPayload(long, int, List)} with no unexecuted ancestors.
   */
  public byte[] nextPayload(long height, int maxBytes) {
    return nextPayload(height, maxBytes, List.of());
  }

  /**
   * The batch to propose at {@code height}, within {@code maxBytes} and the batch limits, for a
   * block whose ancestors this replica has not executed carry {@code unexecuted}: the payloads at
   * heights {@link #executedHeight()} + 1 to {@code height} - 1, oldest first (committed or not).
   * The batch leaves out what they carry and continues each signer's nonces after them, whether or
   * not this replica checked those blocks when they were proposed: a leader may hold ancestors it
   * only fetched, or whose proposal an equivocating leader showed it in another version.
   */
  public byte[] nextPayload(long height, int maxBytes, List<byte[]> unexecuted) {
    int bytes = config.limits().bytesWithin(maxBytes) - PayloadBatch.HEADER_BYTES;
    if (bytes <= 0) {
      return new byte[0];
    }
    List<byte[]> chosen =
        mempool.select(
            height,
            executedHeight(),
            config.limits().maxTransactions(),
            bytes,
            chain(unexecuted),
            state);
    return PayloadBatch.encode(chosen);
  }

  private Mempool.Chain chain(List<byte[]> unexecuted) {
    if (unexecuted.isEmpty()) {
      return Mempool.Chain.NONE;
    }
    Set<TxId> txIds = new HashSet<>();
    Map<AccountId, Nonce> nextNonces = new HashMap<>();
    for (byte[] payload : unexecuted) {
      PayloadBatch.Check check =
          PayloadBatch.check(payload, config.as(), config.limits(), signatures);
      for (CheckedTransaction tx : check.transactions()) {
        txIds.add(tx.txId());
        if (tx.transaction() instanceof SignedTransaction signed) {
          Nonce expected = nextNonces.getOrDefault(signed.signer(), state.nonce(signed.signer()));
          if (signed.nonce().equals(expected)) {
            expected.next().ifPresent(next -> nextNonces.put(signed.signer(), next));
          }
        }
      }
    }
    return new Mempool.Chain(txIds, nextNonces);
  }

  /**
   * Checks the payload proposed for the block at {@code height} before voting; marks its
   * transactions in flight until that height if valid. Stateless: a transaction that will not apply
   * (a stale nonce, no funds) is executed as rejected, not refused here, since the proposer may
   * have decided on a state this replica has not reached.
   */
  public PayloadBatch.Check checkPayload(long height, byte[] payload) {
    PayloadBatch.Check check =
        PayloadBatch.check(payload, config.as(), config.limits(), signatures);
    if (check.isValid()) {
      List<TxId> ids = new ArrayList<>();
      check.transactions().forEach(tx -> ids.add(tx.txId()));
      mempool.markInFlight(ids, height);
    }
    return check;
  }

  /**
   * Executes a committed payload into the ledger block at its height, stores it and signs its
   * execution share. A height already stored is checked against the stored block and skipped.
   *
   * @return the execution, or empty for a height already executed
   * @throws IllegalStateException if the height skips ahead, or the payload conflicts with the
   *     stored block or fails the checks every honest voter applied (consensus is broken)
   * @throws LedgerStoreException if the store fails
   */
  public Optional<Execution> execute(CommittedPayload committed) throws LedgerStoreException {
    long height = committed.height();
    PayloadBatch.Check check = checkCommitted(committed);
    List<Transaction> transactions = new ArrayList<>();
    check.transactions().forEach(tx -> transactions.add(tx.transaction()));
    if (height <= executedHeight()) {
      checkAgainstStored(committed, transactions);
      return Optional.empty();
    }
    if (height != executedHeight() + 1) {
      throw new IllegalStateException("committed height " + height + " after " + latest.height());
    }
    long millis = Math.max(latest.time().millis() + 1, committed.timeNanos() / 1_000_000L);
    ExecutedBlock executed =
        BlockExecutor.propose(
            Optional.of(latest),
            state,
            config.as(),
            committed.proposer(),
            ConsensusTime.ofMillis(millis),
            transactions,
            signatures);
    store.append(executed);
    latest = executed.block().header();
    state = executed.state();
    List<TxId> ids = new ArrayList<>();
    check.transactions().forEach(tx -> ids.add(tx.txId()));
    mempool.removeExecuted(ids, state);
    return Optional.of(new Execution(executed, sign(latest)));
  }

  private PayloadBatch.Check checkCommitted(CommittedPayload committed) {
    PayloadBatch.Check check =
        PayloadBatch.check(committed.payload(), config.as(), config.limits(), signatures);
    if (!check.isValid()) {
      throw new IllegalStateException(
          "committed payload at " + committed.height() + " invalid: " + check.problem().get());
    }
    return check;
  }

  private void checkAgainstStored(CommittedPayload committed, List<Transaction> transactions)
      throws LedgerStoreException {
    BlockHeader stored = store.block(Height.of(committed.height())).orElseThrow().header();
    if (stored.proposer() != committed.proposer()
        || !stored.txRoot().equals(BlockExecutor.txRoot(transactions))) {
      throw new IllegalStateException(
          "committed block at " + committed.height() + " differs from the stored one");
    }
  }

  private ExecutionShare sign(BlockHeader header) {
    ExecutionStatement statement =
        new ExecutionStatement(config.as(), header.height(), header.hash(), header.stateHash());
    return new ExecutionShare(
        statement, executionShare.signPartial(SigningDomain.EXECUTION, statement.encode()), self);
  }

  /** The replica that combines the execution shares of {@code height}. */
  public int collector(long height) {
    return (int) Math.floorMod(height, (long) config.replicas());
  }

  /** Adds a share sent to this replica as collector; a bad or misdirected share adds nothing. */
  public Collected onShare(ExecutionShare share) {
    int signer = share.signer();
    if (signer < 0
        || signer >= config.replicas()
        || share.share().index().value() != signer + 1
        || !share.statement().as().equals(config.as())
        || collector(share.statement().height().value()) != self) {
      return new Collected(Optional.empty(), List.of(signer));
    }
    ExecutionCollector.Outcome outcome = collector.add(share, executedHeight());
    return new Collected(outcome.certificate(), outcome.blamed());
  }

  /** Verifies a certificate and stores it with its block. */
  public CertificateOutcome onCertificate(ExecutionCertificate certificate)
      throws LedgerStoreException {
    ExecutionStatement statement = certificate.statement();
    if (!statement.as().equals(config.as()) || !certificate.verify(config.executionKey())) {
      return CertificateOutcome.INVALID;
    }
    if (statement.height().value() > executedHeight()) {
      return CertificateOutcome.NOT_EXECUTED;
    }
    if (store.certificate(statement.height()).isPresent()) {
      return CertificateOutcome.ALREADY_STORED;
    }
    BlockHeader own = store.block(statement.height()).orElseThrow().header();
    if (!own.hash().equals(statement.blockHash())
        || !own.stateHash().equals(statement.stateHash())) {
      return CertificateOutcome.CONFLICTS_WITH_OWN;
    }
    store.putCertificate(certificate);
    return CertificateOutcome.STORED;
  }

  /** The height of the latest executed block (0: genesis only). */
  public long executedHeight() {
    return latest.height().value();
  }

  /** The latest executed block's header. */
  public BlockHeader latestHeader() {
    return latest;
  }

  /** The state after the latest executed block. */
  public LedgerState state() {
    return state;
  }

  /** Pending client transactions. */
  public Mempool mempool() {
    return mempool;
  }

  /** How many signatures were checked by the underlying verifier (not answered from memory). */
  public long signatureChecks() {
    return signatures.checks();
  }

  @Override
  public String toString() {
    return "LedgerReplica[" + config.as() + " #" + self + " h=" + latest.height() + "]";
  }
}
