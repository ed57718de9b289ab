package org.intertrust.sim.crossas;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.LongSupplier;
import org.intertrust.ledger.state.CrossAsStatus;
import org.intertrust.sim.NodeFactory;
import org.intertrust.sim.Violation;
import org.intertrust.sim.stats.LatencyRecorder;

/**
 * The two-AS world of {@link CrossAsScenario} for runtimes other than the simulator (the node
 * runtime runs it over real gRPC): the same replicas, gateways, enclaves and invariant observer,
 * without the simulated network. Node ids, group by group: X's replicas, Y's replicas, X's
 * gateways, Y's gateways ({@link #groupSizes()}).
 *
 * <p>The nodes may run on one thread each: the state they share (the invariant observers, the
 * memoizing verifier, the provenance gates, the gateway statistics) is synchronized, and so is
 * every query here.
 */
public final class CrossAsWorld {
  private final CrossAsScenario.Options options;
  private final TwoAs world;

  private CrossAsWorld(CrossAsScenario.Options options, TwoAs world) {
    this.options = options;
    this.world = world;
  }

  /**
   * The world of {@code options} with {@code byzantinePerAs} Byzantine replicas in each AS (at most
   * f; placed and given behaviours as in the simulator), its observer timed by {@code clock}.
   */
  public static CrossAsWorld build(
      CrossAsScenario.Options options, int byzantinePerAs, LongSupplier clock) {
    TwoAs world = TwoAs.build(options, CrossAsScenario.Carriage.OBJECTS, byzantinePerAs);
    world.attach(clock);
    return new CrossAsWorld(options, world);
  }

  /** The sizes of the four groups, in id order: X replicas, Y replicas, X and Y gateways. */
  public List<Integer> groupSizes() {
    return List.of(options.n(), options.n(), options.gatewaysPerAs(), options.gatewaysPerAs());
  }

  /** The factories of the four groups, in the order of {@link #groupSizes()}. */
  public List<NodeFactory<CrossAsMessage>> factories() {
    return List.of(world::replica, world::replica, world::gateway, world::gateway);
  }

  /** A client's request and the node id of the source gateway that must receive it. */
  public record Request(int gatewayNode, CrossAsMessage message) {}

  /**
   * Client transfer {@code index}, submitted at {@code nowNanos} (the nodes' clock): recorded by
   * the observer, to be delivered to {@link Request#gatewayNode()}.
   */
  public Request request(int index, long nowNanos, SplittableRandom random) {
    TwoAs.Submission submission = world.request(index, nowNanos, random);
    return new Request(submission.gatewayNode(), submission.request());
  }

  /** Whether every submitted transfer is final on every honest replica of both sides. */
  public boolean allSettled() {
    return world.observers().stream().allMatch(CrossAsObserver::allSettled);
  }

  public int submitted() {
    return world.observers().stream().mapToInt(CrossAsObserver::submittedCount).sum();
  }

  /** Transfers Y decided to unlock (on the agreed records). */
  public long unlocked() {
    return world.observers().stream().mapToLong(o -> o.count(CrossAsStatus.UNLOCKED)).sum();
  }

  /** Transfers Y decided to release. */
  public long released() {
    return world.observers().stream().mapToLong(o -> o.count(CrossAsStatus.RELEASED)).sum();
  }

  /** Transfers final on both sides with matching outcomes. */
  public long finalBothSides() {
    return world.observers().stream().mapToLong(CrossAsObserver::finalBothSides).sum();
  }

  /** The {@code p}-th percentile of request-to-settlement-on-X latency, in milliseconds. */
  public double latencyMillis(double p) {
    LatencyRecorder latency = world.latency();
    synchronized (latency) {
      return latency.count() == 0 ? 0 : latency.percentileNanos(p) / 1e6;
    }
  }

  /**
   * Every request-to-settlement-on-X latency recorded so far, in nanoseconds and in no particular
   * order (a benchmark takes the samples of a time window as the difference of two copies).
   */
  public long[] latencySamplesNanos() {
    LatencyRecorder latency = world.latency();
    synchronized (latency) {
      return latency.samplesNanos();
    }
  }

  /** Every invariant violation so far; with {@code atEnd}, the termination checks too. */
  public List<String> violations(boolean atEnd) {
    List<Violation> all = new ArrayList<>(world.violations());
    if (atEnd) {
      world.observers().forEach(o -> all.addAll(o.terminationViolations()));
    }
    List<String> out = new ArrayList<>();
    all.forEach(v -> out.add(v.toString()));
    return out;
  }

  /**
   * The audit: no conservation violation (supply per asset, escrow against vouchers), as {@code sim
   * --scenario cross-as} reports it.
   */
  public boolean auditOk(boolean atEnd) {
    List<Violation> all = new ArrayList<>(world.violations());
    if (atEnd) {
      world.observers().forEach(o -> all.addAll(o.terminationViolations()));
    }
    return all.stream()
        .noneMatch(
            v -> v.invariant().equals("conservation") || v.invariant().equals("supply-conserved"));
  }

  /** The canonical wire codec of this world's messages (bounded for its AS sizes). */
  public CrossAsWire wire() {
    return world.wire();
  }

  /** The AS ids, X then Y. */
  public List<org.intertrust.crypto.encoding.AsId> asIds() {
    return List.of(world.cluster(0).as(), world.cluster(1).as());
  }

  /** The key of funded client account {@code index} of AS {@code side} (0 is X, 1 is Y). */
  public org.intertrust.crypto.identity.IdentityKeyPair clientAccount(int side, int index) {
    return world.cluster(side).account(index);
  }

  /** How many client accounts each AS funds at genesis. */
  public int clientAccounts() {
    return world.cluster(0).accounts();
  }

  /**
   * The latest ledger state of replica {@code nodeId}, if it runs in this process; read it on that
   * replica's event loop.
   */
  public java.util.Optional<org.intertrust.ledger.state.LedgerState> replicaState(int nodeId) {
    int side = nodeId / options.n();
    return world.cluster(side).state(nodeId - side * options.n());
  }

  /**
   * What the source gateways of this process report for {@code tx}; read it on the gateway's event
   * loop.
   */
  public java.util.Optional<org.intertrust.gateway.protocol.lifecycle.CrossAsStatusView> status(
      org.intertrust.ledger.value.CrossAsTxId tx) {
    return world.status(tx);
  }

  /** Inputs the gateways rejected, by reason. */
  public java.util.Map<String, Long> rejections() {
    return new java.util.TreeMap<>(world.stats().rejections());
  }
}
