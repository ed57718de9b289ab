package org.intertrust.crypto.bls;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.random.RandomGenerator;
import org.intertrust.crypto.encoding.SigningDomain;
import org.intertrust.crypto.field.Lagrange;
import supranational.blst.P1;
import supranational.blst.P1_Affine;

/**
 * Combines partial signatures into a threshold signature (DESIGN.md §2).
 *
 * <p>Optimistic path: interpolate k shares in the exponent (Lagrange coefficients at zero, one
 * multi-scalar multiplication in G1) and verify the result once under the group key. Only if that
 * fails are shares checked: batches verified with random 64-bit weights, bisected until each bad
 * share is isolated, then k good shares are combined. The bisection runs on a cost budget ({@link
 * ShareSearch}): when most shares of a batch are bad it falls back to verifying them one by one, so
 * classifying m shares costs at most about 1.125 m + 2 log2(m) pairing checks whatever the pattern,
 * while one bad share costs what bisection costs (about log2(m) + 1). A good share is never blamed:
 * a batch of good shares always verifies. A bad share escapes a batch with probability at most
 * 2^-64.
 *
 * <p>The weights must be unpredictable to whoever sends shares; production uses {@link
 * SecureRandom}, the simulator a seeded generator.
 */
public final class ThresholdCombiner {
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
    return combineIfValid(key, hashed, candidates.subList(0, k), blamed)
        .orElseGet(() -> combineVerified(key, hashed, candidates, alternates, blamed));
  }

  /**
   * Combines shares decoded without the per-share subgroup check (ADR 0007). Optimistic path: the
   * first k distinct shares of this key, in the order given, are interpolated; the result is
   * returned only if it lies in the G1 subgroup and verifies under the group key, so a share
   * outside the subgroup can never make an invalid signature pass. Otherwise every share is
   * subgroup-checked (those that fail are blamed) and the checked ones take the path of {@link
   * #combine}, which finds and blames the invalid ones.
   */
  public CombineResult combineUnchecked(
      ThresholdPublicKey key,
      SigningDomain domain,
      byte[] message,
      Collection<UncheckedPartialSignature> partials) {
    int k = key.threshold();
    List<UncheckedPartialSignature> signers = new ArrayList<>(k);
    Set<ShareIndex> seen = new HashSet<>();
    for (UncheckedPartialSignature partial : partials) {
      if (signers.size() < k && key.contains(partial.index()) && seen.add(partial.index())) {
        signers.add(partial);
      }
    }
    if (signers.size() == k) {
      int[] indices = new int[k];
      P1_Affine[] points = new P1_Affine[k];
      for (int i = 0; i < k; i++) {
        indices[i] = signers.get(i).index().value();
        points[i] = signers.get(i).point();
      }
      P1_Affine combined = interpolate(indices, points).to_affine();
      if (!combined.is_inf() && combined.in_group()) {
        BlsSignature signature = BlsSignature.fromCheckedPoint(combined);
        P1_Affine hashed = HashToCurve.g1(message, domain.blsDst());
        if (Bls.verifyHashed(key.groupKey().point(), hashed, signature)) {
          List<ShareIndex> signerIndices = new ArrayList<>(k);
          signers.forEach(partial -> signerIndices.add(partial.index()));
          return new CombineResult.Combined(signature, signerIndices, List.of());
        }
      }
    }
    return checkAndCombine(key, domain, message, partials);
  }

  /** The slow path of {@link #combineUnchecked}: full checks, then {@link #combine}. */
  private CombineResult checkAndCombine(
      ThresholdPublicKey key,
      SigningDomain domain,
      byte[] message,
      Collection<UncheckedPartialSignature> partials) {
    List<ShareIndex> outsideSubgroup = new ArrayList<>();
    List<PartialSignature> checked = new ArrayList<>(partials.size());
    for (UncheckedPartialSignature partial : partials) {
      try {
        checked.add(partial.check());
      } catch (BlsDecodingException e) {
        outsideSubgroup.add(partial.index());
      }
    }
    CombineResult result = combine(key, domain, message, checked);
    if (outsideSubgroup.isEmpty()) {
      return result;
    }
    List<ShareIndex> blamed = new ArrayList<>(outsideSubgroup);
    blamed.addAll(result.blamed());
    if (result instanceof CombineResult.Combined) {
      CombineResult.Combined combined = (CombineResult.Combined) result;
      return new CombineResult.Combined(combined.signature(), combined.signers(), blamed);
    }
    CombineResult.Failed failed = (CombineResult.Failed) result;
    return new CombineResult.Failed(failed.reason(), blamed, failed.detail());
  }

  /** Interpolates {@code signers} and returns the signature only if it verifies. */
  private static Optional<CombineResult> combineIfValid(
      ThresholdPublicKey key,
      P1_Affine hashed,
      List<PartialSignature> signers,
      List<ShareIndex> blamed) {
    BlsSignature signature = interpolate(signers);
    if (!Bls.verifyHashed(key.groupKey().point(), hashed, signature)) {
      return Optional.empty();
    }
    return Optional.of(new CombineResult.Combined(signature, indices(signers), blamed));
  }

  /**
   * The slow path, entered when the optimistic combination failed. First, on the assumption that
   * one share is bad: isolate it by bisection, replace it with a spare share and combine again. If
   * that fails too, classify shares batch by batch until k verified shares are found.
   */
  private CombineResult combineVerified(
      ThresholdPublicKey key,
      P1_Affine hashed,
      List<PartialSignature> candidates,
      List<PartialSignature> alternates,
      List<ShareIndex> blamed) {
    int k = key.threshold();
    List<PartialSignature> queue = new ArrayList<>(candidates);
    queue.addAll(alternates);
    if (queue.size() > k) {
      List<PartialSignature> attempt = new ArrayList<>(queue.subList(0, k));
      int bad = ShareIdentifier.findOneInvalid(key, hashed, attempt, random);
      PartialSignature invalid = attempt.get(bad);
      blamed.add(invalid.index());
      queue.remove(bad);
      PartialSignature spare = queue.get(k - 1);
      attempt.set(bad, spare);
      if (spare.index().equals(invalid.index())) {
        return classifyAndCombine(key, hashed, queue, false, blamed);
      }
      Optional<CombineResult> combined = combineIfValid(key, hashed, attempt, blamed);
      if (combined.isPresent()) {
        return combined.get();
      }
    }
    return classifyAndCombine(key, hashed, queue, true, blamed);
  }

  private CombineResult classifyAndCombine(
      ThresholdPublicKey key,
      P1_Affine hashed,
      List<PartialSignature> queue,
      boolean firstBatchKnownBad,
      List<ShareIndex> blamed) {
    int k = key.threshold();
    Map<ShareIndex, PartialSignature> good = new TreeMap<>();
    boolean knownBad = firstBatchKnownBad;
    int next = 0;
    while (good.size() < k && next < queue.size()) {
      List<PartialSignature> batch = new ArrayList<>();
      while (batch.size() < k - good.size() && next < queue.size()) {
        PartialSignature partial = queue.get(next++);
        if (!good.containsKey(partial.index())) {
          batch.add(partial);
        }
      }
      boolean[] valid = ShareIdentifier.classify(key, hashed, batch, knownBad, random);
      knownBad = false;
      for (int i = 0; i < batch.size(); i++) {
        if (valid[i]) {
          good.putIfAbsent(batch.get(i).index(), batch.get(i));
        } else if (!blamed.contains(batch.get(i).index())) {
          blamed.add(batch.get(i).index());
        }
      }
    }
    if (good.size() < k) {
      return new CombineResult.Failed(
          CombineResult.Reason.NOT_ENOUGH_VALID_SHARES,
          blamed,
          good.size() + " valid shares, " + k + " needed; invalid: " + blamed);
    }
    List<PartialSignature> signers = new ArrayList<>(good.values()).subList(0, k);
    return combineIfValid(key, hashed, signers, blamed)
        .orElseGet(
            () ->
                new CombineResult.Failed(
                    CombineResult.Reason.NOT_ENOUGH_VALID_SHARES,
                    blamed,
                    "verified shares did not combine (a 2^-64 event, or an inconsistent key)"));
  }

  /**
   * Lagrange interpolation at zero in the exponent over distinct share indices, with one MSM, and
   * <em>no</em> verification: the result is a valid signature only if every share is. For callers
   * that have verified the shares already, or that verify the result.
   */
  public static BlsSignature interpolateUnverified(List<PartialSignature> shares) {
    return interpolate(shares);
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
    return BlsSignature.fromPoint(interpolate(indices, points));
  }

  /** {@code sum(λ_i * points[i])}: Lagrange coefficients at zero and one MSM in G1. */
  private static P1 interpolate(int[] indices, P1_Affine[] points) {
    byte[] coefficients = new byte[indices.length * 32];
    Lagrange.coefficientsAtZeroLE(indices, coefficients);
    return MultiScalarMultiplication.g1(points, coefficients, 255);
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
