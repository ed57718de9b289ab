package org.intertrust.crypto.field;

import java.util.Arrays;

/**
 * A polynomial {@code f(x) = a_0 + a_1 x + ... + a_{t-1} x^{t-1}} over Fr whose coefficients are
 * secret, as in Shamir secret sharing where {@code a_0} is the secret and {@code f(i)} is the share
 * of party i.
 *
 * <p>The coefficients are copied in at construction and never handed out; {@link #toString} shows
 * only the degree. {@link #destroy} overwrites them with zeros, after which every evaluation
 * throws. Instances are not thread-safe: do not destroy while another thread evaluates.
 */
public final class Polynomial {
  private final long[][] coefficients;
  private boolean destroyed;

  private Polynomial(long[][] coefficients) {
    this.coefficients = coefficients;
  }

  /**
   * Returns a polynomial with copies of the given Montgomery-form coefficients, {@code
   * coefficients[i]} being the coefficient of {@code x^i}.
   *
   * @throws IllegalArgumentException if there are no coefficients or one is not a valid {@link Fr}
   *     element
   */
  public static Polynomial of(long[][] coefficients) {
    if (coefficients.length == 0) {
      throw new IllegalArgumentException("a polynomial needs at least one coefficient");
    }
    long[][] copies = new long[coefficients.length][];
    for (int i = 0; i < coefficients.length; i++) {
      if (!Fr.isCanonical(coefficients[i])) {
        throw new IllegalArgumentException("coefficient " + i + " is not a valid Fr element");
      }
      copies[i] = coefficients[i].clone();
    }
    return new Polynomial(copies);
  }

  /**
   * Returns the nominal degree, the number of coefficients minus one, even if the leading
   * coefficient is zero; a threshold of t shares uses degree {@code t - 1}.
   */
  public int degree() {
    return coefficients.length - 1;
  }

  /**
   * Returns {@code f(x)} as a new element, by Horner's rule with small-factor multiplications.
   *
   * @throws IllegalStateException if the polynomial has been destroyed
   */
  public long[] evaluate(int x) {
    requireNotDestroyed();
    int last = coefficients.length - 1;
    long[] result = coefficients[last].clone();
    for (int i = last - 1; i >= 0; i--) {
      Fr.mulSmall(result, x, result);
      Fr.add(result, coefficients[i], result);
    }
    return result;
  }

  /**
   * Returns {@code f(1), ..., f(n)}; element {@code i} is {@code f(i + 1)}.
   *
   * @throws IllegalArgumentException if {@code n} is negative
   * @throws IllegalStateException if the polynomial has been destroyed
   */
  public long[][] evaluateAll(int n) {
    if (n < 0) {
      throw new IllegalArgumentException("number of evaluation points is negative: " + n);
    }
    requireNotDestroyed();
    int last = coefficients.length - 1;
    long[][] values = new long[n][];
    for (int x = 1; x <= n; x++) {
      values[x - 1] = coefficients[last].clone();
    }
    // Horner's rule at all points in lockstep: the n chains are independent, so the processor
    // can overlap them.
    for (int i = last - 1; i >= 0; i--) {
      long[] coefficient = coefficients[i];
      for (int x = 1; x <= n; x++) {
        long[] value = values[x - 1];
        Fr.mulSmall(value, x, value);
        Fr.add(value, coefficient, value);
      }
    }
    return values;
  }

  /** Overwrites every coefficient limb with zero; later evaluations throw. Idempotent. */
  public void destroy() {
    for (long[] coefficient : coefficients) {
      Arrays.fill(coefficient, 0L);
    }
    destroyed = true;
  }

  /** Whether {@link #destroy} has been called. */
  public boolean isDestroyed() {
    return destroyed;
  }

  /** Shows the degree and whether the polynomial is destroyed, never a coefficient. */
  @Override
  public String toString() {
    return "Polynomial[degree=" + degree() + (destroyed ? ", destroyed" : "") + "]";
  }

  private void requireNotDestroyed() {
    if (destroyed) {
      throw new IllegalStateException("polynomial has been destroyed");
    }
  }
}
