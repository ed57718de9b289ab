package org.intertrust.ledger.store;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.intertrust.ledger.block.Block;
import org.intertrust.ledger.block.BlockHeader;
import org.intertrust.ledger.block.ExecutedBlock;
import org.intertrust.ledger.block.ExecutionCertificate;
import org.intertrust.ledger.execution.Receipt;
import org.intertrust.ledger.state.LedgerState;
import org.intertrust.ledger.value.Hash32;
import org.intertrust.ledger.value.Height;

/**
 * A {@link LedgerStore} in memory, for tests and the simulator. Keeps every block and its receipts
 * and the latest state only (states are immutable, so keeping more would be cheap, but the port
 * promises only the latest). Thread-safe: all methods synchronise on this store.
 */
public final class InMemoryLedgerStore implements LedgerStore {

  private final List<ExecutedBlock> blocks = new ArrayList<>();
  private final Map<Height, ExecutionCertificate> certificates = new HashMap<>();

  @Override
  public synchronized void append(ExecutedBlock executed) throws LedgerStoreException {
    Objects.requireNonNull(executed, "executed");
    BlockHeader header = executed.block().header();
    long expectedHeight = blocks.size();
    if (header.height().value() != expectedHeight) {
      throw new LedgerStoreException(
          LedgerStoreException.Reason.NOT_NEXT_HEIGHT,
          "expected height " + expectedHeight + ", got " + header.height());
    }
    Hash32 expectedParent =
        blocks.isEmpty() ? Hash32.ZERO : blocks.get(blocks.size() - 1).block().hash();
    if (!header.parentHash().equals(expectedParent)) {
      throw new LedgerStoreException(
          LedgerStoreException.Reason.NOT_CHILD_OF_LATEST,
          "expected parent " + expectedParent + ", got " + header.parentHash());
    }
    blocks.add(executed);
  }

  @Override
  public synchronized Optional<Height> latestHeight() {
    return blocks.isEmpty() ? Optional.empty() : Optional.of(Height.of(blocks.size() - 1L));
  }

  @Override
  public synchronized Optional<Block> block(Height height) {
    return executed(height).map(ExecutedBlock::block);
  }

  @Override
  public synchronized Optional<List<Receipt>> receipts(Height height) {
    return executed(height).map(ExecutedBlock::receipts);
  }

  @Override
  public synchronized LedgerState latestState() {
    return blocks.isEmpty() ? LedgerState.EMPTY : blocks.get(blocks.size() - 1).state();
  }

  @Override
  public synchronized void putCertificate(ExecutionCertificate certificate)
      throws LedgerStoreException {
    Height height = certificate.height();
    Optional<ExecutedBlock> block = executed(height);
    if (block.isEmpty()
        || !block.get().block().hash().equals(certificate.statement().blockHash())) {
      throw new LedgerStoreException(
          LedgerStoreException.Reason.CERTIFICATE_MISMATCH, certificate.toString());
    }
    certificates.putIfAbsent(height, certificate);
  }

  @Override
  public synchronized Optional<ExecutionCertificate> certificate(Height height) {
    return Optional.ofNullable(certificates.get(Objects.requireNonNull(height, "height")));
  }

  private Optional<ExecutedBlock> executed(Height height) {
    long value = Objects.requireNonNull(height, "height").value();
    return value < blocks.size() ? Optional.of(blocks.get((int) value)) : Optional.empty();
  }
}
