package org.intertrust.sim.consensus;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.intertrust.consensus.ConsensusCodec;
import org.intertrust.consensus.ConsensusConfig;
import org.intertrust.consensus.ConsensusMessage;
import org.intertrust.consensus.PayloadSource;
import org.intertrust.consensus.Replica;
import org.intertrust.consensus.SignatureVerifier;
import org.intertrust.crypto.bls.KeyShare;
import org.intertrust.crypto.encoding.AsId;
import org.intertrust.crypto.identity.IdentityKeyPair;
import org.intertrust.ledger.block.ExecutedBlock;
import org.intertrust.ledger.state.LedgerState;
import org.intertrust.ledger.value.AssetId;
import org.intertrust.sim.SimNode;
import org.intertrust.sim.Violation;
import org.intertrust.sim.storage.CrashLoss;
import org.intertrust.sim.storage.NodeStorage;

/**
 * One AS (consensus cluster with ledgers) as a building block for multi-AS simulations: the same
 * replicas {@link ConsensusScenario} runs (the real {@link Replica} core, {@link ReplicaLedger},
 * {@link Tampering} for the Byzantine ones, the {@link ConsensusObserver} and {@link
 * LedgerObserver} invariants), for any {@link AsId}, with the client accounts funded at genesis but
 * no local transfer workload. The caller puts the nodes in its own simulation and may wrap each
 * replica's payload check (for example with a provenance check).
 */
public final class AsCluster {
  private static final long MILLIS = 1_000_000L;
  private static final int PAYLOAD_BYTES = 256 * 1024;

  private final AsId as;
  private final int n;
  private final long seed;
  private final ConsensusConfig config;
  private final List<IdentityKeyPair> identities;
  private final List<KeyShare> shares;
  private final Map<Integer, Behaviour> roles;
  private final ConsensusObserver observer;
  private final LedgerRun ledger;
  private final Map<Integer, ReplicaLedger> live = new HashMap<>();
  private final MemoizingVerifier verifier = new MemoizingVerifier(SignatureVerifier.DIRECT);

  private AsCluster(
      AsId as,
      int n,
      long seed,
      ConsensusConfig config,
      List<IdentityKeyPair> identities,
      List<KeyShare> shares,
      Map<Integer, Behaviour> roles,
      LedgerRun ledger) {
    this.as = as;
    this.n = n;
    this.seed = seed;
    this.config = config;
    this.identities = identities;
    this.shares = shares;
    this.roles = roles;
    this.ledger = ledger;
    this.observer =
        new ConsensusObserver(
            n,
            roles.keySet(),
            config.commitKey(),
            org.intertrust.consensus.Block.genesis(as).hash());
  }

  /**
   * An AS of {@code n} replicas, {@code byzantine.size()} of them Byzantine (at most f, placed by
   * the seed), with {@code accounts} client accounts funded at genesis.
   */
  public static AsCluster create(
      AsId as, int n, List<Behaviour> byzantine, int accounts, long seed) {
    long asSeed = seed * 31 + as.value();
    ConsensusScenario.LedgerOptions ledgerOptions =
        new ConsensusScenario.LedgerOptions(true, 0, accounts, 0, CrashLoss.ALL_UNFLUSHED, 0, 0);
    ConsensusScenario.Options options =
        new ConsensusScenario.Options(
            n,
            byzantine.size(),
            byzantine,
            1,
            asSeed,
            ConsensusScenario.CpuMode.FIXED,
            1,
            ledgerOptions);
    Map<Integer, Behaviour> roles = ConsensusScenario.assignRoles(options);
    ConsensusScenario.Keys keys = ConsensusScenario.Keys.deal(as, n, asSeed, PAYLOAD_BYTES);
    LedgerRun ledger = LedgerRun.create(as, PAYLOAD_BYTES, options, roles.keySet());
    return new AsCluster(
        as, n, asSeed, keys.config(), keys.identities(), keys.shares(), roles, ledger);
  }

  /**
   * Replica {@code id}'s node (0-based within the AS), over {@code storage}; {@code payloads} wraps
   * its ledger's payload source (identity for none).
   */
  public SimNode<AsMessage> node(
      int id, NodeStorage storage, UnaryOperator<PayloadSource> payloads) {
    Behaviour behaviour = roles.get(id);
    if (behaviour == Behaviour.SILENT) {
      return new ConsensusScenario.SilentNode();
    }
    ReplicaLedger replicaLedger = ledger.replica(id, storage, behaviour);
    live.put(id, replicaLedger);
    Replica replica =
        new Replica(
            config,
            id,
            identities.get(id),
            shares.get(id),
            payloads.apply(replicaLedger.payloads()),
            ReplicaNode.loadSafety(storage),
            new SplittableRandom(seed * 7919 + id),
            verifier);
    Function<ConsensusMessage, AsMessage> tamper =
        behaviour == null
            ? ReplicaNode.HONEST
            : Tampering.of(
                behaviour,
                as,
                identities.get(id),
                shares.get(id),
                n,
                ConsensusWire.limits(config.maxPayloadBytes()),
                seed * 31 + id);
    return new ReplicaNode(
        replica,
        observer,
        tamper,
        config.quorum(),
        ConsensusWire.codec(config.maxPayloadBytes()),
        Optional.of(replicaLedger));
  }

  /** The consensus codec this AS's replicas decode wire bytes with (bounded by its payloads). */
  public ConsensusCodec wireCodec() {
    return ConsensusWire.codec(config.maxPayloadBytes());
  }

  /** Tells {@code listener} of every block any replica executes, inside that replica's handler. */
  public void onExecution(BiConsumer<Integer, ExecutedBlock> listener) {
    ledger.observer().onExecution(listener);
  }

  /** The latest state of replica {@code id}'s ledger, if it runs one. */
  public Optional<LedgerState> state(int id) {
    return Optional.ofNullable(live.get(id)).map(l -> l.ledger().state());
  }

  /** The consensus and ledger invariant violations found so far. */
  public List<Violation> violations() {
    List<Violation> all = new ArrayList<>(observer.violations());
    all.addAll(ledger.observer().violations());
    return all;
  }

  /** The Byzantine replicas and their behaviours. */
  public Map<Integer, Behaviour> roles() {
    return Map.copyOf(roles);
  }

  /** The honest replicas. */
  public Set<Integer> honest() {
    Set<Integer> honest = new HashSet<>();
    for (int i = 0; i < n; i++) {
      if (!roles.containsKey(i)) {
        honest.add(i);
      }
    }
    return honest;
  }

  public AsId as() {
    return as;
  }

  public int size() {
    return n;
  }

  /** The fault bound f of this AS. */
  public int faults() {
    return ConsensusConfig.faults(n);
  }

  /** Replica {@code id}'s Ed25519 identity (also its consensus identity). */
  public IdentityKeyPair identity(int id) {
    return identities.get(id);
  }

  /** The key of funded client account {@code index}. */
  public IdentityKeyPair account(int index) {
    return ledger.workload().account(index);
  }

  /** How many client accounts are funded. */
  public int accounts() {
    return ledger.workload().accountCount();
  }

  /** The CPU model the one-AS scenario uses by default: fixed costs from BENCHMARKS.md. */
  public static org.intertrust.sim.cpu.CpuModel fixedCpu(int quorum) {
    return ConsensusScenario.cpuModel(ConsensusScenario.CpuMode.FIXED, quorum);
  }

  /** The native asset every account holds at genesis. */
  public static AssetId coin() {
    return ClientWorkload.COIN;
  }

  /** The balance of every account at genesis. */
  public static long initialBalance() {
    return ClientWorkload.INITIAL_BALANCE;
  }
}
