package org.intertrust.sim.consensus;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.intertrust.crypto.bls.ThresholdPublicKey;
import org.intertrust.ledger.block.BlockHeader;
import org.intertrust.ledger.block.ExecutedBlock;
import org.intertrust.ledger.block.ExecutionCertificate;
import org.intertrust.ledger.execution.Receipt;
import org.intertrust.ledger.replication.Admission;
import org.intertrust.ledger.replication.LedgerReplica.CertificateOutcome;
import org.intertrust.ledger.replication.TransactionProblem;
import org.intertrust.ledger.state.Audit;
import org.intertrust.ledger.state.AuditViolation;
import org.intertrust.ledger.state.LedgerState;
import org.intertrust.ledger.value.Hash32;
import org.intertrust.sim.Violation;

/**
 * What the simulated replicas' ledgers did, checked as it happens (so after every event):
 *
 * <ul>
 *   <li><b>state-agreement</b>: every honest replica executes the same block to the same state hash
 *       at every height, also after recovering from its storage;
 *   <li><b>supply-conserved</b>: each honest replica's state passes {@link Audit} after each block;
 *   <li><b>execution-certificates-valid</b>: every execution certificate an honest replica receives
 *       verifies under the AS's execution key and certifies the agreed block and state; no honest
 *       replica finds a valid certificate conflicting with its own execution.
 * </ul>
 */
final class LedgerObserver {
  private record Executed(Hash32 block, Hash32 state) {}

  private final int replicas;
  private final Set<Integer> byzantine;
  private final ThresholdPublicKey executionKey;
  private final Map<Long, Executed> reference = new HashMap<>();
  private final long[] executedHeight;
  private final Set<ExecutionCertificate> checked = new HashSet<>();
  private final Set<Long> certifiedHeights = new HashSet<>();
  private final Map<TransactionProblem, Long> refusals = new EnumMap<>(TransactionProblem.class);
  private final List<Violation> violations = new ArrayList<>();
  private final List<Long> recoveries = new ArrayList<>();
  private final List<java.util.function.BiConsumer<Integer, ExecutedBlock>> executionListeners =
      new ArrayList<>();
  private long applied;
  private long rejected;
  private long admitted;
  private long badShares;

  LedgerObserver(int replicas, Set<Integer> byzantine, ThresholdPublicKey executionKey) {
    this.replicas = replicas;
    this.byzantine = Set.copyOf(byzantine);
    this.executionKey = executionKey;
    this.executedHeight = new long[replicas];
  }

  private boolean isHonest(int replica) {
    return replica < replicas && !byzantine.contains(replica);
  }

  /** A replica (re)started with this latest block and state from its storage. */
  synchronized void recovered(int replica, BlockHeader latest, LedgerState state) {
    if (executedHeight[replica] > 0) {
      recoveries.add(latest.height().value());
    }
    executedHeight[replica] = latest.height().value();
    if (isHonest(replica) && !latest.height().isGenesis()) {
      compare(replica, latest, "recovered");
    }
    if (!state.hash().equals(latest.stateHash())) {
      violations.add(
          new Violation("state-agreement", "replica " + replica + " recovered a state != header"));
    }
  }

  /**
   * Registers {@code listener} to be told of every block any replica (honest or not) executes,
   * within the replica's handler; used by the cross-AS simulation.
   */
  synchronized void onExecution(java.util.function.BiConsumer<Integer, ExecutedBlock> listener) {
    executionListeners.add(listener);
  }

  /**
   * Replica {@code replica} executed a block: the listeners run first, outside this observer's lock
   * (they may do the replica's own work), then the checks.
   */
  void executed(int replica, ExecutedBlock executed) {
    List<java.util.function.BiConsumer<Integer, ExecutedBlock>> listeners;
    synchronized (this) {
      listeners = List.copyOf(executionListeners);
    }
    listeners.forEach(listener -> listener.accept(replica, executed));
    check(replica, executed);
  }

  private synchronized void check(int replica, ExecutedBlock executed) {
    BlockHeader header = executed.block().header();
    executedHeight[replica] = Math.max(executedHeight[replica], header.height().value());
    if (!isHonest(replica)) {
      return;
    }
    if (compare(replica, header, "executed")) {
      for (Receipt receipt : executed.receipts()) {
        if (receipt.isApplied()) {
          applied++;
        } else {
          rejected++;
        }
      }
    }
    List<AuditViolation> audit = Audit.check(executed.state());
    if (!audit.isEmpty()) {
      violations.add(
          new Violation(
              "supply-conserved", "replica " + replica + " at " + header.height() + ": " + audit));
    }
  }

  /** Compares with the first honest execution at this height; true if this one is the first. */
  private boolean compare(int replica, BlockHeader header, String what) {
    Executed mine = new Executed(header.hash(), header.stateHash());
    Executed first = reference.putIfAbsent(header.height().value(), mine);
    if (first != null && !first.equals(mine)) {
      violations.add(
          new Violation(
              "state-agreement",
              "replica "
                  + replica
                  + " "
                  + what
                  + " height "
                  + header.height()
                  + " to state "
                  + header.stateHash()
                  + ", another honest replica to "
                  + first.state()));
    }
    return first == null;
  }

  synchronized void certificate(
      int replica, ExecutionCertificate certificate, CertificateOutcome outcome) {
    if (!isHonest(replica)) {
      return;
    }
    if (checked.add(certificate) && !certificate.verify(executionKey)) {
      violations.add(
          new Violation(
              "execution-certificates-valid", "replica " + replica + " got " + certificate));
    }
    Executed agreed = reference.get(certificate.height().value());
    if (outcome == CertificateOutcome.CONFLICTS_WITH_OWN
        || (agreed != null
            && !agreed.equals(
                new Executed(
                    certificate.statement().blockHash(), certificate.statement().stateHash())))) {
      violations.add(
          new Violation(
              "execution-certificates-valid",
              "replica " + replica + " holds " + certificate + " that differs from execution"));
    }
    if (outcome == CertificateOutcome.STORED) {
      certifiedHeights.add(certificate.height().value());
    }
  }

  synchronized void admitted(Admission admission) {
    if (admission.isAccepted()) {
      admitted++;
    } else {
      refusals.merge(admission.problem().get(), 1L, Long::sum);
    }
  }

  synchronized void payloadRejected(TransactionProblem problem) {
    refusals.merge(problem, 1L, Long::sum);
  }

  synchronized void shareRejected() {
    badShares++;
  }

  /** For each restart, the height the replica recovered from its storage. */
  synchronized List<Long> recoveries() {
    return List.copyOf(recoveries);
  }

  synchronized List<Violation> violations() {
    return List.copyOf(violations);
  }

  /** The lowest executed height among honest replicas in {@code up}. */
  synchronized long minHonestExecuted(Set<Integer> up) {
    long min = Long.MAX_VALUE;
    for (int i = 0; i < replicas; i++) {
      if (isHonest(i) && up.contains(i)) {
        min = Math.min(min, executedHeight[i]);
      }
    }
    return min == Long.MAX_VALUE ? 0 : min;
  }

  /** The agreed state hash at {@code height}, in hex, or empty text if none executed it. */
  synchronized String stateHashAt(long height) {
    Executed agreed = reference.get(height);
    return agreed == null ? "" : agreed.state().toHex();
  }

  /** Transactions applied by the agreed blocks. */
  synchronized long applied() {
    return applied;
  }

  /** Transactions in agreed blocks that execution rejected (a stale nonce, no funds). */
  synchronized long rejected() {
    return rejected;
  }

  synchronized long admitted() {
    return admitted;
  }

  synchronized long badShares() {
    return badShares;
  }

  /** Heights for which some honest replica stored an execution certificate. */
  synchronized int certifiedHeights() {
    return certifiedHeights.size();
  }

  synchronized Map<TransactionProblem, Long> refusals() {
    return Map.copyOf(refusals);
  }
}
