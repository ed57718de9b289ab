package org.intertrust.sim.cpu;

import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Costs of named operations, fixed or measured on this machine at start-up.
 *
 * <p>Names are free-form; the constants below are the ones the protocols use. An operation's cost
 * may depend on a count ({@link #linear}, {@link #function}); {@link #fixed} ignores it. Looking up
 * an unknown operation throws, so a forgotten entry cannot silently cost nothing.
 */
public final class CpuCostTable {
  /** Producing one partial (threshold share) BLS signature. */
  public static final String BLS_SIGN_PARTIAL = "bls.sign_partial";

  /** Verifying one BLS signature (two pairings). */
  public static final String BLS_VERIFY = "bls.verify";

  /** Verifying one partial signature against its share's verification key. */
  public static final String BLS_VERIFY_PARTIAL = "bls.verify_partial";

  /** Combining {@code k} partial signatures (Lagrange coefficients plus one MSM in G1). */
  public static final String BLS_COMBINE = "bls.combine";

  private final Map<String, Entry> entries;

  private record Entry(CostFunction cost, String description) {}

  private CpuCostTable(Map<String, Entry> entries) {
    this.entries = Collections.unmodifiableMap(new TreeMap<>(entries));
  }

  /** A new, empty builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Whether {@code operation} has a cost. */
  public boolean contains(String operation) {
    return entries.containsKey(operation);
  }

  /** The cost of {@code operation} over {@code count} items; throws if the operation is unknown. */
  public long nanos(String operation, int count) {
    Entry entry = entries.get(operation);
    if (entry == null) {
      throw new IllegalArgumentException("no cost for operation " + operation + " in " + this);
    }
    long nanos = entry.cost().nanos(count);
    if (nanos < 0) {
      throw new IllegalStateException("negative cost " + nanos + " for " + operation);
    }
    return nanos;
  }

  /** Every operation and how its cost is computed, in name order. */
  @Override
  public String toString() {
    StringBuilder text = new StringBuilder("{");
    entries.forEach(
        (name, entry) ->
            text.append(text.length() > 1 ? ", " : "")
                .append(name)
                .append('=')
                .append(entry.description()));
    return text.append('}').toString();
  }

  /** Collects operation costs. */
  public static final class Builder {
    private final Map<String, Entry> entries = new TreeMap<>();

    private Builder() {}

    /** {@code operation} costs {@code nanos}, whatever the count. */
    public Builder fixed(String operation, long nanos) {
      requireNonNegative(nanos);
      return put(operation, count -> nanos, nanos + "ns");
    }

    /** {@code operation} over {@code k} items costs {@code baseNanos + k * perItemNanos}. */
    public Builder linear(String operation, long baseNanos, long perItemNanos) {
      requireNonNegative(baseNanos);
      requireNonNegative(perItemNanos);
      return put(
          operation,
          count -> baseNanos + (long) count * perItemNanos,
          baseNanos + "ns+k*" + perItemNanos + "ns");
    }

    /** {@code operation} costs what {@code cost} says; {@code description} is for the output. */
    public Builder function(String operation, CostFunction cost, String description) {
      return put(operation, cost, description);
    }

    /**
     * {@code operation} costs the median wall-clock time of {@code body} over {@code repetitions}
     * runs after {@code warmups} unmeasured ones: the "measured at start-up" model.
     */
    public Builder measured(String operation, Runnable body, int warmups, int repetitions) {
      long nanos = WallClock.medianNanos(body, warmups, repetitions);
      return put(operation, count -> nanos, nanos + "ns(measured)");
    }

    /** The table. */
    public CpuCostTable build() {
      return new CpuCostTable(entries);
    }

    private Builder put(String operation, CostFunction cost, String description) {
      entries.put(operation, new Entry(cost, description));
      return this;
    }

    private static void requireNonNegative(long nanos) {
      if (nanos < 0) {
        throw new IllegalArgumentException(String.format(Locale.ROOT, "negative cost %d", nanos));
      }
    }
  }
}
