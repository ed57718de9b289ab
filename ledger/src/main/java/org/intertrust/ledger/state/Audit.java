package org.intertrust.ledger.state;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.intertrust.ledger.state.AuditViolation.Kind;
import org.intertrust.ledger.value.Amount;
import org.intertrust.ledger.value.AssetId;
import org.intertrust.ledger.value.CrossAsTxId;
import org.intertrust.ledger.value.InboxId;

/**
 * The accounting audit of one AS's state. For every asset, the amount issued here (the native
 * supply from genesis, or the vouchers outstanding of a voucher denomination) must equal what is
 * held: balances plus escrows awaiting a decision plus the pool of finalized escrows backing
 * vouchers on other ASs. Escrows and LOCKED source records must match one to one. The cross-AS half
 * of conservation (pool here equals vouchers outstanding there) needs both ledgers and is checked
 * by the simulator.
 */
public final class Audit {

  private Audit() {}

  /** Returns every violation found in {@code state}; empty if the state is consistent. */
  public static List<AuditViolation> check(LedgerState state) {
    List<AuditViolation> violations = new ArrayList<>();
    checkConservation(state, violations);
    checkEscrowRecords(state, violations);
    checkRoles(state, violations);
    checkInboxes(state, violations);
    return violations;
  }

  private static void checkConservation(LedgerState state, List<AuditViolation> out) {
    Map<AssetId, Long> held = new TreeMap<>();
    state.entries(Section.BALANCES).forEach((k, v) -> add(held, k.asset(), v, out));
    state.entries(Section.ESCROWS).forEach((k, v) -> add(held, v.asset(), v.amount(), out));
    state.entries(Section.POOL).forEach((k, v) -> add(held, k.asset(), v, out));
    Map<AssetId, Long> issued = new TreeMap<>();
    state.entries(Section.SUPPLY).forEach((k, v) -> issued.put(k, v.value()));
    state.entries(Section.VOUCHERS).forEach((k, v) -> issued.put(k, v.value()));
    for (Map.Entry<AssetId, Long> entry : held.entrySet()) {
      if (!issued.containsKey(entry.getKey())) {
        out.add(new AuditViolation(Kind.UNKNOWN_ASSET, "held but not issued: " + entry.getKey()));
      }
    }
    for (Map.Entry<AssetId, Long> entry : issued.entrySet()) {
      long heldAmount = held.getOrDefault(entry.getKey(), 0L);
      if (heldAmount != entry.getValue()) {
        out.add(
            new AuditViolation(
                Kind.SUPPLY_NOT_CONSERVED,
                entry.getKey() + ": issued " + entry.getValue() + ", held " + heldAmount));
      }
    }
  }

  private static void add(
      Map<AssetId, Long> sums, AssetId asset, Amount amount, List<AuditViolation> out) {
    if (amount.isZero()) {
      out.add(new AuditViolation(Kind.ZERO_ENTRY, "zero amount stored for " + asset));
    }
    long current = sums.getOrDefault(asset, 0L);
    try {
      sums.put(asset, Math.addExact(current, amount.value()));
    } catch (ArithmeticException e) {
      out.add(new AuditViolation(Kind.OVERFLOW, "sum of " + asset + " overflows"));
    }
  }

  private static void checkEscrowRecords(LedgerState state, List<AuditViolation> out) {
    for (CrossAsTxId id : state.entries(Section.ESCROWS).keySet()) {
      if (!sourceStatus(state, id).equals(Optional.of(CrossAsStatus.LOCKED))) {
        out.add(new AuditViolation(Kind.ESCROW_RECORD_MISMATCH, "escrow without lock: " + id));
      }
    }
    for (CrossAsTxId id : state.entries(Section.OUTBOX).keySet()) {
      Optional<CrossAsStatus> status = sourceStatus(state, id);
      if (!status.equals(Optional.of(CrossAsStatus.LOCKED))
          && !status.equals(Optional.of(CrossAsStatus.FINALIZED))) {
        out.add(new AuditViolation(Kind.ESCROW_RECORD_MISMATCH, "message " + id + " is " + status));
      }
    }
    state
        .entries(Section.CROSS_AS)
        .forEach(
            (key, record) -> {
              boolean escrowed = state.get(Section.ESCROWS, key.id()).isPresent();
              boolean sent = state.get(Section.OUTBOX, key.id()).isPresent();
              if (record.status() == CrossAsStatus.LOCKED && escrowed == sent) {
                out.add(
                    new AuditViolation(
                        Kind.ESCROW_RECORD_MISMATCH,
                        "lock of " + key.id() + " holds " + (sent ? "both" : "nothing")));
              }
            });
  }

  /** The status of the source record of {@code id}, if there is one. */
  private static Optional<CrossAsStatus> sourceStatus(LedgerState state, CrossAsTxId id) {
    return state
        .get(Section.CROSS_AS, new CrossAsKey(id, CrossAsRole.SOURCE))
        .map(CrossAsRecord::status);
  }

  private static void checkRoles(LedgerState state, List<AuditViolation> out) {
    state
        .entries(Section.CROSS_AS)
        .forEach(
            (key, record) -> {
              if (record.status().role() != key.role()) {
                out.add(
                    new AuditViolation(
                        Kind.ROLE_STATUS_MISMATCH, key + " has status " + record.status()));
              }
            });
  }

  private static void checkInboxes(LedgerState state, List<AuditViolation> out) {
    Map<InboxId, Long> counted = new TreeMap<>();
    state
        .entries(Section.INBOX_MESSAGES)
        .keySet()
        .forEach(k -> counted.merge(k.inbox(), 1L, Long::sum));
    if (!counted.equals(state.entries(Section.INBOX_SIZES))) {
      out.add(
          new AuditViolation(
              Kind.INBOX_SIZE_MISMATCH,
              "sizes " + state.entries(Section.INBOX_SIZES) + ", messages " + counted));
    }
  }
}
