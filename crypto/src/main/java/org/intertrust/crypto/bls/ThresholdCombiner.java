package org.intertrust.crypto.bls;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.random.RandomGenerator;
import org.intertrust.crypto.encoding.SigningDomain;
import org.intertrust.crypto.field.Lagrange;
import supranational.blst.P1;
import supranational.blst.P1_Affine;
import supranational.blst.P2_Affine;

/**
 * Combines partial signatures into a threshold signature (DESIGN.md §2).
 *
 * <p>Optimistic path: interpolate k shares in the exponent (Lagrange coefficients at zero, one
 * multi-scalar multiplication in G1) and verify the result once under the group key. Only if that
 * fails are shares checked: batches verified with random 64-bit weights, bisected until each bad
 * share is isolated, then k good shares are combined. A good share is never blamed: a batch of good
 * shares always verifies. A bad share escapes a batch with probability at most 2^-64.
 *
 * <p>The weights must be unpredictable to whoever sends shares; production uses {@link
 * SecureRandom}, the simulator a seeded generator.
 */
public final class ThresholdCombiner {
  private static final int WEIGHT_BITS = 64;

  private final RandomGenerator random;

  public ThresholdCombiner() {
    this(new SecureRandom());
  }

  public ThresholdCombiner(RandomGenerator random) {
    this.random = random;
  }

  /** Combines {@code partials} on {@code message} in {@code domain} under {@code key}. */
  public CombineResult combine(
      ThresholdPublicKey key,
      SigningDomain domain,
      byte[] message,
      Collection<PartialSignature> partials) {
    List<ShareIndex> blamed = new ArrayList<>();
    List<PartialSignature> candidates = new ArrayList<>();
    List<PartialSignature> alternates = new ArrayList<>();
    sortCandidates(key, partials, candidates, alternates, blamed);
    int k = key.threshold();
    if (candidates.size() < k) {
      return new CombineResult.Failed(
          CombineResult.Reason.NOT_ENOUGH_SHARES,
          blamed,
          candidates.size() + " distinct shares of this key offered, " + k + " needed");
    }
    P1_Affine hashed = HashToCurve.g1(message, domain.blsDst());
    List<PartialSignature> optimistic = candidates.subList(0, k);
    BlsSignature signature = interpolate(optimistic);
    if (Bls.verifyHashed(key.groupKey().point(), hashed, signature)) {
      return new CombineResult.Combined(signature, indices(optimistic), blamed);
    }
    return combineVerified(key, hashed, candidates, alternates, blamed);
  }

  private CombineResult combineVerified(
      ThresholdPublicKey key,
      P1_Affine hashed,
      List<PartialSignature> candidates,
      List<PartialSignature> alternates,
      List<ShareIndex> blamed) {
    int k = key.threshold();
    List<PartialSignature> queue = new ArrayList<>(candidates);
    queue.addAll(alternates);
    Map<ShareIndex, PartialSignature> good = new TreeMap<>();
    boolean knownBad = true;
    int next = 0;
    while (good.size() < k && next < queue.size()) {
      List<PartialSignature> batch = new ArrayList<>();
      while (batch.size() < k - good.size() && next < queue.size()) {
        PartialSignature partial = queue.get(next++);
        if (!good.containsKey(partial.index())) {
          batch.add(partial);
        }
      }
      List<PartialSignature> valid = new ArrayList<>();
      List<PartialSignature> invalid = new ArrayList<>();
      identify(key, hashed, batch, knownBad, valid, invalid);
      knownBad = false;
      valid.forEach(partial -> good.putIfAbsent(partial.index(), partial));
      invalid.forEach(partial -> blamed.add(partial.index()));
    }
    if (good.size() < k) {
      return new CombineResult.Failed(
          CombineResult.Reason.NOT_ENOUGH_VALID_SHARES,
          blamed,
          good.size() + " valid shares, " + k + " needed; invalid: " + blamed);
    }
    List<PartialSignature> signers = new ArrayList<>(good.values()).subList(0, k);
    BlsSignature signature = interpolate(signers);
    if (!Bls.verifyHashed(key.groupKey().point(), hashed, signature)) {
      return new CombineResult.Failed(
          CombineResult.Reason.NOT_ENOUGH_VALID_SHARES,
          blamed,
          "verified shares did not combine (probability 2^-64 event or inconsistent key)");
    }
    return new CombineResult.Combined(signature, indices(signers), blamed);
  }

  /**
   * Splits {@code set} into valid and invalid shares by batch verification and bisection. With
   * {@code knownBad} the set is already known to hold an invalid share, so its own check is
   * skipped.
   */
  void identify(
      ThresholdPublicKey key,
      P1_Affine hashed,
      List<PartialSignature> set,
      boolean knownBad,
      List<PartialSignature> valid,
      List<PartialSignature> invalid) {
    if (set.isEmpty()) {
      return;
    }
    if (set.size() == 1) {
      boolean ok = !knownBad && verifyOne(key, hashed, set.get(0));
      (ok ? valid : invalid).add(set.get(0));
      return;
    }
    if (!knownBad && batchVerify(key, hashed, set)) {
      valid.addAll(set);
      return;
    }
    List<PartialSignature> left = set.subList(0, set.size() / 2);
    List<PartialSignature> right = set.subList(set.size() / 2, set.size());
    boolean leftValid =
        left.size() == 1 ? verifyOne(key, hashed, left.get(0)) : batchVerify(key, hashed, left);
    if (leftValid) {
      valid.addAll(left);
      identify(key, hashed, right, true, valid, invalid);
    } else {
      identify(key, hashed, left, true, valid, invalid);
      identify(key, hashed, right, false, valid, invalid);
    }
  }

  private static boolean verifyOne(ThresholdPublicKey key, P1_Affine hashed, PartialSignature p) {
    return Bls.verifyHashed(key.verificationKey(p.index()).point(), hashed, p.signature());
  }

  /** {@code e(sum rho_i sigma_i, -g2) * e(H(m), sum rho_i vk_i) == 1} for random weights. */
  private boolean batchVerify(
      ThresholdPublicKey key, P1_Affine hashed, List<PartialSignature> set) {
    int size = set.size();
    byte[] weights = new byte[size * (WEIGHT_BITS / 8)];
    P1_Affine[] signatures = new P1_Affine[size];
    P2_Affine[] keys = new P2_Affine[size];
    for (int i = 0; i < size; i++) {
      ThresholdPublicKey.writeLittleEndian(random.nextLong() | 1L, weights, i * 8);
      signatures[i] = set.get(i).signature().point();
      keys[i] = key.verificationKey(set.get(i).index()).point();
    }
    P1 signatureSum = MultiScalarMultiplication.g1(signatures, weights, WEIGHT_BITS);
    var keySum = MultiScalarMultiplication.g2(keys, weights, WEIGHT_BITS);
    if (keySum.is_inf()) {
      return false;
    }
    return Bls.verifyHashed(keySum.to_affine(), hashed, BlsSignature.fromPoint(signatureSum));
  }

  /** Lagrange interpolation at zero in the exponent over distinct share indices. */
  static BlsSignature interpolate(List<PartialSignature> shares) {
    int size = shares.size();
    int[] indices = new int[size];
    P1_Affine[] points = new P1_Affine[size];
    for (int i = 0; i < size; i++) {
      indices[i] = shares.get(i).index().value();
      points[i] = shares.get(i).signature().point();
    }
    byte[] coefficients = new byte[size * 32];
    Lagrange.coefficientsAtZeroLE(indices, coefficients);
    return BlsSignature.fromPoint(MultiScalarMultiplication.g1(points, coefficients, 255));
  }

  private static void sortCandidates(
      ThresholdPublicKey key,
      Collection<PartialSignature> partials,
      List<PartialSignature> candidates,
      List<PartialSignature> alternates,
      List<ShareIndex> blamed) {
    Map<ShareIndex, PartialSignature> first = new TreeMap<>();
    for (PartialSignature partial : partials) {
      if (!key.contains(partial.index())) {
        blamed.add(partial.index());
        continue;
      }
      PartialSignature existing = first.putIfAbsent(partial.index(), partial);
      if (existing != null && !existing.equals(partial)) {
        alternates.add(partial);
      }
    }
    candidates.addAll(first.values());
  }

  private static List<ShareIndex> indices(List<PartialSignature> partials) {
    List<ShareIndex> indices = new ArrayList<>(partials.size());
    partials.forEach(partial -> indices.add(partial.index()));
    return indices;
  }
}
