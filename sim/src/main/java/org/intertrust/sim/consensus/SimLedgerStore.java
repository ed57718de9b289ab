package org.intertrust.sim.consensus;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.intertrust.crypto.encoding.AsId;
import org.intertrust.crypto.encoding.EncodingException;
import org.intertrust.ledger.block.Block;
import org.intertrust.ledger.block.BlockExecutor;
import org.intertrust.ledger.block.BlockHeader;
import org.intertrust.ledger.block.BlockValidation;
import org.intertrust.ledger.block.ExecutedBlock;
import org.intertrust.ledger.block.ExecutionCertificate;
import org.intertrust.ledger.execution.Receipt;
import org.intertrust.ledger.execution.SignatureVerifier;
import org.intertrust.ledger.state.LedgerState;
import org.intertrust.ledger.store.InMemoryLedgerStore;
import org.intertrust.ledger.store.LedgerStore;
import org.intertrust.ledger.store.LedgerStoreException;
import org.intertrust.ledger.tx.TransactionDecodingException;
import org.intertrust.ledger.value.Height;
import org.intertrust.sim.storage.NodeStorage;

/**
 * A replica's ledger store in the simulator: an {@link InMemoryLedgerStore} whose blocks and
 * certificates are also written to the node's {@link NodeStorage}, one key per block (so each block
 * is written atomically), not flushed: they become durable with the replica's next flush (the
 * safety state's, before each vote), and a crash may lose the latest ones. {@link #recover}
 * rebuilds the store after a restart by re-executing the surviving blocks from genesis, checking
 * each against its header's state hash.
 */
final class SimLedgerStore implements LedgerStore {
  static final String BLOCK_PREFIX = "ledger/block/";
  static final String CERTIFICATE_PREFIX = "ledger/certificate/";

  private final NodeStorage storage;
  private final InMemoryLedgerStore memory = new InMemoryLedgerStore();

  private SimLedgerStore(NodeStorage storage) {
    this.storage = storage;
  }

  /** The store kept in {@code storage}: empty at first start, recovered after a restart. */
  static SimLedgerStore recover(NodeStorage storage, AsId as, SignatureVerifier verifier) {
    SimLedgerStore store = new SimLedgerStore(storage);
    try {
      store.replayBlocks(as, verifier);
      store.replayCertificates();
    } catch (LedgerStoreException | EncodingException | TransactionDecodingException e) {
      throw new IllegalStateException("simulated storage holds an unreadable ledger", e);
    }
    return store;
  }

  private void replayBlocks(AsId as, SignatureVerifier verifier)
      throws LedgerStoreException, EncodingException, TransactionDecodingException {
    Optional<BlockHeader> parent = Optional.empty();
    LedgerState state = LedgerState.EMPTY;
    for (long height = 0; ; height++) {
      Optional<byte[]> encoded = storage.get(blockKey(height));
      if (encoded.isEmpty()) {
        return;
      }
      Block block = Block.decode(encoded.get());
      BlockValidation validation =
          BlockExecutor.validateAndExecute(parent, state, as, block, verifier);
      if (validation instanceof BlockValidation.Invalid invalid) {
        throw new IllegalStateException("stored block " + height + ": " + invalid.rejection());
      }
      ExecutedBlock executed = ((BlockValidation.Valid) validation).executed();
      memory.append(executed);
      parent = Optional.of(block.header());
      state = executed.state();
    }
  }

  private void replayCertificates() throws LedgerStoreException, EncodingException {
    for (String key : storage.keys(CERTIFICATE_PREFIX)) {
      ExecutionCertificate certificate =
          ExecutionCertificate.decode(storage.get(key).orElseThrow());
      if (memory.block(certificate.height()).isPresent()) {
        memory.putCertificate(certificate);
      }
    }
  }

  private static String blockKey(long height) {
    return BLOCK_PREFIX + String.format(Locale.ROOT, "%019d", height);
  }

  @Override
  public void append(ExecutedBlock executed) throws LedgerStoreException {
    memory.append(executed);
    storage.put(blockKey(executed.block().header().height().value()), executed.block().encode());
  }

  @Override
  public Optional<Height> latestHeight() {
    return memory.latestHeight();
  }

  @Override
  public Optional<Block> block(Height height) {
    return memory.block(height);
  }

  @Override
  public Optional<List<Receipt>> receipts(Height height) {
    return memory.receipts(height);
  }

  @Override
  public LedgerState latestState() {
    return memory.latestState();
  }

  @Override
  public void putCertificate(ExecutionCertificate certificate) throws LedgerStoreException {
    memory.putCertificate(certificate);
    storage.put(
        CERTIFICATE_PREFIX + String.format(Locale.ROOT, "%019d", certificate.height().value()),
        certificate.encode());
  }

  @Override
  public Optional<ExecutionCertificate> certificate(Height height) {
    return memory.certificate(height);
  }
}
