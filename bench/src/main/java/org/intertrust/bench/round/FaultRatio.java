package org.intertrust.bench.round;

/**
 * The ratio f/n of faulty replicas, as the paper states it ("1/6" .. "1/3").
 *
 * @param numerator at least 1
 * @param denominator at least 3 times the numerator (f/n may not exceed 1/3)
 */
public record FaultRatio(int numerator, int denominator) {
  public FaultRatio {
    if (numerator < 1 || denominator < 3 * numerator) {
      throw new IllegalArgumentException(
          "a fault ratio must lie in (0, 1/3], got " + numerator + "/" + denominator);
    }
  }

  /**
   * Parses {@code "a/b"}.
   *
   * @throws IllegalArgumentException with a message fit for the user on anything else
   */
  public static FaultRatio parse(String text) {
    String[] parts = text.trim().split("/", -1);
    if (parts.length != 2) {
      throw new IllegalArgumentException("fault ratio must look like 1/3, got '" + text + "'");
    }
    try {
      return new FaultRatio(Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim()));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("fault ratio must look like 1/3, got '" + text + "'", e);
    }
  }

  /**
   * The number of faulty replicas among {@code n}: {@code floor(n * ratio)}, capped at {@code
   * floor((n - 1) / 3)} so that {@code n >= 3f + 1} holds (the paper's {@code f = floor((n-3)/3)}
   * at 1/3 is one or two lower; ours is the largest f the group tolerates).
   */
  public int faulty(int n) {
    return Math.min((int) ((long) n * numerator / denominator), (n - 1) / 3);
  }

  @Override
  public String toString() {
    return numerator + "/" + denominator;
  }
}
