package org.intertrust.crypto.bls;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import supranational.blst.P1;
import supranational.blst.P1_Affine;
import supranational.blst.P2;
import supranational.blst.P2_Affine;

/**
 * Finds the invalid shares in a set of partial signatures on one message by batch verification.
 *
 * <p>A group G of shares passes when {@code e(A_G, -g2) * e(H(m), B_G) == 1} with {@code A_G = sum
 * rho_i sigma_i} and {@code B_G = sum rho_i vk_i}, each share weighted by its own random 64-bit
 * {@code rho_i}. A group of valid shares always passes; a group holding an invalid share passes
 * with probability at most 2^-64. So a valid share is never blamed.
 *
 * <p>Search ({@link ShareSearch}): bisection while the invalid shares are few (one bad share among
 * k costs about log2(k) + 1 pairing checks), switching to one verification per share when group
 * tests stop paying for themselves, so that classifying k shares never costs more than about 1.125
 * k + 2 log2(k) pairing checks plus the sums, whatever the pattern of invalid shares.
 */
final class ShareIdentifier {
  private static final int WEIGHT_BITS = 64;

  private final P1_Affine hashed;
  private final BlsSignature[] signatures;
  private final P2_Affine[] keys;
  private final byte[] weights;
  private final boolean[] valid;

  private ShareIdentifier(
      ThresholdPublicKey thresholdKey,
      P1_Affine hashed,
      List<PartialSignature> shares,
      RandomGenerator random) {
    int size = shares.size();
    this.hashed = hashed;
    this.signatures = new BlsSignature[size];
    this.keys = new P2_Affine[size];
    this.weights = new byte[size * 8];
    this.valid = new boolean[size];
    for (int i = 0; i < size; i++) {
      PartialSignature share = shares.get(i);
      signatures[i] = share.signature();
      keys[i] = thresholdKey.verificationKey(share.index()).point();
      ThresholdPublicKey.writeLittleEndian(random.nextLong() | 1L, weights, i * 8);
    }
  }

  /**
   * Returns, for each share in order, whether it is valid. With {@code knownBad} the whole set is
   * already known to hold an invalid share (its combination failed), so its own check is skipped.
   * The search is {@link ShareSearch}: bisection while invalid shares are few, one verification per
   * share when they are many, at most {@link ShareSearch#bound} pairing checks in all.
   */
  static boolean[] classify(
      ThresholdPublicKey key,
      P1_Affine hashed,
      List<PartialSignature> shares,
      boolean knownBad,
      RandomGenerator random) {
    return search(key, hashed, shares, knownBad, random).valid();
  }

  /** {@link #classify}, returning the search with its counts of tests and summed points. */
  static ShareSearch search(
      ThresholdPublicKey key,
      P1_Affine hashed,
      List<PartialSignature> shares,
      boolean knownBad,
      RandomGenerator random) {
    ShareIdentifier identifier = new ShareIdentifier(key, hashed, shares, random);
    return ShareSearch.run(shares.size(), knownBad, identifier::passes);
  }

  /**
   * Returns the position of one invalid share in {@code shares}, which must be known to hold one
   * (their combination failed). Costs about log2(size) pairing checks; the other shares are left
   * unclassified.
   */
  static int findOneInvalid(
      ThresholdPublicKey key,
      P1_Affine hashed,
      List<PartialSignature> shares,
      RandomGenerator random) {
    ShareIdentifier identifier = new ShareIdentifier(key, hashed, shares, random);
    List<Integer> all = new ArrayList<>(shares.size());
    for (int i = 0; i < shares.size(); i++) {
      all.add(i);
    }
    return identifier.isolateOneInvalid(all, new ArrayList<>());
  }

  /**
   * Descends into halves known to hold an invalid share until one share is left: it is invalid, and
   * its position is returned. Unchecked halves go to {@code setAside}.
   */
  private int isolateOneInvalid(List<Integer> group, List<Integer> setAside) {
    List<Integer> bad = group;
    while (bad.size() > 1) {
      List<Integer> first = bad.subList(0, bad.size() / 2);
      List<Integer> second = bad.subList(bad.size() / 2, bad.size());
      if (passes(first)) {
        first.forEach(i -> valid[i] = true);
        bad = second;
      } else {
        setAside.addAll(second);
        bad = first;
      }
    }
    valid[bad.get(0)] = false;
    return bad.get(0);
  }

  private boolean passes(List<Integer> group) {
    return passes(group.stream().mapToInt(Integer::intValue).toArray());
  }

  private boolean passes(int[] group) {
    if (group.length == 1) {
      int i = group[0];
      return Bls.verifyHashed(keys[i], hashed, signatures[i]);
    }
    int size = group.length;
    P1_Affine[] groupSignatures = new P1_Affine[size];
    P2_Affine[] groupKeys = new P2_Affine[size];
    byte[] groupWeights = new byte[size * 8];
    for (int j = 0; j < size; j++) {
      int i = group[j];
      groupSignatures[j] = signatures[i].point();
      groupKeys[j] = keys[i];
      System.arraycopy(weights, i * 8, groupWeights, j * 8, 8);
    }
    P1 signatureSum = MultiScalarMultiplication.g1(groupSignatures, groupWeights, WEIGHT_BITS);
    P2 keySum = MultiScalarMultiplication.g2(groupKeys, groupWeights, WEIGHT_BITS);
    if (keySum.is_inf()) {
      return signatureSum.is_inf();
    }
    return Bls.verifyHashed(keySum.to_affine(), hashed, BlsSignature.fromPoint(signatureSum));
  }

  @Override
  public String toString() {
    return "ShareIdentifier[" + signatures.length + " shares]";
  }
}
