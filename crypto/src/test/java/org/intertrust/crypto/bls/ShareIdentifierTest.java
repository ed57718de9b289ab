package org.intertrust.crypto.bls;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.intertrust.crypto.bls.ThresholdDealer.DealtKey;
import org.intertrust.crypto.encoding.SigningDomain;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link ShareIdentifier} on real shares: its classification equals the reference one (each share
 * verified on its own), for all-invalid, half-invalid, one-invalid, invalid-at-the-ends and random
 * patterns; its count of pairing checks stays within {@link ShareSearch#bound}.
 */
class ShareIdentifierTest {
  private static final SigningDomain DOMAIN = SigningDomain.CROSS_AS_LOCK;
  private static final byte[] MESSAGE = {6, 1, 4};
  private static final int SIZE = 48;
  private static DealtKey dealt;
  private static List<PartialSignature> good;
  private static List<PartialSignature> bad;

  @BeforeAll
  static void deal() {
    dealt = ThresholdDealer.dealRandom(SIZE / 2, SIZE, new Random(7));
    good = ThresholdTest.signAll(dealt, MESSAGE);
    bad = new ArrayList<>();
    for (KeyShare share : dealt.shares()) {
      bad.add(share.signPartial(DOMAIN, new byte[] {9}));
    }
  }

  private static List<PartialSignature> offer(boolean[] valid) {
    List<PartialSignature> offered = new ArrayList<>();
    for (int i = 0; i < valid.length; i++) {
      offered.add(valid[i] ? good.get(i) : bad.get(i));
    }
    return offered;
  }

  /** The reference: each share verified on its own. */
  private static boolean[] reference(List<PartialSignature> offered) {
    boolean[] valid = new boolean[offered.size()];
    for (int i = 0; i < valid.length; i++) {
      valid[i] = dealt.publicKey().verifyPartial(offered.get(i), DOMAIN, MESSAGE);
    }
    return valid;
  }

  private static ShareSearch classify(boolean[] pattern, boolean knownBad, long seed) {
    List<PartialSignature> offered = offer(pattern);
    ShareSearch search =
        ShareIdentifier.search(
            dealt.publicKey(),
            HashToCurve.g1(MESSAGE, DOMAIN.blsDst()),
            offered,
            knownBad,
            new SplittableRandom(seed));
    assertArrayEquals(reference(offered), search.valid(), "seed " + seed);
    assertArrayEquals(pattern, search.valid(), "seed " + seed);
    assertTrue(search.cost() <= ShareSearch.bound(SIZE), search + " cost " + search.cost());
    return search;
  }

  private static boolean[] allValidExcept(int... invalid) {
    boolean[] valid = new boolean[SIZE];
    java.util.Arrays.fill(valid, true);
    for (int i : invalid) {
      valid[i] = false;
    }
    return valid;
  }

  @Test
  void allInvalid_areBlamed_withinTheBound() {
    ShareSearch search = classify(new boolean[SIZE], true, 1);
    assertTrue(search.tests() >= SIZE - 1, search.toString());
  }

  @Test
  void halfInvalid_inBlocksAndAlternating_matchTheReference() {
    boolean[] front = new boolean[SIZE];
    boolean[] back = new boolean[SIZE];
    boolean[] alternating = new boolean[SIZE];
    for (int i = 0; i < SIZE; i++) {
      front[i] = i >= SIZE / 2;
      back[i] = i < SIZE / 2;
      alternating[i] = i % 2 == 0;
    }
    classify(front, true, 2);
    classify(back, false, 3);
    classify(alternating, true, 4);
  }

  @Test
  void oneInvalid_andInvalidAtTheEnds_costWhatBisectionCosts() {
    int[][] patterns = {{SIZE / 3}, {0}, {SIZE - 1}, {0, SIZE - 1}, {0, 1}, {SIZE - 2, SIZE - 1}};
    for (int[] invalid : patterns) {
      ShareSearch search = classify(allValidExcept(invalid), true, 5);
      int depth = 32 - Integer.numberOfLeadingZeros(SIZE - 1);
      assertTrue(search.tests() <= invalid.length * (depth + 1), search.toString());
    }
  }

  static LongStream seeds() {
    return LongStream.range(0, 12);
  }

  @ParameterizedTest(name = "seed={0}")
  @MethodSource("seeds")
  void randomPatterns_matchTheReference(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    double density = random.nextDouble();
    boolean[] pattern = new boolean[SIZE];
    for (int i = 0; i < SIZE; i++) {
      pattern[i] = random.nextDouble() >= density;
    }
    boolean anyInvalid = false;
    for (boolean valid : pattern) {
      anyInvalid |= !valid;
    }
    classify(pattern, anyInvalid && random.nextBoolean(), seed);
  }

  /**
   * The bench's bad-shares round in small: all but one of the first k shares are invalid, spares
   * follow. The combiner blames exactly the invalid ones and gives the signature of honest shares.
   */
  @ParameterizedTest(name = "seed={0}")
  @MethodSource("seeds")
  void combine_withAlmostAllOfTheFirstKInvalid_blamesExactlyThem(long seed) {
    int k = SIZE / 2;
    boolean[] pattern = allValidExcept();
    Set<ShareIndex> invalid = new HashSet<>();
    for (int i = 0; i < k - 1; i++) {
      pattern[i] = false;
      invalid.add(good.get(i).index());
    }
    CombineResult result =
        ThresholdTest.combiner(seed).combine(dealt.publicKey(), DOMAIN, MESSAGE, offer(pattern));
    var combined = assertInstanceOf(CombineResult.Combined.class, result);
    assertEquals(invalid, new HashSet<>(combined.blamed()));
    assertEquals(invalid.size(), combined.blamed().size());
    BlsSignature clean = ThresholdCombiner.interpolate(good.subList(k, SIZE));
    assertEquals(clean, combined.signature());
  }
}
