package org.intertrust.crypto.bls;

import java.util.List;
import org.intertrust.crypto.encoding.SigningDomain;
import org.intertrust.crypto.field.Fr;
import supranational.blst.P1;
import supranational.blst.Scalar;

/**
 * The paper's way of combining threshold BLS shares, kept as a measured baseline for {@code
 * intertrust bench round} (paper section VI; DESIGN.md §7): the collector verifies every share on
 * its own ({@link ThresholdPublicKey#verifyPartial}, two pairings each) and interpolates the
 * verified shares with one inversion and one scalar multiplication per share, without batching. Not
 * for production: {@link ThresholdCombiner} gives the same signature at a fraction of the cost.
 */
public final class ReferenceCombiner {
  private ReferenceCombiner() {}

  /**
   * Interpolates {@code shares} at zero share by share: for each share its own Lagrange coefficient
   * (one field inversion) and its own scalar multiplication, the products summed.
   *
   * @throws IllegalArgumentException if the shares' indices repeat or the list is empty
   */
  public static BlsSignature interpolateOneByOne(List<PartialSignature> shares) {
    if (shares.isEmpty()) {
      throw new IllegalArgumentException("at least one share is required");
    }
    int[] indices = new int[shares.size()];
    for (int i = 0; i < indices.length; i++) {
      indices[i] = shares.get(i).index().value();
    }
    P1 sum = new P1();
    for (int i = 0; i < indices.length; i++) {
      byte[] coefficient = Fr.toBytesBE(lagrangeAtZero(indices, i));
      P1 term = shares.get(i).signature().point().to_jacobian();
      sum.add(term.mult(new Scalar().from_bendian(coefficient)));
    }
    return BlsSignature.fromPoint(sum);
  }

  /**
   * Whether {@code signature} is a valid threshold signature on {@code message} in {@code domain}
   * under {@code key}'s group key.
   */
  public static boolean verifyCombined(
      ThresholdPublicKey key, SigningDomain domain, byte[] message, BlsSignature signature) {
    return Bls.verify(key.groupKey(), domain, message, signature);
  }

  /** {@code λ_i = Π_{j≠i} x_j / (x_j - x_i)} with one inversion of its own. */
  private static long[] lagrangeAtZero(int[] indices, int i) {
    long[] numerator = Fr.one();
    long[] denominator = Fr.one();
    for (int j = 0; j < indices.length; j++) {
      if (j == i) {
        continue;
      }
      if (indices[j] == indices[i]) {
        throw new IllegalArgumentException("share index " + indices[i] + " repeats");
      }
      Fr.mul(numerator, Fr.fromLong(indices[j]), numerator);
      Fr.mul(denominator, Fr.fromLong((long) indices[j] - indices[i]), denominator);
    }
    long[] coefficient = new long[4];
    Fr.mul(numerator, Fr.inverse(denominator), coefficient);
    return coefficient;
  }
}
