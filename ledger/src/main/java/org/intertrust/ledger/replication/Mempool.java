package org.intertrust.ledger.replication;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.intertrust.ledger.state.StateView;
import org.intertrust.ledger.tx.SignedTransaction;
import org.intertrust.ledger.value.AccountId;
import org.intertrust.ledger.value.Nonce;
import org.intertrust.ledger.value.TxId;

/**
 * A replica's pending client transactions, in arrival order, bounded in count and bytes and keyed
 * by {@link TxId} (a second submission of the same bytes is a {@link
 * TransactionProblem#DUPLICATE}). A transaction leaves the mempool when a block containing it
 * executes, or when its nonce falls below its signer's next one.
 *
 * <p>The chain a block extends: the leader is given its new block's unexecuted ancestors ({@link
 * Chain}) and leaves out what they carry, continuing each signer's nonces after them. It cannot
 * rely on the proposals it checked for that: it may hold ancestors it fetched while catching up, or
 * whose proposal an equivocating leader showed it in another version.
 *
 * <p>In flight: a transaction that this replica proposed, or saw in the latest proposal it accepted
 * that carried it, at height h is not put into a block above h until the executed height reaches h;
 * if it is still pending then, the block that carried it was abandoned. A block at or below h
 * cannot descend from that block, so it may carry the transaction again. A transaction that does
 * commit twice is harmless (execution rejects the second copy by its nonce), only wasteful.
 */
public final class Mempool {
  private final int maxTransactions;
  private final long maxBytes;
  private final Map<TxId, Entry> pending = new LinkedHashMap<>();
  private long bytes;

  private static final class Entry {
    final CheckedTransaction tx;
    long inFlightUntil = -1;

    Entry(CheckedTransaction tx) {
      this.tx = tx;
    }
  }

  /**
   * @param maxTransactions most transactions held
   * @param maxBytes most encoded bytes held
   */
  public Mempool(int maxTransactions, long maxBytes) {
    if (maxTransactions < 1 || maxBytes < 1) {
      throw new IllegalArgumentException("mempool bounds must be positive");
    }
    this.maxTransactions = maxTransactions;
    this.maxBytes = maxBytes;
  }

  /** Adds a transaction that passed the stateless checks, unless stale, known or over bounds. */
  public Admission add(CheckedTransaction tx, StateView state) {
    if (pending.containsKey(tx.txId())) {
      return Admission.refused(Optional.of(tx.txId()), TransactionProblem.DUPLICATE, "pending");
    }
    if (isStale(tx, state)) {
      return Admission.refused(
          Optional.of(tx.txId()), TransactionProblem.STALE_NONCE, tx.txId().toString());
    }
    if (pending.size() >= maxTransactions || bytes + tx.size() > maxBytes) {
      return Admission.refused(
          Optional.of(tx.txId()),
          TransactionProblem.MEMPOOL_FULL,
          pending.size() + " transactions, " + bytes + " bytes");
    }
    pending.put(tx.txId(), new Entry(tx));
    bytes += tx.size();
    return Admission.accepted(tx.txId());
  }

  /**
   * What the chain a new block extends carries above the executed height: its transactions, and
   * each signer's next nonce after them (as far as nonces go: a transaction whose nonce is not its
   * signer's next one will not apply and does not advance it).
   *
   * @param txIds the transactions in the unexecuted ancestors
   * @param nextNonces for a signer with a transaction there, the nonce its next one must have
   */
  public record Chain(Set<TxId> txIds, Map<AccountId, Nonce> nextNonces) {
    /** No unexecuted ancestors. */
    public static final Chain NONE = new Chain(Set.of(), Map.of());

    /** Copies the collections. */
    public Chain {
      txIds = Set.copyOf(txIds);
      nextNonces = Map.copyOf(nextNonces);
    }
  }

  /**
   * The transactions for a block at {@code height} that extends {@code chain}, oldest first, within
   * {@code maxTransactions} and {@code maxBytes} of encodings. Skips those the chain already
   * carries, and a signed one unless its nonce is its signer's next after the executed {@code
   * state} and the chain, so that the block neither repeats a transaction nor leaves a nonce gap.
   * Skips those in a block between {@code executedHeight} and {@code height} (a possible ancestor
   * this replica has seen). Marks the chosen ones in flight until {@code height}. Once a signer's
   * transaction is skipped for space or in flight, its later ones are too.
   */
  public List<byte[]> select(
      long height,
      long executedHeight,
      int maxTransactions,
      long maxBytes,
      Chain chain,
      StateView state) {
    List<byte[]> chosen = new ArrayList<>();
    Set<AccountId> held = new HashSet<>();
    Map<AccountId, Nonce> next = new HashMap<>(chain.nextNonces());
    long size = 0;
    for (Entry entry : pending.values()) {
      if (chosen.size() >= maxTransactions) {
        break;
      }
      if (chain.txIds().contains(entry.tx.txId())) {
        continue;
      }
      Optional<SignedTransaction> signed = signed(entry.tx);
      Optional<AccountId> signer = signed.map(SignedTransaction::signer);
      if (signed.isPresent()
          && !signed
              .get()
              .nonce()
              .equals(next.getOrDefault(signer.get(), state.nonce(signer.get())))) {
        continue;
      }
      if ((entry.inFlightUntil > executedHeight && entry.inFlightUntil < height)
          || size + 4 + entry.tx.size() > maxBytes
          || signer.map(held::contains).orElse(false)) {
        signer.ifPresent(held::add);
        continue;
      }
      chosen.add(entry.tx.encoded());
      size += 4 + entry.tx.size();
      entry.inFlightUntil = height;
      signed.ifPresent(tx -> tx.nonce().next().ifPresent(n -> next.put(tx.signer(), n)));
    }
    return chosen;
  }

  /** Marks {@code txIds} in flight until {@code height}: they are in a proposed block there. */
  public void markInFlight(Collection<TxId> txIds, long height) {
    for (TxId id : txIds) {
      Entry entry = pending.get(id);
      if (entry != null) {
        entry.inFlightUntil = height;
      }
    }
  }

  /** Removes executed transactions, then every transaction whose nonce is now stale. */
  public void removeExecuted(Collection<TxId> executed, StateView state) {
    for (TxId id : executed) {
      Entry removed = pending.remove(id);
      if (removed != null) {
        bytes -= removed.tx.size();
      }
    }
    Iterator<Entry> it = pending.values().iterator();
    while (it.hasNext()) {
      Entry entry = it.next();
      if (isStale(entry.tx, state)) {
        bytes -= entry.tx.size();
        it.remove();
      }
    }
  }

  private static Optional<SignedTransaction> signed(CheckedTransaction tx) {
    return tx.transaction() instanceof SignedTransaction signed
        ? Optional.of(signed)
        : Optional.empty();
  }

  private static boolean isStale(CheckedTransaction tx, StateView state) {
    return tx.transaction() instanceof SignedTransaction signed
        && signed.nonce().compareTo(state.nonce(signed.signer())) < 0;
  }

  /** Number of pending transactions. */
  public int size() {
    return pending.size();
  }

  /** Encoded bytes pending. */
  public long bytes() {
    return bytes;
  }

  /** Whether {@code txId} is pending. */
  public boolean contains(TxId txId) {
    return pending.containsKey(txId);
  }
}
