package org.intertrust.node.demo;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import org.intertrust.crypto.dealing.DealingContext;
import org.intertrust.node.cluster.LocalCluster;
import org.intertrust.node.codec.CrossAsWireCodec;
import org.intertrust.node.runtime.MonotonicClock;
import org.intertrust.node.transport.TransportLimits;
import org.intertrust.sim.NodeFactory;
import org.intertrust.sim.crossas.CrossAsMessage;
import org.intertrust.sim.crossas.CrossAsScenario;
import org.intertrust.sim.crossas.CrossAsWorld;

/**
 * The end-to-end benchmark: the demo's configuration ({@link CrossAsDemo}: two ASs and their
 * gateways in this process over loopback gRPC with mutual TLS, RocksDB under a data folder) under a
 * steady offered load, one fresh cluster per measured step.
 *
 * <p>A step first waits until one probe transaction is final on both sides (the gateways have
 * attested each other and opened their sessions), then offers {@code rate} client transactions per
 * second for {@code warmup + duration} (open loop, capped at {@code window} in flight). Only the
 * measurement window counts: throughput is the number of transactions that became final on both
 * sides between the end of the warm-up and the end of the window, divided by its length; the
 * latency percentiles are over the request-to-settlement-on-X latencies recorded in that window.
 * After the window no more transactions are submitted; the step waits for every submitted one to
 * settle and then runs the full audit (every invariant, termination included) on the end state.
 */
public final class CrossAsBench {
  private static final long MILLIS = 1_000_000L;

  /** The two modes the benchmark compares. */
  public enum Mode {
    /** Per-session dealing and batch certificates (ADR 0003, ADR 0009). */
    BATCHED("batched", DealingContext.Mode.PER_SESSION),
    /** The paper's mode: a dealing per transaction, a certificate per transaction. */
    PER_TX("per-tx", DealingContext.Mode.PER_TRANSACTION);

    private final String label;
    private final DealingContext.Mode dealing;

    Mode(String label, DealingContext.Mode dealing) {
      this.label = label;
      this.dealing = dealing;
    }

    /** The name printed in reports ({@code batched}, {@code per-tx}). */
    public String label() {
      return label;
    }

    /** The dealing of this mode; batching is on exactly with per-session dealing. */
    public DealingContext.Mode dealing() {
      return dealing;
    }
  }

  /**
   * One step's settings.
   *
   * @param mode batched or per-transaction
   * @param ratePerSecond offered client transactions per second
   * @param warmupMillis submitted but not measured, from the first submission
   * @param durationMillis the measurement window, after the warm-up
   * @param window transactions in flight at most (submitted, not yet final on both sides)
   * @param n replicas per AS
   * @param gateways gateways per AS
   * @param byzantinePerAs Byzantine replicas per AS
   * @param kinds kinds of cross-AS transaction
   * @param seed seeds the keys and the workload
   * @param deadlineMillis each transaction's deadline after its submission
   * @param drainMillis how long to wait after the window for the submitted transactions to settle
   * @param data a folder for the step's RocksDB stores (a fresh sub-folder per step)
   */
  public record Step(
      Mode mode,
      int ratePerSecond,
      long warmupMillis,
      long durationMillis,
      int window,
      int n,
      int gateways,
      int byzantinePerAs,
      java.util.Set<CrossAsScenario.Kind> kinds,
      long seed,
      long deadlineMillis,
      long drainMillis,
      Path data) {
    /** Checks the settings. */
    public Step {
      Objects.requireNonNull(mode, "mode");
      Objects.requireNonNull(data, "data");
      kinds = kinds.isEmpty() ? EnumSet.of(CrossAsScenario.Kind.TRANSFER) : EnumSet.copyOf(kinds);
      if (ratePerSecond < 1 || warmupMillis < 0 || durationMillis < 1 || window < 1) {
        throw new IllegalArgumentException(
            "need a rate >= 1/s, a warm-up >= 0, a duration >= 1 ms and a window >= 1");
      }
    }

    private int transactions() {
      return (int)
          Math.min(Integer.MAX_VALUE, ratePerSecond * (warmupMillis + durationMillis) / 1000);
    }

    private CrossAsDemo.Options demo(Path folder) {
      return new CrossAsDemo.Options(
          n,
          gateways,
          transactions(),
          byzantinePerAs,
          seed,
          kinds,
          mode.dealing(),
          ratePerSecond,
          window,
          deadlineMillis,
          drainMillis,
          folder);
    }
  }

  /**
   * What one step measured.
   *
   * @param step the settings
   * @param submitted transactions submitted (warm-up and window)
   * @param measured transactions that became final on both sides within the window
   * @param throughputTps {@code measured} per second of window
   * @param p50Ms median latency of the settlements in the window, request to settlement on X
   * @param p95Ms 95th percentile
   * @param p99Ms 99th percentile
   * @param settledAll every submitted transaction was final on both sides by the end of the drain
   * @param auditOk the full audit of the end state passed
   * @param violations every violation found (empty when all is well)
   * @param windowHit the submission loop waited for the in-flight window at least once
   */
  public record StepResult(
      Step step,
      int submitted,
      long measured,
      double throughputTps,
      double p50Ms,
      double p95Ms,
      double p99Ms,
      boolean settledAll,
      boolean auditOk,
      List<String> violations,
      boolean windowHit) {
    /**
     * Whether the step sustained its offered load: at least 90 % of it measured as throughput,
     * every transaction settled, the audit passed and the p99 latency at most {@code p99BoundMs}.
     */
    public boolean sustained(double p99BoundMs) {
      return auditOk
          && settledAll
          && measured > 0
          && throughputTps >= 0.9 * step.ratePerSecond()
          && p99Ms <= p99BoundMs;
    }
  }

  private CrossAsBench() {}

  /** Runs one step on a fresh cluster. */
  public static StepResult run(Step step) throws InterruptedException {
    CrossAsDemo.Options options;
    try {
      options = step.demo(Files.createTempDirectory(step.data(), step.mode().label() + "-"));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException("cannot create a folder under " + step.data(), e);
    }
    MonotonicClock clock = new MonotonicClock();
    CrossAsWorld world = CrossAsWorld.build(options.scenario(), options.byzantinePerAs(), clock);
    CrossAsWireCodec codec = new CrossAsWireCodec(world.wire());
    List<LocalCluster.Group<CrossAsMessage>> groups = new ArrayList<>();
    String[] names = {"x-replicas", "y-replicas", "x-gateways", "y-gateways"};
    List<NodeFactory<CrossAsMessage>> factories = world.factories();
    for (int g = 0; g < names.length; g++) {
      groups.add(new LocalCluster.Group<>(names[g], world.groupSizes().get(g), factories.get(g)));
    }
    try (LocalCluster<CrossAsMessage> cluster =
        LocalCluster.create(
            groups, codec, TransportLimits.defaults(), options.data(), clock, false)) {
      return drive(step, options, world, cluster);
    }
  }

  private static StepResult drive(
      Step step,
      CrossAsDemo.Options options,
      CrossAsWorld world,
      LocalCluster<CrossAsMessage> cluster)
      throws InterruptedException {
    cluster.start();
    SplittableRandom clients = new SplittableRandom(step.seed());
    int submitted = ready(step, options, world, cluster, clients);
    long interval = 1_000_000_000L / step.ratePerSecond();
    long first = cluster.now();
    long windowStart = first + step.warmupMillis() * MILLIS;
    long windowEnd = windowStart + step.durationMillis() * MILLIS;
    Snapshot atStart = null;
    boolean windowHit = false;
    for (long next = first; next < windowEnd && cluster.failure().isEmpty(); next += interval) {
      sleepUntil(cluster, next);
      if (atStart == null && cluster.now() >= windowStart) {
        atStart = Snapshot.of(world, cluster);
      }
      while (submitted - cluster.inspect(world::finalBothSides) >= step.window()
          && cluster.failure().isEmpty()
          && cluster.now() < windowEnd) {
        windowHit = true;
        Thread.sleep(1);
      }
      if (cluster.now() >= windowEnd) {
        break;
      }
      int index = submitted++;
      CrossAsWorld.Request request =
          cluster.inspect(() -> world.request(index, cluster.now(), clients));
      cluster.inject(request.gatewayNode(), request.message());
    }
    if (atStart == null) {
      atStart = Snapshot.of(world, cluster);
    }
    sleepUntil(cluster, windowEnd);
    Snapshot atEnd = Snapshot.of(world, cluster);
    long giveUp = cluster.now() + options.timeoutMillis() * MILLIS;
    while (!cluster.inspect(world::allSettled)
        && cluster.now() < giveUp
        && cluster.failure().isEmpty()) {
      Thread.sleep(20);
    }
    return result(step, world, cluster, submitted, atStart, atEnd, windowHit);
  }

  /**
   * Submits one probe transaction and waits until it is final on both sides: the gateways have
   * attested each other and set up their sessions (seconds on a loaded machine), so the offered
   * load starts on a ready system. Returns the number of transactions submitted (1).
   */
  private static int ready(
      Step step,
      CrossAsDemo.Options options,
      CrossAsWorld world,
      LocalCluster<CrossAsMessage> cluster,
      SplittableRandom clients)
      throws InterruptedException {
    CrossAsWorld.Request probe = cluster.inspect(() -> world.request(0, cluster.now(), clients));
    cluster.inject(probe.gatewayNode(), probe.message());
    long giveUp = cluster.now() + options.timeoutMillis() * MILLIS;
    while (cluster.inspect(world::finalBothSides) < 1
        && cluster.now() < giveUp
        && cluster.failure().isEmpty()) {
      Thread.sleep(10);
    }
    return 1;
  }

  private static StepResult result(
      Step step,
      CrossAsWorld world,
      LocalCluster<CrossAsMessage> cluster,
      int submitted,
      Snapshot atStart,
      Snapshot atEnd,
      boolean windowHit) {
    boolean settled = cluster.inspect(world::allSettled);
    List<String> violations = new ArrayList<>(cluster.inspect(() -> world.violations(true)));
    cluster.failure().ifPresent(f -> violations.add("node-failure: " + f));
    boolean auditOk = cluster.inspect(() -> world.auditOk(true)) && cluster.failure().isEmpty();
    long[] window = difference(atEnd.latencies(), atStart.latencies());
    long measured = atEnd.finalBothSides() - atStart.finalBothSides();
    double seconds = Math.max(1, atEnd.nanos() - atStart.nanos()) / 1e9;
    return new StepResult(
        step,
        submitted,
        measured,
        measured / seconds,
        percentileMillis(window, 50),
        percentileMillis(window, 95),
        percentileMillis(window, 99),
        settled,
        auditOk && violations.isEmpty(),
        violations,
        windowHit);
  }

  /** The world's counters at one instant. */
  private record Snapshot(long nanos, long finalBothSides, long[] latencies) {
    static Snapshot of(CrossAsWorld world, LocalCluster<CrossAsMessage> cluster) {
      return cluster.inspect(
          () -> new Snapshot(cluster.now(), world.finalBothSides(), world.latencySamplesNanos()));
    }
  }

  /**
   * The samples of {@code later} that are not in {@code earlier}, as multisets: the samples
   * recorded between the two copies (the recorder only ever adds).
   */
  static long[] difference(long[] later, long[] earlier) {
    long[] a = later.clone();
    long[] b = earlier.clone();
    Arrays.sort(a);
    Arrays.sort(b);
    long[] out = new long[a.length];
    int count = 0;
    int j = 0;
    for (long sample : a) {
      while (j < b.length && b[j] < sample) {
        j++;
      }
      if (j < b.length && b[j] == sample) {
        j++;
      } else {
        out[count++] = sample;
      }
    }
    return Arrays.copyOf(out, count);
  }

  /** The nearest-rank percentile of sorted {@code samples} in milliseconds; 0 when empty. */
  static double percentileMillis(long[] samples, double p) {
    if (samples.length == 0) {
      return 0;
    }
    int rank = (int) Math.ceil(p / 100.0 * samples.length);
    return samples[Math.max(rank, 1) - 1] / 1e6;
  }

  private static void sleepUntil(LocalCluster<?> cluster, long nanos) throws InterruptedException {
    long wait = nanos - cluster.now();
    if (wait > 0) {
      Thread.sleep(wait / MILLIS, (int) (wait % MILLIS));
    }
  }
}
