package org.intertrust.sim.crossas;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.intertrust.crypto.encoding.AsId;
import org.intertrust.crypto.identity.IdentityPublicKey;
import org.intertrust.gateway.protocol.replica.Provenance;
import org.intertrust.gateway.protocol.replica.ProvenanceProblem;
import org.intertrust.ledger.block.ExecutedBlock;
import org.intertrust.ledger.execution.CrossAsEntry;
import org.intertrust.ledger.execution.Receipt;
import org.intertrust.ledger.state.CrossAsStatus;
import org.intertrust.ledger.state.Escrow;
import org.intertrust.ledger.state.LedgerState;
import org.intertrust.ledger.state.PoolKey;
import org.intertrust.ledger.state.Section;
import org.intertrust.ledger.tx.Transaction;
import org.intertrust.ledger.value.Amount;
import org.intertrust.ledger.value.AssetId;
import org.intertrust.ledger.value.CrossAsTxId;
import org.intertrust.sim.Violation;
import org.intertrust.sim.stats.LatencyRecorder;

/**
 * The invariants of DESIGN.md §5 across two ASs, X (source) and Y (destination). A ledger's state
 * changes only when a replica executes a block, so checking at each execution (which the simulator
 * reports inside that replica's handler) is checking after every event:
 *
 * <ul>
 *   <li><b>atomicity</b>: an honest X replica finalizes only what honest Y replicas unlocked, and
 *       refunds only what they released;
 *   <li><b>conservation</b>: on each honest replica, {@code Audit} (the one-AS observer); across
 *       the two, X's pool for Y never exceeds Y's vouchers of X's coin, and Y's vouchers never
 *       exceed X's pool plus the escrows bound for Y (checked against the most advanced honest
 *       replica of the other side); at the end, pool and vouchers are equal and no escrow is left;
 *   <li><b>at-most-once</b>: on each honest replica, a cross-AS id is locked, settled and decided
 *       at most once;
 *   <li><b>agreement</b>: the one-AS observers (blocks and state hashes), and here: honest replicas
 *       of an AS never record different outcomes for one id;
 *   <li><b>provenance</b>: every applied transaction caused by the peer passes {@link Provenance}
 *       again, as an auditor would re-check it from the ledger;
 *   <li><b>termination</b> (at the end, {@link #terminationViolations}): every submitted transfer
 *       is settled on every honest X replica and decided on every honest Y replica, consistently.
 * </ul>
 */
final class CrossAsObserver {
  // Synchronized: the node runtime calls it from every replica's event loop.
  private final AsId x;
  private final AsId y;
  private final Set<Integer> honestX;
  private final Set<Integer> honestY;
  private final Provenance auditX;
  private final Provenance auditY;
  private final AssetId coin;
  private final AssetId voucher;
  private final Map<CrossAsTxId, Long> submitted = new LinkedHashMap<>();
  private final Map<Integer, Map<CrossAsTxId, CrossAsStatus>> outcomesX = new HashMap<>();
  private final Map<Integer, Map<CrossAsTxId, CrossAsStatus>> decisionsY = new HashMap<>();
  private final Map<CrossAsTxId, CrossAsStatus> agreedX = new HashMap<>();
  private final Map<CrossAsTxId, CrossAsStatus> agreedY = new HashMap<>();
  private final Map<Integer, LedgerState> statesX = new HashMap<>();
  private final Map<Integer, LedgerState> statesY = new HashMap<>();
  private final LatencyRecorder latency = new LatencyRecorder();
  private final List<Violation> violations = new ArrayList<>();

  CrossAsObserver(
      AsId x,
      AsId y,
      Set<Integer> honestX,
      Set<Integer> honestY,
      List<IdentityPublicKey> enclavesX,
      List<IdentityPublicKey> enclavesY,
      AssetId coin) {
    this.x = x;
    this.y = y;
    this.honestX = Set.copyOf(honestX);
    this.honestY = Set.copyOf(honestY);
    this.auditX = new Provenance(x, enclavesX);
    this.auditY = new Provenance(y, enclavesY);
    this.coin = coin;
    this.voucher = coin.voucherFrom(x).orElseThrow();
  }

  /** A client submitted {@code tx} at {@code nanos}. */
  synchronized void submitted(CrossAsTxId tx, long nanos) {
    submitted.put(tx, nanos);
  }

  /** Replica {@code replica} of X executed {@code block} at virtual time {@code nanos}. */
  synchronized void executedOnX(int replica, ExecutedBlock block, long nanos) {
    if (!honestX.contains(replica)) {
      return;
    }
    statesX.put(replica, block.state());
    Map<CrossAsTxId, CrossAsStatus> mine = outcomesX.computeIfAbsent(replica, r -> new HashMap<>());
    forEachEntry(
        block,
        auditX,
        "X" + replica,
        (tx, entry) -> {
          CrossAsStatus status = entry.record().status();
          if (status == CrossAsStatus.LOCKED) {
            once(mine.put(entry.key().id(), status) != null, "X" + replica, entry, "locked");
            return;
          }
          CrossAsStatus before = mine.put(entry.key().id(), status);
          once(before != CrossAsStatus.LOCKED, "X" + replica, entry, "settled");
          agree(agreedX, entry.key().id(), status, "X" + replica);
          checkAtomic(entry.key().id());
          if (agreedX.get(entry.key().id()) == status && submitted.containsKey(entry.key().id())) {
            Long start = submitted.get(entry.key().id());
            if (mine.size() > 0 && firstSettlement(entry.key().id(), replica)) {
              latency.record(nanos - start);
            }
          }
        });
    checkConservation();
  }

  private final Map<CrossAsTxId, Integer> settledFirstBy = new HashMap<>();

  private boolean firstSettlement(CrossAsTxId tx, int replica) {
    return settledFirstBy.putIfAbsent(tx, replica) == null;
  }

  /** Replica {@code replica} of Y executed {@code block}. */
  synchronized void executedOnY(int replica, ExecutedBlock block) {
    if (!honestY.contains(replica)) {
      return;
    }
    statesY.put(replica, block.state());
    Map<CrossAsTxId, CrossAsStatus> mine =
        decisionsY.computeIfAbsent(replica, r -> new HashMap<>());
    forEachEntry(
        block,
        auditY,
        "Y" + replica,
        (tx, entry) -> {
          CrossAsStatus status = entry.record().status();
          once(mine.put(entry.key().id(), status) != null, "Y" + replica, entry, "decided");
          agree(agreedY, entry.key().id(), status, "Y" + replica);
          checkAtomic(entry.key().id());
        });
    checkConservation();
  }

  private interface EntryAction {
    void accept(Transaction tx, CrossAsEntry entry);
  }

  private void forEachEntry(ExecutedBlock block, Provenance audit, String who, EntryAction action) {
    List<Transaction> txs = block.block().transactions();
    for (int i = 0; i < txs.size(); i++) {
      Receipt receipt = block.receipts().get(i);
      if (!receipt.isApplied()) {
        continue;
      }
      Optional<ProvenanceProblem> problem = audit.check(txs.get(i));
      if (problem.isPresent()) {
        violations.add(
            new Violation(
                "provenance", who + " applied " + txs.get(i).kind() + ": " + problem.get()));
      }
      if (receipt.crossAsEntry().isPresent()) {
        action.accept(txs.get(i), receipt.crossAsEntry().get());
      }
    }
  }

  private void once(boolean repeated, String who, CrossAsEntry entry, String what) {
    if (repeated) {
      violations.add(
          new Violation("at-most-once", who + " " + what + " " + entry.key().id() + " again"));
    }
  }

  private void agree(
      Map<CrossAsTxId, CrossAsStatus> agreed, CrossAsTxId tx, CrossAsStatus status, String who) {
    CrossAsStatus first = agreed.putIfAbsent(tx, status);
    if (first != null && first != status) {
      violations.add(
          new Violation(
              "agreement", who + " recorded " + status + " for " + tx + ", others " + first));
    }
  }

  private void checkAtomic(CrossAsTxId tx) {
    CrossAsStatus onX = agreedX.get(tx);
    if (onX == null) {
      return;
    }
    CrossAsStatus onY = agreedY.get(tx);
    boolean ok =
        (onX == CrossAsStatus.FINALIZED && onY == CrossAsStatus.UNLOCKED)
            || (onX == CrossAsStatus.REFUNDED && onY == CrossAsStatus.RELEASED);
    if (!ok) {
      violations.add(new Violation("atomicity", tx + ": X " + onX + ", Y " + onY));
    }
  }

  private void checkConservation() {
    long maxVouchers = 0;
    for (LedgerState state : statesY.values()) {
      maxVouchers = Math.max(maxVouchers, vouchers(state));
    }
    long maxBacking = 0;
    for (LedgerState state : statesX.values()) {
      maxBacking = Math.max(maxBacking, pool(state) + escrowedForY(state));
    }
    for (Map.Entry<Integer, LedgerState> entry : statesX.entrySet()) {
      if (pool(entry.getValue()) > maxVouchers) {
        violations.add(
            new Violation(
                "conservation",
                "X"
                    + entry.getKey()
                    + " pool "
                    + pool(entry.getValue())
                    + " > vouchers "
                    + maxVouchers));
      }
    }
    for (Map.Entry<Integer, LedgerState> entry : statesY.entrySet()) {
      if (vouchers(entry.getValue()) > maxBacking) {
        violations.add(
            new Violation(
                "conservation",
                "Y"
                    + entry.getKey()
                    + " vouchers "
                    + vouchers(entry.getValue())
                    + " > backing "
                    + maxBacking));
      }
    }
  }

  private long vouchers(LedgerState state) {
    return state.get(Section.VOUCHERS, voucher).map(Amount::value).orElse(0L);
  }

  private long pool(LedgerState state) {
    return state.get(Section.POOL, new PoolKey(coin, y)).map(Amount::value).orElse(0L);
  }

  private long escrowedForY(LedgerState state) {
    long sum = 0;
    for (Escrow escrow : state.entries(Section.ESCROWS).values()) {
      if (escrow.destination().equals(y) && escrow.asset().equals(coin)) {
        sum += escrow.amount().value();
      }
    }
    return sum;
  }

  /** Whether every submitted transfer is settled on every honest X replica. */
  synchronized boolean allSettled() {
    if (outcomesX.size() < honestX.size()) {
      return submitted.isEmpty();
    }
    for (CrossAsTxId tx : submitted.keySet()) {
      for (Map<CrossAsTxId, CrossAsStatus> mine : outcomesX.values()) {
        CrossAsStatus status = mine.get(tx);
        if (status == null || status == CrossAsStatus.LOCKED) {
          return false;
        }
      }
    }
    return true;
  }

  /** Termination and final conservation, checked once the run ends. */
  synchronized List<Violation> terminationViolations() {
    Map<Integer, LedgerState> finalX = statesX;
    Map<Integer, LedgerState> finalY = statesY;
    List<Violation> out = new ArrayList<>();
    for (CrossAsTxId tx : submitted.keySet()) {
      for (int replica : honestX) {
        CrossAsStatus status = outcomesX.getOrDefault(replica, Map.of()).get(tx);
        if (status != CrossAsStatus.FINALIZED && status != CrossAsStatus.REFUNDED) {
          out.add(new Violation("termination", tx + " is " + status + " on X" + replica));
        }
      }
      for (int replica : honestY) {
        if (!decisionsY.getOrDefault(replica, Map.of()).containsKey(tx)) {
          out.add(new Violation("termination", tx + " undecided on Y" + replica));
        }
      }
    }
    finalX.forEach(
        (replica, state) -> {
          if (escrowedForY(state) != 0) {
            out.add(
                new Violation(
                    "conservation", "X" + replica + " still escrows " + escrowedForY(state)));
          }
          finalY.forEach(
              (other, yState) -> {
                if (pool(state) != vouchers(yState)) {
                  out.add(
                      new Violation(
                          "conservation",
                          "X"
                              + replica
                              + " pool "
                              + pool(state)
                              + " != Y"
                              + other
                              + " vouchers "
                              + vouchers(yState)));
                }
              });
        });
    return out;
  }

  synchronized List<Violation> violations() {
    return List.copyOf(violations);
  }

  synchronized long count(CrossAsStatus status) {
    Map<CrossAsTxId, CrossAsStatus> agreed =
        status.role() == org.intertrust.ledger.state.CrossAsRole.SOURCE ? agreedX : agreedY;
    return agreed.entrySet().stream()
        .filter(e -> submitted.containsKey(e.getKey()) && e.getValue() == status)
        .count();
  }

  /** Submitted transfers final on both sides with matching outcomes (on the agreed records). */
  synchronized long finalBothSides() {
    long count = 0;
    for (CrossAsTxId tx : submitted.keySet()) {
      CrossAsStatus onX = agreedX.get(tx);
      CrossAsStatus onY = agreedY.get(tx);
      if ((onX == CrossAsStatus.FINALIZED && onY == CrossAsStatus.UNLOCKED)
          || (onX == CrossAsStatus.REFUNDED && onY == CrossAsStatus.RELEASED)) {
        count++;
      }
    }
    return count;
  }

  synchronized int submittedCount() {
    return submitted.size();
  }

  synchronized LatencyRecorder latency() {
    return latency;
  }
}
