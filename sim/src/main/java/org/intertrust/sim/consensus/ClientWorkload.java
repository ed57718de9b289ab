package org.intertrust.sim.consensus;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.intertrust.crypto.encoding.AsId;
import org.intertrust.crypto.identity.IdentityKeyPair;
import org.intertrust.ledger.tx.GenesisAllocation;
import org.intertrust.ledger.tx.TransactionCodec;
import org.intertrust.ledger.tx.Transfer;
import org.intertrust.ledger.value.AccountId;
import org.intertrust.ledger.value.Amount;
import org.intertrust.ledger.value.AssetId;
import org.intertrust.ledger.value.Nonce;
import org.intertrust.sim.Simulation;

/**
 * Clients of one AS: {@code accounts} funded at genesis send signed transfers to each other at a
 * fixed rate, round-robin over the accounts (so one account's consecutive transfers are {@code
 * accounts / rate} seconds apart), each to every replica with 1-2 ms of delay. Keys, recipients and
 * amounts are drawn from the scenario's seeded stream.
 */
final class ClientWorkload {
  static final AssetId COIN = AssetId.of("COIN");
  static final long INITIAL_BALANCE = 1_000_000;
  private static final long MILLIS = 1_000_000L;

  private final AsId as;
  private final List<IdentityKeyPair> accounts = new ArrayList<>();
  private final int replicas;
  private final long periodNanos;
  private SplittableRandom random;
  private long submitted;

  ClientWorkload(AsId as, int accounts, int txPerSecond, int replicas, long seed) {
    if (accounts < 2 || txPerSecond < 0) {
      throw new IllegalArgumentException("need two accounts and a rate >= 0");
    }
    this.as = as;
    this.replicas = replicas;
    this.periodNanos = txPerSecond == 0 ? 0 : 1_000_000_000L / txPerSecond;
    for (int i = 0; i < accounts; i++) {
      addAccount(seed, i);
    }
  }

  private void addAccount(long seed, int index) {
    try {
      SecureRandom random = SecureRandom.getInstance("SHA1PRNG");
      random.setSeed(seed * 7_777_777L + index);
      accounts.add(IdentityKeyPair.generate(random));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Every account starts with {@link #INITIAL_BALANCE} of {@link #COIN}. */
  GenesisAllocation genesis() {
    List<GenesisAllocation.Allocation> allocations = new ArrayList<>();
    for (IdentityKeyPair account : accounts) {
      allocations.add(
          new GenesisAllocation.Allocation(
              AccountId.of(account.publicKey()), COIN, Amount.of(INITIAL_BALANCE)));
    }
    return new GenesisAllocation(as, allocations);
  }

  /** Schedules the transfers, the first one period after the start. */
  void install(Simulation<AsMessage> simulation) {
    if (periodNanos == 0) {
      return;
    }
    random = simulation.scenarioRandom("clients");
    simulation.at(periodNanos, "client", this::submit);
  }

  private void submit(Simulation<AsMessage> simulation) {
    int count = accounts.size();
    int from = (int) (submitted % count);
    int to = (from + 1 + random.nextInt(count - 1)) % count;
    Transfer transfer =
        Transfer.sign(
            accounts.get(from),
            as,
            AccountId.of(accounts.get(to).publicKey()),
            COIN,
            Amount.of(1 + random.nextInt(100)),
            new Nonce(submitted / count));
    AsMessage.ClientTransaction message =
        new AsMessage.ClientTransaction(TransactionCodec.encode(transfer));
    long now = simulation.now();
    for (int replica = 0; replica < replicas; replica++) {
      simulation.inject(now + MILLIS + random.nextLong(MILLIS), -1, replica, message);
    }
    submitted++;
    simulation.at(now + periodNanos, "client", this::submit);
  }

  /** The key of funded account {@code index}, for clients of other workloads (cross-AS). */
  IdentityKeyPair account(int index) {
    return accounts.get(index);
  }

  /** How many accounts are funded at genesis. */
  int accountCount() {
    return accounts.size();
  }

  long submitted() {
    return submitted;
  }
}
