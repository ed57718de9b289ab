package org.intertrust.crypto.field;

import java.util.Arrays;

/**
 * Lagrange interpolation coefficients at zero over Fr, the weights that combine k signature or key
 * shares into the value of the sharing polynomial at zero (Shamir 1979; Boldyreva 2003, threshold
 * BLS).
 *
 * <p>For distinct share indices {@code x_1..x_k}, {@code λ_i = Π_{j≠i} x_j / (x_j - x_i) mod r}, so
 * that {@code Σ λ_i f(x_i) = f(0)} for every polynomial f of degree below k. Indices are the
 * positive integers {@code 1..}{@value #MAX_INDEX}.
 *
 * <p>The cost is dominated by the {@code k^2} small integer factors of the denominators. Their
 * magnitudes are packed into products below {@code 2^62}, each folded in with one small-factor
 * multiplication whose final reduction is deferred to the end of the chain; the signs are counted
 * instead of multiplied. All k denominators are inverted, and multiplied by the common numerator
 * {@code Π_j x_j}, with one batch inversion.
 */
public final class Lagrange {
  /** Largest accepted share index. */
  public static final int MAX_INDEX = 65535;

  private Lagrange() {}

  /**
   * Returns {@code λ_1..λ_k} for the given share indices, as new Montgomery-form elements in the
   * order of {@code indices}. The input array is not modified.
   *
   * @throws IllegalArgumentException if {@code indices} is empty, holds a value outside {@code
   *     1..65535}, or holds a duplicate
   */
  public static long[][] coefficientsAtZero(int[] indices) {
    int[] sorted = sortedValidIndices(indices);
    int largestFactor = sorted[sorted.length - 1];
    long[][] coefficients = new long[indices.length][];
    for (int i = 0; i < indices.length; i++) {
      coefficients[i] = scaledDenominator(indices, i, largestFactor);
      int smallerIndices = Arrays.binarySearch(sorted, indices[i]);
      if (smallerIndices % 2 != 0) {
        Fr.neg(coefficients[i], coefficients[i]);
      }
    }
    SmallFactorProduct numerator = new SmallFactorProduct(largestFactor);
    for (int index : indices) {
      numerator.multiply(index);
    }
    Fr.batchInverseTimes(coefficients, numerator.result());
    return coefficients;
  }

  /**
   * Writes {@code λ_1..λ_k} as k canonical 32-byte little-endian scalars back to back into {@code
   * out}, the layout a multi-scalar multiplication (MSM) over the shares takes.
   *
   * @throws IllegalArgumentException if {@code out.length != 32 * indices.length}, or as {@link
   *     #coefficientsAtZero}
   */
  public static void coefficientsAtZeroLE(int[] indices, byte[] out) {
    if (out.length != (long) Fr.BYTES * indices.length) {
      throw new IllegalArgumentException(
          "output must be "
              + Fr.BYTES
              + " bytes per index ("
              + (long) Fr.BYTES * indices.length
              + "), got "
              + out.length);
    }
    long[][] coefficients = coefficientsAtZero(indices);
    for (int i = 0; i < coefficients.length; i++) {
      Fr.toBytesLE(coefficients[i], out, Fr.BYTES * i);
    }
  }

  /** Checks the indices and returns them sorted ascending, leaving the input untouched. */
  private static int[] sortedValidIndices(int[] indices) {
    if (indices.length == 0) {
      throw new IllegalArgumentException("at least one share index is required");
    }
    for (int position = 0; position < indices.length; position++) {
      int index = indices[position];
      if (index < 1 || index > MAX_INDEX) {
        throw new IllegalArgumentException(
            "share index must be in 1.."
                + MAX_INDEX
                + ", got "
                + index
                + " at position "
                + position);
      }
    }
    int[] sorted = indices.clone();
    Arrays.sort(sorted);
    for (int i = 1; i < sorted.length; i++) {
      if (sorted[i] == sorted[i - 1]) {
        throw new IllegalArgumentException("duplicate share index " + sorted[i]);
      }
    }
    return sorted;
  }

  /**
   * Returns {@code |x_i · Π_{j≠i} (x_j - x_i)|}: the magnitude of the denominator of {@code λ_i}
   * times {@code x_i}, so that {@code Π_j x_j} divided by it is {@code |λ_i|}. Its sign is {@code
   * (-1)} to the number of indices below {@code x_i}.
   */
  private static long[] scaledDenominator(int[] indices, int i, int largestFactor) {
    int own = indices[i];
    SmallFactorProduct product = new SmallFactorProduct(largestFactor);
    product.multiply(own);
    for (int j = 0; j < indices.length; j++) {
      if (j != i) {
        product.multiply(Math.abs(indices[j] - own));
      }
    }
    return product.result();
  }

  /**
   * A running product of positive integers no larger than {@code largestFactor}, in Fr. Factors are
   * multiplied together as a plain long while that provably stays below {@code 2^62}; each full
   * pack is folded into the field accumulator with one small-factor multiplication that is left
   * partially reduced until {@link #result}.
   */
  private static final class SmallFactorProduct {
    /** A pack at most this large can take any further factor and stay below {@code 2^62}. */
    private final long packLimit;

    private final long[] accumulator = Fr.one();
    private long pack = 1;

    SmallFactorProduct(int largestFactor) {
      this.packLimit = (Fr.SMALL_FACTOR_LIMIT - 1) / largestFactor;
    }

    void multiply(long factor) {
      if (pack > packLimit) {
        Montgomery.mulSmallPartial(accumulator, pack, accumulator);
        pack = factor;
      } else {
        pack *= factor;
      }
    }

    long[] result() {
      Montgomery.mulSmallPartial(accumulator, pack, accumulator);
      Montgomery.reduceOnce(accumulator);
      return accumulator;
    }
  }
}
