package org.intertrust.sim.cpu;

/**
 * Which CPU-time model a run uses; every run's result names it ({@link #describe()}).
 *
 * <ul>
 *   <li>{@link Kind#FREE}: named operations cost nothing; only explicit {@code charge(nanos)} calls
 *       take time. For testing protocol logic.
 *   <li>{@link Kind#COST_TABLE}: named operations cost what a {@link CpuCostTable} says (fixed
 *       values or values measured at start-up). Runs stay deterministic.
 *   <li>{@link Kind#MEASURED}: each handler costs the wall-clock time it actually took (plus
 *       explicit charges); named operations are assumed to run for real and cost nothing extra.
 *       Realistic but not reproducible: traces from the same seed may differ.
 * </ul>
 */
public final class CpuModel {
  /** The kinds of model. */
  public enum Kind {
    /** Only explicit charges. */
    FREE,
    /** Named operations from a cost table. */
    COST_TABLE,
    /** Wall-clock time of each handler call. */
    MEASURED
  }

  private final Kind kind;
  private final CpuCostTable table;

  private CpuModel(Kind kind, CpuCostTable table) {
    this.kind = kind;
    this.table = table;
  }

  /** Named operations are free. */
  public static CpuModel free() {
    return new CpuModel(Kind.FREE, CpuCostTable.builder().build());
  }

  /** Named operations cost what {@code table} says. */
  public static CpuModel costTable(CpuCostTable table) {
    return new CpuModel(Kind.COST_TABLE, table);
  }

  /** Each handler costs its measured wall-clock time. */
  public static CpuModel measured() {
    return new CpuModel(Kind.MEASURED, CpuCostTable.builder().build());
  }

  /** The kind of this model. */
  public Kind kind() {
    return kind;
  }

  /** Whether the engine must time handlers with the real clock. */
  public boolean measuresWallClock() {
    return kind == Kind.MEASURED;
  }

  /**
   * The virtual cost of {@code operation} over {@code count} items under this model: the table's
   * cost for {@link Kind#COST_TABLE}, zero otherwise.
   */
  public long nanos(String operation, int count) {
    return kind == Kind.COST_TABLE ? table.nanos(operation, count) : 0;
  }

  /** A one-line description for run output, e.g. {@code cost-table {bls.verify=1000000ns}}. */
  public String describe() {
    return switch (kind) {
      case FREE -> "free (explicit charges only)";
      case COST_TABLE -> "cost-table " + table;
      case MEASURED -> "measured (wall-clock time of each handler)";
    };
  }

  @Override
  public String toString() {
    return describe();
  }
}
