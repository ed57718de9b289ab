package org.intertrust.node.demo;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.intertrust.crypto.dealing.DealingContext;
import org.intertrust.node.cluster.LocalCluster;
import org.intertrust.node.codec.CrossAsWireCodec;
import org.intertrust.node.runtime.MonotonicClock;
import org.intertrust.node.transport.TransportLimits;
import org.intertrust.node.transport.TransportStats;
import org.intertrust.sim.NodeFactory;
import org.intertrust.sim.crossas.CrossAsMessage;
import org.intertrust.sim.crossas.CrossAsScenario;
import org.intertrust.sim.crossas.CrossAsWorld;

/**
 * Two ASs and their gateways in this process over real loopback gRPC with mutual TLS, RocksDB under
 * a data folder, running client cross-AS transactions end to end: the nodes the simulator runs for
 * {@code sim --scenario cross-as} ({@link CrossAsWorld}), hosted by the node runtime. The same
 * invariant observer checks every execution; the audit (conservation) decides the outcome.
 */
public final class CrossAsDemo {
  private static final long MILLIS = 1_000_000L;

  /**
   * Settings.
   *
   * @param n replicas per AS (at least 4)
   * @param gateways gateways per AS
   * @param transactions client transactions to submit
   * @param byzantinePerAs Byzantine replicas per AS (at most f; they send bad shares or stay
   *     silent, as in the simulator)
   * @param seed seeds the workload and the world's keys
   * @param kinds kinds of cross-AS transaction (those implemented: {@link
   *     CrossAsScenario#IMPLEMENTED_KINDS})
   * @param dealing per-transaction (the paper's) or per-session dealing
   * @param ratePerSecond client transactions submitted per second at most
   * @param window transactions in flight at most (submitted, not yet final on both sides): the
   *     clients wait for one to finish before submitting more, so the offered load follows what the
   *     system sustains
   * @param deadlineMillis each transaction's deadline after its submission, in Y's time
   * @param timeoutMillis the run gives up waiting for settlement after this long past the last
   *     submission
   * @param data the folder for the nodes' RocksDB stores
   */
  public record Options(
      int n,
      int gateways,
      int transactions,
      int byzantinePerAs,
      long seed,
      Set<CrossAsScenario.Kind> kinds,
      DealingContext.Mode dealing,
      int ratePerSecond,
      int window,
      long deadlineMillis,
      long timeoutMillis,
      Path data) {
    /** Checks the settings. */
    public Options {
      Objects.requireNonNull(data, "data");
      kinds = kinds.isEmpty() ? CrossAsScenario.IMPLEMENTED_KINDS : EnumSet.copyOf(kinds);
      if (ratePerSecond < 1 || window < 1 || transactions < 0 || timeoutMillis < 1) {
        throw new IllegalArgumentException(
            "need a rate >= 1/s, a window >= 1, transactions >= 0, a timeout");
      }
    }

    CrossAsScenario.Options scenario() {
      return new CrossAsScenario.Options(
          n,
          gateways,
          transactions,
          seed,
          dealing,
          dealing == DealingContext.Mode.PER_SESSION,
          kinds.isEmpty() ? CrossAsScenario.IMPLEMENTED_KINDS : kinds,
          EnumSet.noneOf(CrossAsScenario.Fault.class),
          Math.max(1, 1_000 / ratePerSecond),
          deadlineMillis,
          Long.MAX_VALUE / MILLIS);
    }
  }

  /** Where the run is, for a progress display. */
  public record Progress(int submitted, long finalBothSides, int total, long elapsedMillis) {}

  /**
   * What a run produced.
   *
   * @param auditOk the audit passed (conservation on every honest replica and across the ASs)
   * @param invariantsOk no invariant was violated, termination included
   * @param violations every violation found
   * @param submitted transactions submitted
   * @param unlocked transactions Y decided to unlock
   * @param released transactions Y decided to release (refunded on X)
   * @param finalBothSides transactions final on both sides with matching outcomes
   * @param p50Ms median latency, request to settlement on X, wall-clock milliseconds
   * @param p95Ms 95th percentile
   * @param p99Ms 99th percentile
   * @param throughputTps final transactions per second from the first submission to the last
   *     settlement
   * @param wallMillis the run's wall time, start of the nodes to the end of the run
   * @param rejections inputs the gateways rejected, by reason
   * @param transport the transport's counters
   */
  public record Result(
      boolean auditOk,
      boolean invariantsOk,
      List<String> violations,
      int submitted,
      long unlocked,
      long released,
      long finalBothSides,
      double p50Ms,
      double p95Ms,
      double p99Ms,
      double throughputTps,
      long wallMillis,
      Map<String, Long> rejections,
      TransportStats transport) {}

  private CrossAsDemo() {}

  /** Runs the demo; {@code progress} is called from this thread about four times a second. */
  public static Result run(Options options, Consumer<Progress> progress)
      throws InterruptedException {
    MonotonicClock clock = new MonotonicClock();
    CrossAsWorld world = CrossAsWorld.build(options.scenario(), options.byzantinePerAs(), clock);
    TransportLimits limits = TransportLimits.defaults();
    CrossAsWireCodec codec = new CrossAsWireCodec(world.wire());
    List<LocalCluster.Group<CrossAsMessage>> groups = new ArrayList<>();
    String[] names = {"x-replicas", "y-replicas", "x-gateways", "y-gateways"};
    List<NodeFactory<CrossAsMessage>> factories = world.factories();
    for (int g = 0; g < names.length; g++) {
      groups.add(new LocalCluster.Group<>(names[g], world.groupSizes().get(g), factories.get(g)));
    }
    try (LocalCluster<CrossAsMessage> cluster =
        LocalCluster.create(groups, codec, limits, options.data(), clock, false)) {
      return drive(options, world, cluster, progress);
    }
  }

  private static Result drive(
      Options options,
      CrossAsWorld world,
      LocalCluster<CrossAsMessage> cluster,
      Consumer<Progress> progress)
      throws InterruptedException {
    long start = cluster.now();
    cluster.start();
    SplittableRandom clients = new SplittableRandom(options.seed());
    long interval = 1_000_000_000L / options.ratePerSecond();
    long firstSubmission = start + 200 * MILLIS;
    long nextReport = 0;
    long next = firstSubmission;
    for (int k = 0; k < options.transactions(); k++) {
      sleepUntil(cluster, next);
      while (k - cluster.inspect(world::finalBothSides) >= options.window()
          && cluster.failure().isEmpty()) {
        Thread.sleep(5);
      }
      next = Math.max(next + interval, cluster.now());
      int index = k;
      CrossAsWorld.Request request =
          cluster.inspect(() -> world.request(index, cluster.now(), clients));
      cluster.inject(request.gatewayNode(), request.message());
      if (cluster.now() >= nextReport) {
        progress.accept(progress(world, cluster, options, start, k + 1));
        nextReport = cluster.now() + 250 * MILLIS;
      }
    }
    long giveUp = cluster.now() + options.timeoutMillis() * MILLIS;
    while (!cluster.inspect(world::allSettled)
        && cluster.now() < giveUp
        && cluster.failure().isEmpty()) {
      Thread.sleep(20);
      if (cluster.now() >= nextReport) {
        progress.accept(progress(world, cluster, options, start, options.transactions()));
        nextReport = cluster.now() + 250 * MILLIS;
      }
    }
    long end = cluster.now();
    progress.accept(progress(world, cluster, options, start, options.transactions()));
    return cluster.inspect(() -> result(world, cluster, start, firstSubmission, end));
  }

  private static Progress progress(
      CrossAsWorld world,
      LocalCluster<CrossAsMessage> cluster,
      Options options,
      long start,
      int submitted) {
    long settled = cluster.inspect(world::finalBothSides);
    return new Progress(
        submitted, settled, options.transactions(), (cluster.now() - start) / MILLIS);
  }

  private static Result result(
      CrossAsWorld world,
      LocalCluster<CrossAsMessage> cluster,
      long start,
      long firstSubmission,
      long end) {
    List<String> violations = new ArrayList<>(world.violations(true));
    cluster.failure().ifPresent(f -> violations.add("node-failure: " + f));
    double seconds = Math.max(1, end - firstSubmission) / 1e9;
    return new Result(
        world.auditOk(true) && cluster.failure().isEmpty(),
        violations.isEmpty(),
        violations,
        world.submitted(),
        world.unlocked(),
        world.released(),
        world.finalBothSides(),
        world.latencyMillis(50),
        world.latencyMillis(95),
        world.latencyMillis(99),
        world.finalBothSides() / seconds,
        (end - start) / MILLIS,
        world.rejections(),
        cluster.transportStats());
  }

  private static void sleepUntil(LocalCluster<?> cluster, long nanos) throws InterruptedException {
    long wait = nanos - cluster.now();
    if (wait > 0) {
      Thread.sleep(wait / MILLIS, (int) (wait % MILLIS));
    }
  }
}
