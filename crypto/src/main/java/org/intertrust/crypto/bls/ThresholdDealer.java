package org.intertrust.crypto.bls;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.intertrust.crypto.field.Fr;
import org.intertrust.crypto.field.Polynomial;
import org.intertrust.crypto.secret.SecretAccess;

/**
 * Shamir dealing with Feldman commitments (DESIGN.md §2): from a secret polynomial {@code f} of
 * degree k-1 it makes the n shares {@code f(1..n)}, the commitments {@code a_j * g2} and the
 * verification keys {@code f(i) * g2}. Where the coefficients come from is the caller's business
 * (the dealing package derives them from a sealed seed with HKDF).
 */
public final class ThresholdDealer {
  private ThresholdDealer() {}

  /** The outcome of a dealing: the public key and the n secret shares, share i at position i-1. */
  public record DealtKey(ThresholdPublicKey publicKey, List<KeyShare> shares) {
    public DealtKey {
      shares = List.copyOf(shares);
    }

    @Override
    public String toString() {
      return "DealtKey[" + publicKey + ", shares redacted]";
    }
  }

  /**
   * Deals {@code n} shares of the polynomial whose k coefficients are given in Montgomery form
   * ({@link Fr}). The array is not modified; the caller destroys it.
   *
   * @throws IllegalArgumentException if k or n are out of range, or f(0) is zero
   * @throws DegenerateDealingException if some share f(i) is zero (probability about n/r): derive
   *     fresh coefficients and deal again
   */
  public static DealtKey deal(long[][] coefficients, int n, SecretAccess access)
      throws DegenerateDealingException {
    int k = coefficients.length;
    if (k < 1 || k > n || n > ShareIndex.MAX) {
      throw new IllegalArgumentException("need 1 <= k <= n <= 65535, got k=" + k + " n=" + n);
    }
    if (Fr.isZero(coefficients[0])) {
      throw new IllegalArgumentException("the group secret f(0) must not be zero");
    }
    byte[] scalar = new byte[32];
    List<BlsPublicKey> commitments = new ArrayList<>(k);
    for (long[] coefficient : coefficients) {
      Fr.toBytesLE(coefficient, scalar, 0);
      commitments.add(commitment(scalar));
    }
    Polynomial polynomial = Polynomial.of(coefficients);
    long[][] values = polynomial.evaluateAll(n);
    polynomial.destroy();
    try {
      List<BlsPublicKey> verificationKeys = new ArrayList<>(n);
      List<KeyShare> shares = new ArrayList<>(n);
      for (int i = 1; i <= n; i++) {
        if (Fr.isZero(values[i - 1])) {
          throw new DegenerateDealingException("share " + i + " is zero");
        }
        Fr.toBytesLE(values[i - 1], scalar, 0);
        BlsSecretKey secret =
            BlsSecretKey.fromCanonicalLittleEndian(scalar, FixedBaseG2.multiply(scalar, 0));
        shares.add(new KeyShare(ShareIndex.of(i), secret));
        verificationKeys.add(secret.publicKey());
      }
      return new DealtKey(ThresholdPublicKey.of(commitments, verificationKeys), shares);
    } finally {
      Arrays.fill(scalar, (byte) 0);
      for (long[] value : values) {
        Arrays.fill(value, 0L);
      }
    }
  }

  /**
   * Deals from a polynomial with coefficients drawn from {@code random}: for simulations, tests and
   * benchmarks, where keys must be reproducible from a seed. Production dealing derives the
   * polynomial from a sealed secret instead (the dealing package).
   */
  public static DealtKey dealRandom(int k, int n, java.util.Random random) {
    long[][] coefficients = new long[k][];
    for (int attempt = 0; ; attempt++) {
      for (int j = 0; j < k; j++) {
        coefficients[j] =
            Fr.fromBigInteger(new java.math.BigInteger(320, random).add(java.math.BigInteger.ONE));
      }
      try {
        return deal(coefficients, n, SecretAccess.get());
      } catch (DegenerateDealingException | IllegalArgumentException zero) {
        if (attempt > 8) {
          throw new IllegalStateException("no usable random polynomial", zero);
        }
      }
    }
  }

  private static BlsPublicKey commitment(byte[] scalar) {
    var point = FixedBaseG2.multiply(scalar, 0);
    if (point.is_inf()) {
      throw new IllegalArgumentException("zero coefficient commits to infinity");
    }
    return BlsPublicKey.fromPoint(point);
  }

  /** A dealing produced a zero share; derive new coefficients and deal again. */
  public static final class DegenerateDealingException extends Exception {
    private static final long serialVersionUID = 1L;

    public DegenerateDealingException(String message) {
      super(message);
    }
  }
}
