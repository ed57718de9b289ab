package org.intertrust.gateway.protocol.dealing;

import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.intertrust.crypto.bls.ThresholdPublicKey;
import org.intertrust.crypto.dealing.DealingContext;
import org.intertrust.crypto.dealing.DealingContext.Mode;
import org.intertrust.crypto.dealing.DealingException;
import org.intertrust.crypto.encoding.AsId;
import org.intertrust.gateway.protocol.config.AsConfiguration;
import org.intertrust.ledger.value.CrossAsTxId;

/**
 * Decides which dealing each cross-AS transaction uses, for one AS pair: this gateway's AS deals
 * (k, n) keys for the replicas of {@code holders}, the peer AS (DESIGN.md §4.1: G_Y deals for X's
 * replicas).
 *
 * <ul>
 *   <li>{@link Mode#PER_TRANSACTION} (the paper's): one dealing per transaction, context id = the
 *       transaction id.
 *   <li>{@link Mode#PER_SESSION}: one dealing per epoch, context id = the epoch number (8 bytes,
 *       big-endian); a new epoch begins when the current one served {@link
 *       RotationPolicy#maxTransactions()} transactions or is {@link RotationPolicy#maxAgeMillis()}
 *       old at the time of a request.
 * </ul>
 *
 * A transaction keeps the dealing it was first given, so retries and failovers see the same key.
 * The schedule remembers the public key of every dealing it handed out until {@link #forget} is
 * called for its transactions, so certificates naming it can be checked. Pure: time is an argument;
 * dealing goes through the {@link DealingPort}. Not thread-safe.
 */
public final class DealingSchedule {
  private final AsId dealerAs;
  private final AsConfiguration holders;
  private final Mode mode;
  private final RotationPolicy rotation;
  private final DealingPort port;
  private final Map<CrossAsTxId, Dealing> assigned = new HashMap<>();
  private final Map<DealingReference, ThresholdPublicKey> keys = new HashMap<>();
  private final Map<DealingReference, Integer> users = new HashMap<>();
  private long epoch;
  private long epochStart;
  private long epochTransactions;
  private Optional<Dealing> current = Optional.empty();
  private long dealingsMade;

  /**
   * A schedule starting at {@code firstEpoch} (persisted by the host across restarts, so epochs are
   * not reused after rotation).
   */
  public DealingSchedule(
      AsId dealerAs,
      AsConfiguration holders,
      Mode mode,
      RotationPolicy rotation,
      DealingPort port,
      long firstEpoch) {
    this.dealerAs = Objects.requireNonNull(dealerAs, "dealerAs");
    this.holders = Objects.requireNonNull(holders, "holders");
    this.mode = Objects.requireNonNull(mode, "mode");
    this.rotation = Objects.requireNonNull(rotation, "rotation");
    this.port = Objects.requireNonNull(port, "port");
    if (!holders.thresholdSafe()) {
      throw new IllegalArgumentException("holders' configuration has k < f+1: " + holders);
    }
    this.epoch = firstEpoch - 1;
  }

  /**
   * The dealing of {@code tx}, dealing a new key if the mode or rotation requires one.
   *
   * @throws DealingException if the enclave cannot deal to the holders' keys
   */
  public Dealing dealingFor(CrossAsTxId tx, long nowMillis) throws DealingException {
    Dealing existing = assigned.get(tx);
    if (existing != null) {
      return existing;
    }
    Dealing dealing =
        mode == Mode.PER_TRANSACTION ? deal(tx.hash().toBytes()) : sessionDealing(nowMillis);
    assigned.put(tx, dealing);
    users.merge(dealing.reference(), 1, Integer::sum);
    return dealing;
  }

  private Dealing sessionDealing(long nowMillis) throws DealingException {
    boolean expired =
        epochTransactions >= rotation.maxTransactions()
            || nowMillis - epochStart >= rotation.maxAgeMillis();
    if (current.isEmpty() || expired) {
      long next = epoch + 1;
      current = Optional.of(deal(ByteBuffer.allocate(Long.BYTES).putLong(next).array()));
      epoch = next;
      epochStart = nowMillis;
      epochTransactions = 0;
    }
    epochTransactions++;
    return current.get();
  }

  private Dealing deal(byte[] contextId) throws DealingException {
    DealingContext context = new DealingContext(mode, dealerAs, holders.as(), contextId);
    Dealing dealing = Dealing.of(port.deal(context, holders.threshold(), holders.holders()));
    keys.put(dealing.reference(), dealing.record().publicKey());
    dealingsMade++;
    return dealing;
  }

  /** The public key of a dealing this schedule handed out and still remembers. */
  public Optional<ThresholdPublicKey> key(DealingReference reference) {
    return Optional.ofNullable(keys.get(reference));
  }

  /**
   * Forgets {@code tx} (final on both sides); a dealing's key is dropped when no remembered
   * transaction uses it and it is not the current session's.
   */
  public void forget(CrossAsTxId tx) {
    Dealing dealing = assigned.remove(tx);
    if (dealing == null) {
      return;
    }
    int left = users.merge(dealing.reference(), -1, Integer::sum);
    boolean isCurrent = current.map(c -> c.reference().equals(dealing.reference())).orElse(false);
    if (left == 0) {
      users.remove(dealing.reference());
      if (!isCurrent) {
        keys.remove(dealing.reference());
      }
    }
  }

  /** How many dealings the enclave made for this schedule. */
  public long dealingsMade() {
    return dealingsMade;
  }

  /** The current epoch (per-session mode); {@code firstEpoch - 1} before the first dealing. */
  public long epoch() {
    return epoch;
  }

  /** The dealing mode. */
  public Mode mode() {
    return mode;
  }
}
