package org.intertrust.sim.campaign;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import org.intertrust.crypto.dealing.DealingContext;
import org.intertrust.sim.crossas.CrossAsScenario;
import org.intertrust.sim.crossas.CrossAsScenario.Fault;
import org.intertrust.sim.crossas.CrossAsScenario.Kind;

/**
 * One run of a campaign: the cross-AS scenario's options drawn from a seed (ADR 0014). The draw is
 * a pure function of the seed and the {@link Space}; the scenario runs with that same seed, so
 * {@link #command()} replays the run exactly.
 *
 * @param options the options of the run, {@code options.seed()} the campaign seed
 * @param requested the faults drawn, before the scenario refused any for this configuration
 */
public record CampaignDraw(CrossAsScenario.Options options, Set<Fault> requested) {
  /** Mixes the seed so that the draw's stream differs from the scenario's own streams. */
  private static final long DRAW_SALT = 0x5eedC0FFEEL;

  /** Probability that each fault of the pool is injected. */
  static final double FAULT_PROBABILITY = 0.3;

  /** Probability of a short deadline, so that transactions expire and are released. */
  static final double SHORT_DEADLINE_PROBABILITY = 0.3;

  /** The default deadline, as in the single-run CLI. */
  static final long DEFAULT_DEADLINE_MILLIS = 5_000;

  /** Virtual time a run gets beyond its last deadline before a stall counts as one. */
  static final long TERMINATION_BOUND_MILLIS = 20_000;

  /**
   * What a campaign draws from.
   *
   * @param transactions cross-AS transactions per run
   * @param minAses fewest ASs (at least 2)
   * @param maxAses most ASs (at most {@link CrossAsScenario#MAX_ASES})
   * @param faults the pool of faults; each is injected with probability {@value #FAULT_PROBABILITY}
   */
  public record Space(int transactions, int minAses, int maxAses, Set<Fault> faults) {
    /** Checks the bounds. */
    public Space {
      if (transactions < 1) {
        throw new IllegalArgumentException("a run needs at least one transaction");
      }
      if (minAses < 2 || maxAses > CrossAsScenario.MAX_ASES || minAses > maxAses) {
        throw new IllegalArgumentException(
            "ASs range from 2 to "
                + CrossAsScenario.MAX_ASES
                + ", not "
                + minAses
                + ".."
                + maxAses);
      }
      faults = faults.isEmpty() ? EnumSet.noneOf(Fault.class) : EnumSet.copyOf(faults);
    }

    /** Every implemented fault, 2 to 4 ASs, {@code transactions} per run. */
    public static Space everything(int transactions) {
      return new Space(
          transactions, 2, CrossAsScenario.MAX_ASES, CrossAsScenario.IMPLEMENTED_FAULTS);
    }
  }

  /**
   * Draws the run of {@code seed}: 2 to 4 ASs, n in {4, 7}, all three kinds mixed (transfers only
   * where the scenario refuses the others), per-transaction or per-session dealing, batching on or
   * off, a random subset of the fault pool, one or two gateways per AS, a short deadline (300 to
   * 1,500 ms) with probability {@value #SHORT_DEADLINE_PROBABILITY}, requests 5 to 50 ms apart.
   */
  public static CampaignDraw draw(long seed, Space space) {
    SplittableRandom random = new SplittableRandom(seed ^ DRAW_SALT);
    int ases = space.minAses() + random.nextInt(space.maxAses() - space.minAses() + 1);
    int n = random.nextBoolean() ? 4 : 7;
    Set<Kind> kinds = kinds(random);
    boolean perSession = random.nextBoolean();
    boolean batching = perSession && random.nextBoolean();
    Set<Fault> faults = EnumSet.noneOf(Fault.class);
    for (Fault fault : space.faults()) {
      if (random.nextDouble() < FAULT_PROBABILITY) {
        faults.add(fault);
      }
    }
    int gateways = random.nextBoolean() ? 2 : 1;
    long deadline =
        random.nextDouble() < SHORT_DEADLINE_PROBABILITY
            ? 300 + 100L * random.nextInt(13)
            : DEFAULT_DEADLINE_MILLIS;
    long interval = List.of(5L, 10L, 20L, 50L).get(random.nextInt(4));
    long lastDeadline = 50 + space.transactions() * interval + deadline;
    long maxMillis = roundUpToSeconds(lastDeadline + TERMINATION_BOUND_MILLIS);
    DealingContext.Mode dealing =
        perSession ? DealingContext.Mode.PER_SESSION : DealingContext.Mode.PER_TRANSACTION;
    Settings settings =
        new Settings(
            n,
            gateways,
            space.transactions(),
            seed,
            dealing,
            batching,
            interval,
            deadline,
            maxMillis,
            ases);
    return new CampaignDraw(settings.fit(kinds, faults), Set.copyOf(faults));
  }

  /** All three kinds with probability 1/2, else a random non-empty subset. */
  private static Set<Kind> kinds(SplittableRandom random) {
    if (random.nextBoolean()) {
      return EnumSet.allOf(Kind.class);
    }
    Set<Kind> kinds = EnumSet.noneOf(Kind.class);
    for (Kind kind : Kind.values()) {
      if (random.nextBoolean()) {
        kinds.add(kind);
      }
    }
    return kinds.isEmpty() ? EnumSet.of(Kind.TRANSFER) : kinds;
  }

  private static long roundUpToSeconds(long millis) {
    return (millis + 999) / 1_000 * 1_000;
  }

  /** The options drawn before kinds and faults. */
  private record Settings(
      int n,
      int gateways,
      int transactions,
      long seed,
      DealingContext.Mode dealing,
      boolean batching,
      long interval,
      long deadline,
      long maxMillis,
      int ases) {
    /**
     * The options with {@code kinds} and {@code faults}; if the scenario refuses them (this version
     * runs swaps and messages, gateway crashes and drops between two ASs only), with transfers
     * only, then also without gateway-crash and gateway-drop. The scenario's own refusal decides,
     * so the draw widens by itself when the scenario does.
     */
    CrossAsScenario.Options fit(Set<Kind> kinds, Set<Fault> faults) {
      try {
        return options(kinds, faults);
      } catch (IllegalArgumentException refused) {
        try {
          return options(EnumSet.of(Kind.TRANSFER), faults);
        } catch (IllegalArgumentException stillRefused) {
          Set<Fault> fewer = EnumSet.noneOf(Fault.class);
          fewer.addAll(faults);
          fewer.removeAll(EnumSet.of(Fault.GATEWAY_CRASH, Fault.GATEWAY_DROP));
          return options(EnumSet.of(Kind.TRANSFER), fewer);
        }
      }
    }

    private CrossAsScenario.Options options(Set<Kind> kinds, Set<Fault> faults) {
      boolean twoGateways =
          faults.contains(Fault.GATEWAY_CRASH) || faults.contains(Fault.GATEWAY_DROP);
      return new CrossAsScenario.Options(
          n,
          twoGateways ? 2 : gateways,
          transactions,
          seed,
          dealing,
          batching,
          kinds,
          faults,
          interval,
          deadline,
          maxMillis,
          ases);
    }
  }

  /** The seed of the run. */
  public long seed() {
    return options.seed();
  }

  /** The command that runs exactly this draw on its own. */
  public String command() {
    CrossAsScenario.Options o = options;
    List<String> words = new ArrayList<>(List.of("./intertrust", "sim", "--scenario", "cross-as"));
    add(words, "--as", o.ases());
    add(words, "--n", o.n());
    add(words, "--transactions", o.transactions());
    if (!o.faults().isEmpty()) {
      words.add("--faults");
      words.add(o.faults().stream().map(Fault::cliName).collect(Collectors.joining(",")));
    }
    words.add("--dealing");
    words.add(o.dealing() == DealingContext.Mode.PER_SESSION ? "per-session" : "per-tx");
    words.add("--batching");
    words.add(o.batching() ? "on" : "off");
    words.add("--kinds");
    words.add(
        o.kinds().stream()
            .map(k -> k.name().toLowerCase(Locale.ROOT))
            .collect(Collectors.joining(",")));
    add(words, "--gateways", o.gatewaysPerAs());
    add(words, "--deadline-ms", o.deadlineMillis());
    add(words, "--interval-ms", o.intervalMillis());
    add(words, "--max-seconds", o.maxVirtualMillis() / 1_000);
    add(words, "--seed", o.seed());
    return String.join(" ", words);
  }

  private static void add(List<String> words, String option, long value) {
    words.add(option);
    words.add(Long.toString(value));
  }
}
