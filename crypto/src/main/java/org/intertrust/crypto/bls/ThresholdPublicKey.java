package org.intertrust.crypto.bls;

import java.util.List;
import java.util.random.RandomGenerator;
import org.intertrust.crypto.encoding.SigningDomain;
import org.intertrust.crypto.field.Fr;

/**
 * The public side of a (k, n) threshold key: the Feldman commitments {@code C_j = a_j * g2} to the
 * k coefficients of the dealing polynomial ({@code C_0} is the group key) and the verification key
 * {@code vk_i = f(i) * g2} of every share i in 1..n. Immutable.
 */
public final class ThresholdPublicKey {
  private final List<BlsPublicKey> commitments;
  private final List<BlsPublicKey> verificationKeys;

  private ThresholdPublicKey(List<BlsPublicKey> commitments, List<BlsPublicKey> verificationKeys) {
    this.commitments = commitments;
    this.verificationKeys = verificationKeys;
  }

  /**
   * Builds a key from its parts; checks only the shape (1 &lt;= k &lt;= n &lt;= 65535). Use {@link
   * #isConsistent} to check that the verification keys match the commitments.
   */
  public static ThresholdPublicKey of(
      List<BlsPublicKey> commitments, List<BlsPublicKey> verificationKeys) {
    int k = commitments.size();
    int n = verificationKeys.size();
    if (k < 1 || k > n || n > ShareIndex.MAX) {
      throw new IllegalArgumentException("need 1 <= k <= n <= 65535, got k=" + k + " n=" + n);
    }
    return new ThresholdPublicKey(List.copyOf(commitments), List.copyOf(verificationKeys));
  }

  /** The group public key {@code C_0 = f(0) * g2}: threshold signatures verify under it. */
  public BlsPublicKey groupKey() {
    return commitments.get(0);
  }

  /** k: the number of shares needed to sign. */
  public int threshold() {
    return commitments.size();
  }

  /** n: the number of shares dealt. */
  public int size() {
    return verificationKeys.size();
  }

  public List<BlsPublicKey> commitments() {
    return commitments;
  }

  public List<BlsPublicKey> verificationKeys() {
    return verificationKeys;
  }

  /** Whether {@code index} names a dealt share (1..n). */
  public boolean contains(ShareIndex index) {
    return index.value() <= verificationKeys.size();
  }

  /** The verification key of share {@code index}; it must be one of 1..n. */
  public BlsPublicKey verificationKey(ShareIndex index) {
    if (!contains(index)) {
      throw new IllegalArgumentException(index + " is not a share of this key (n=" + size() + ")");
    }
    return verificationKeys.get(index.value() - 1);
  }

  /** Verifies one partial signature against its share's verification key. */
  public boolean verifyPartial(PartialSignature partial, SigningDomain domain, byte[] message) {
    return contains(partial.index())
        && Bls.verify(verificationKey(partial.index()), domain, message, partial.signature());
  }

  /**
   * Checks, with one random linear combination, that every verification key lies on the committed
   * polynomial: {@code sum_i rho_i vk_i == sum_j (sum_i rho_i i^j) C_j} for random 64-bit {@code
   * rho_i}. A wrong key escapes with probability at most 2^-64.
   */
  public boolean isConsistent(RandomGenerator random) {
    int n = size();
    int k = threshold();
    byte[] weights = new byte[n * 8];
    long[][] combined = new long[k][];
    for (int j = 0; j < k; j++) {
      combined[j] = Fr.zero();
    }
    long[] term = new long[4];
    for (int i = 1; i <= n; i++) {
      long rho = random.nextLong() | 1L;
      rho &= Long.MAX_VALUE;
      writeLittleEndian(rho, weights, (i - 1) * 8);
      long[] power = Fr.fromLong(rho);
      for (int j = 0; j < k; j++) {
        Fr.add(combined[j], power, combined[j]);
        Fr.mulSmall(power, i, term);
        System.arraycopy(term, 0, power, 0, 4);
      }
    }
    byte[] scalars = new byte[k * 32];
    for (int j = 0; j < k; j++) {
      Fr.toBytesLE(combined[j], scalars, j * 32);
    }
    var left = MultiScalarMultiplication.g2(points(verificationKeys), weights, 64);
    var right = MultiScalarMultiplication.g2(points(commitments), scalars, 255);
    return left.is_equal(right);
  }

  private static supranational.blst.P2_Affine[] points(List<BlsPublicKey> keys) {
    supranational.blst.P2_Affine[] points = new supranational.blst.P2_Affine[keys.size()];
    for (int i = 0; i < points.length; i++) {
      points[i] = keys.get(i).point();
    }
    return points;
  }

  static void writeLittleEndian(long value, byte[] out, int offset) {
    for (int b = 0; b < 8; b++) {
      out[offset + b] = (byte) (value >>> (8 * b));
    }
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ThresholdPublicKey
        && commitments.equals(((ThresholdPublicKey) other).commitments)
        && verificationKeys.equals(((ThresholdPublicKey) other).verificationKeys);
  }

  @Override
  public int hashCode() {
    return commitments.hashCode() * 31 + verificationKeys.hashCode();
  }

  @Override
  public String toString() {
    return "ThresholdPublicKey[k=" + threshold() + ", n=" + size() + ", " + groupKey() + "]";
  }
}
