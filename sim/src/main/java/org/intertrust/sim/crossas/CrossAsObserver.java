package org.intertrust.sim.crossas;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import org.intertrust.crypto.encoding.AsId;
import org.intertrust.crypto.identity.IdentityPublicKey;
import org.intertrust.gateway.protocol.lifecycle.CrossAsPhase;
import org.intertrust.gateway.protocol.lifecycle.CrossAsStatusView;
import org.intertrust.gateway.protocol.replica.Provenance;
import org.intertrust.gateway.protocol.replica.ProvenanceProblem;
import org.intertrust.ledger.block.ExecutedBlock;
import org.intertrust.ledger.execution.CrossAsEntry;
import org.intertrust.ledger.execution.Receipt;
import org.intertrust.ledger.execution.RejectionReason;
import org.intertrust.ledger.state.CrossAsStatus;
import org.intertrust.ledger.state.Escrow;
import org.intertrust.ledger.state.InboxMessage;
import org.intertrust.ledger.state.LedgerState;
import org.intertrust.ledger.state.OutboundMessage;
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
 *   <li><b>termination</b> (at the end, {@link #terminationViolations}): every submitted
 *       transaction is settled on every honest X replica and decided on every honest Y replica,
 *       consistently; no escrow is left; a MESSAGE is recorded on both sides (X's outbound record,
 *       Y's inbox with the payload of the recorded hash) or neither;
 *   <li><b>decision rule</b> (ADR 0008): Y releases a valid operation only for its deadline, never
 *       executes one the workload made invalid (a swap Bob cannot pay or did not sign), and its
 *       replicas agree on the reason.
 * </ul>
 *
 * Swap escrows (with a beneficiary) are not backing for vouchers, so conservation across the ASs
 * counts only transfer escrows.
 */
final class CrossAsObserver {
  private static final String DEADLINE_PASSED = RejectionReason.DEADLINE_PASSED.name();
  private final AsId x;
  private final AsId y;
  private final Set<Integer> honestX;
  private final Set<Integer> honestY;
  private final Provenance auditX;
  private final Provenance auditY;
  private final AssetId coin;
  private final AssetId voucher;
  private final Map<CrossAsTxId, Long> submitted = new LinkedHashMap<>();
  private final Map<CrossAsTxId, CrossAsScenario.Kind> kinds = new HashMap<>();
  private final Map<CrossAsTxId, RejectionReason> expectedRelease = new HashMap<>();
  private final Map<CrossAsTxId, String> reasonsY = new HashMap<>();
  private final Map<Integer, Map<CrossAsTxId, CrossAsStatus>> outcomesX = new HashMap<>();
  private final Map<Integer, Map<CrossAsTxId, CrossAsStatus>> decisionsY = new HashMap<>();
  private final Map<CrossAsTxId, CrossAsStatus> agreedX = new HashMap<>();
  private final Map<CrossAsTxId, CrossAsStatus> agreedY = new HashMap<>();
  private final Map<Integer, LedgerState> statesX = new HashMap<>();
  private final Map<Integer, LedgerState> statesY = new HashMap<>();
  private final LatencyRecorder latency;
  private final List<Violation> violations = new ArrayList<>();

  CrossAsObserver(
      AsId x,
      AsId y,
      Set<Integer> honestX,
      Set<Integer> honestY,
      List<IdentityPublicKey> enclavesX,
      List<IdentityPublicKey> enclavesY,
      AssetId coin) {
    this(x, y, honestX, honestY, enclavesX, enclavesY, coin, new LatencyRecorder());
  }

  /**
   * The same, recording latencies into {@code latency} (shared by the observers of several pairs).
   * With more than two ASs, one observer watches each ordered pair: it takes only the cross-AS
   * records of its pair (X's records as source towards Y, Y's as destination from X), so its
   * conservation check is per pair and per asset: X's coin escrowed on X for Y against X's vouchers
   * on Y.
   */
  CrossAsObserver(
      AsId x,
      AsId y,
      Set<Integer> honestX,
      Set<Integer> honestY,
      List<IdentityPublicKey> enclavesX,
      List<IdentityPublicKey> enclavesY,
      AssetId coin,
      LatencyRecorder latency) {
    this.latency = latency;
    this.x = x;
    this.y = y;
    this.honestX = Set.copyOf(honestX);
    this.honestY = Set.copyOf(honestY);
    this.auditX = new Provenance(x, enclavesX);
    this.auditY = new Provenance(y, enclavesY);
    this.coin = coin;
    this.voucher = coin.voucherFrom(x).orElseThrow();
  }

  /**
   * A client submitted {@code tx} of {@code kind} at {@code nanos}; {@code expectedRelease} is the
   * reason Y must release it for if its destination operation is invalid by construction.
   */
  synchronized void submitted(
      CrossAsTxId tx,
      long nanos,
      CrossAsScenario.Kind kind,
      Optional<RejectionReason> expectedRelease) {
    submitted.put(tx, nanos);
    kinds.put(tx, kind);
    expectedRelease.ifPresent(reason -> this.expectedRelease.put(tx, reason));
  }

  /** Submitting {@code tx} as a TRANSFER that Y may execute. */
  synchronized void submitted(CrossAsTxId tx, long nanos) {
    submitted(tx, nanos, CrossAsScenario.Kind.TRANSFER, Optional.empty());
  }

  /** Replica {@code replica} of {@code as} executed {@code block} at virtual time {@code nanos}. */
  synchronized void executed(AsId as, int replica, ExecutedBlock block, long nanos) {
    if (as.equals(x)) {
      executedOnX(replica, block, nanos);
    } else if (as.equals(y)) {
      executedOnY(replica, block);
    }
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
              synchronized (latency) { // shared by the observers of every pair
                latency.record(nanos - start);
              }
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
          checkDecisionRule(entry.key().id(), status, entry.record().reason(), "Y" + replica);
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
      if (receipt.crossAsEntry().isPresent() && !ofThisPair(receipt.crossAsEntry().get())) {
        continue; // another pair's record: its observer audits it
      }
      Optional<ProvenanceProblem> problem = audit.check(txs.get(i));
      if (problem.isPresent()) {
        violations.add(
            new Violation(
                "provenance", who + " applied " + txs.get(i).kind() + ": " + problem.get()));
      }
      if (receipt.crossAsEntry().isPresent() && ofThisPair(receipt.crossAsEntry().get())) {
        action.accept(txs.get(i), receipt.crossAsEntry().get());
      }
    }
  }

  /** Whether {@code entry} is X's source record towards Y or Y's destination record from X. */
  private boolean ofThisPair(CrossAsEntry entry) {
    AsId counterpart = entry.record().counterpart();
    return entry.key().role() == org.intertrust.ledger.state.CrossAsRole.SOURCE
        ? counterpart.equals(y)
        : counterpart.equals(x);
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

  /**
   * Y's decision rule (ADR 0008): an operation invalid by construction is never executed, and a
   * valid one is released only for its deadline; replicas agree on the reason too.
   */
  private void checkDecisionRule(CrossAsTxId tx, CrossAsStatus status, String reason, String who) {
    String first = reasonsY.putIfAbsent(tx, reason);
    if (first != null && !first.equals(reason)) {
      violations.add(new Violation("agreement", who + " released " + tx + " for " + reason));
    }
    RejectionReason expected = expectedRelease.get(tx);
    boolean ok =
        expected == null
            ? status == CrossAsStatus.UNLOCKED || reason.equals(DEADLINE_PASSED)
            : status == CrossAsStatus.RELEASED
                && (reason.equals(expected.name()) || reason.equals(DEADLINE_PASSED));
    if (!ok && submitted.containsKey(tx)) {
      violations.add(
          new Violation(
              "decision-rule",
              who + " decided " + status + " (" + reason + ") for " + kinds.get(tx) + " " + tx));
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
      if (escrow.destination().equals(y)
          && escrow.asset().equals(coin)
          && escrow.beneficiary().isEmpty()) {
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

  /**
   * The status a client queries at its source gateway agrees with the ledgers: every transaction
   * final on both sides is FINAL there, with Y's decision and reason (ADR 0015: the source gateway
   * learns that X applied the decision from f+1 of X's replicas).
   */
  synchronized List<Violation> statusViolations(
      Function<CrossAsTxId, Optional<CrossAsStatusView>> statusOf) {
    List<Violation> out = new ArrayList<>();
    for (CrossAsTxId tx : submitted.keySet()) {
      CrossAsStatus onY = agreedY.get(tx);
      if (onY == null || !matching(tx)) {
        continue; // reported by termination
      }
      Optional<CrossAsStatusView> view = statusOf.apply(tx);
      boolean ok =
          view.isPresent()
              && view.get().phase() == CrossAsPhase.FINAL
              && view.get().decision().equals(onY.decision())
              && view.get().reason().equals(reasonsY.getOrDefault(tx, ""));
      if (!ok) {
        out.add(new Violation("status", tx + " is " + view + " at its gateway, Y " + onY));
      }
    }
    return out;
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
    out.addAll(messageViolations(finalX, finalY));
    finalX.forEach(
        (replica, state) -> {
          var escrows = state.entries(Section.ESCROWS);
          if (!escrows.isEmpty()) {
            out.add(
                new Violation(
                    "conservation",
                    "X"
                        + replica
                        + " still holds "
                        + escrows.size()
                        + " escrow(s), first "
                        + escrows.entrySet().iterator().next()));
          }
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

  /**
   * A MESSAGE is recorded on both sides or neither: once final, X keeps its outbound record iff Y's
   * inbox holds the payload, whose hash is the one X recorded.
   */
  private List<Violation> messageViolations(
      Map<Integer, LedgerState> finalX, Map<Integer, LedgerState> finalY) {
    List<Violation> out = new ArrayList<>();
    for (Map.Entry<Integer, LedgerState> yEntry : finalY.entrySet()) {
      Map<CrossAsTxId, InboxMessage> delivered = new HashMap<>();
      yEntry
          .getValue()
          .entries(Section.INBOX_MESSAGES)
          .values()
          .forEach(m -> delivered.put(m.crossTxId(), m));
      for (CrossAsTxId tx : submitted.keySet()) {
        if (kinds.get(tx) != CrossAsScenario.Kind.MESSAGE) {
          continue;
        }
        InboxMessage inbox = delivered.get(tx);
        for (Map.Entry<Integer, LedgerState> xEntry : finalX.entrySet()) {
          Optional<OutboundMessage> sent = xEntry.getValue().get(Section.OUTBOX, tx);
          boolean both =
              sent.isPresent()
                  && inbox != null
                  && inbox.payload().hash().equals(sent.get().payloadHash());
          if (!both && (sent.isPresent() || inbox != null)) {
            out.add(
                new Violation(
                    "atomicity",
                    "message "
                        + tx
                        + ": X"
                        + xEntry.getKey()
                        + " sent "
                        + sent.isPresent()
                        + ", Y"
                        + yEntry.getKey()
                        + " delivered "
                        + (inbox != null)));
          }
        }
      }
    }
    return out;
  }

  synchronized List<Violation> violations() {
    return List.copyOf(violations);
  }

  /** Submitted transactions of {@code kind}. */
  synchronized long submittedCount(CrossAsScenario.Kind kind) {
    return kinds.values().stream().filter(k -> k == kind).count();
  }

  /** Submitted transactions of {@code kind} with agreed status {@code status} on its side. */
  synchronized long count(CrossAsScenario.Kind kind, CrossAsStatus status) {
    Map<CrossAsTxId, CrossAsStatus> agreed =
        status.role() == org.intertrust.ledger.state.CrossAsRole.SOURCE ? agreedX : agreedY;
    return agreed.entrySet().stream()
        .filter(e -> kinds.get(e.getKey()) == kind && e.getValue() == status)
        .count();
  }

  /** Submitted transactions of {@code kind} final on both sides with matching outcomes. */
  synchronized long finalBothSides(CrossAsScenario.Kind kind) {
    return submitted.keySet().stream().filter(tx -> kinds.get(tx) == kind && matching(tx)).count();
  }

  /** Y's RELEASE decisions on submitted transactions, by reason. */
  synchronized Map<String, Long> releaseReasons() {
    Map<String, Long> out = new TreeMap<>();
    agreedY.forEach(
        (tx, status) -> {
          if (status == CrossAsStatus.RELEASED && submitted.containsKey(tx)) {
            out.merge(reasonsY.getOrDefault(tx, ""), 1L, Long::sum);
          }
        });
    return out;
  }

  private boolean matching(CrossAsTxId tx) {
    CrossAsStatus onX = agreedX.get(tx);
    CrossAsStatus onY = agreedY.get(tx);
    return (onX == CrossAsStatus.FINALIZED && onY == CrossAsStatus.UNLOCKED)
        || (onX == CrossAsStatus.REFUNDED && onY == CrossAsStatus.RELEASED);
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
    return submitted.keySet().stream().filter(this::matching).count();
  }

  synchronized int submittedCount() {
    return submitted.size();
  }

  synchronized LatencyRecorder latency() {
    return latency;
  }
}
