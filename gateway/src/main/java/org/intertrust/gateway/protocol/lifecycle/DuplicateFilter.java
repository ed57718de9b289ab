package org.intertrust.gateway.protocol.lifecycle;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.intertrust.ledger.value.CrossAsTxId;

/**
 * Duplicate filtering by transaction id at a gateway (paper §V-C; DESIGN.md §4): the first relay of
 * a transaction is admitted; later ones, while it is in progress, are dropped; once an answer is
 * recorded, every later relay gets that same answer back (idempotent).
 *
 * <p>At most {@code capacity} transactions are remembered; when full, the oldest answered one is
 * forgotten first (in-progress ones are never evicted; if all are in progress, new ones are refused
 * as {@link Admission.Busy}). Forgetting costs only re-work: each ledger also takes a transaction
 * id at most once (DESIGN.md §5, invariant 3). Not thread-safe.
 *
 * @param <A> the answer type, e.g. a decision certificate
 */
public final class DuplicateFilter<A> {
  /** What to do with an incoming relay. */
  public sealed interface Admission<A> {
    /** First time: process it. */
    record Admitted<A>() implements Admission<A> {}

    /** Already being processed: drop this copy. */
    record InProgress<A>() implements Admission<A> {}

    /** Already answered: send this answer again. */
    record Answered<A>(A answer) implements Admission<A> {}

    /** The filter is full of transactions in progress: refuse for now. */
    record Busy<A>() implements Admission<A> {}
  }

  private final int capacity;
  private final Map<CrossAsTxId, Optional<A>> entries = new LinkedHashMap<>();

  /** A filter remembering at most {@code capacity} transactions. */
  public DuplicateFilter(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be positive");
    }
    this.capacity = capacity;
  }

  /** Decides what to do with a relay of {@code tx}. */
  public Admission<A> admit(CrossAsTxId tx) {
    Optional<A> known = entries.get(tx);
    if (known != null) {
      return known.<Admission<A>>map(Admission.Answered::new).orElseGet(Admission.InProgress::new);
    }
    if (entries.size() >= capacity && !evictOldestAnswered()) {
      return new Admission.Busy<>();
    }
    entries.put(tx, Optional.empty());
    return new Admission.Admitted<>();
  }

  /**
   * Records the answer of {@code tx}; later relays receive it. The first answer stays. An answer
   * for a transaction not admitted is remembered if there is room.
   */
  public void answer(CrossAsTxId tx, A answer) {
    Objects.requireNonNull(answer, "answer");
    Optional<A> known = entries.get(tx);
    if (known == null && entries.size() >= capacity && !evictOldestAnswered()) {
      return;
    }
    if (known == null || known.isEmpty()) {
      entries.put(tx, Optional.of(answer));
    }
  }

  /** Forgets {@code tx}, for example when its relay failed its checks: the next one is admitted. */
  public void forget(CrossAsTxId tx) {
    entries.remove(tx);
  }

  /** The recorded answer of {@code tx}, if any. */
  public Optional<A> answerOf(CrossAsTxId tx) {
    return entries.getOrDefault(tx, Optional.empty());
  }

  /** How many transactions are remembered. */
  public int size() {
    return entries.size();
  }

  private boolean evictOldestAnswered() {
    Iterator<Map.Entry<CrossAsTxId, Optional<A>>> it = entries.entrySet().iterator();
    while (it.hasNext()) {
      if (it.next().getValue().isPresent()) {
        it.remove();
        return true;
      }
    }
    return false;
  }
}
