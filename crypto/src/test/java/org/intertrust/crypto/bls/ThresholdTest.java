package org.intertrust.crypto.bls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.intertrust.crypto.bls.ThresholdDealer.DealtKey;
import org.intertrust.crypto.encoding.SigningDomain;
import org.intertrust.crypto.field.Fr;
import org.intertrust.crypto.secret.SecretAccess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ThresholdTest {
  private static final SigningDomain DOMAIN = SigningDomain.CROSS_AS_LOCK;
  private static final boolean LONG = Boolean.getBoolean("intertrust.long");

  static DealtKey deal(int k, int n, long seed) {
    Random random = new Random(seed);
    long[][] coefficients = new long[k][];
    for (int j = 0; j < k; j++) {
      BigInteger value =
          new BigInteger(300, random)
              .mod(org.intertrust.crypto.field.Fr.MODULUS.subtract(BigInteger.ONE))
              .add(BigInteger.ONE);
      coefficients[j] = Fr.fromBigInteger(value);
    }
    try {
      return ThresholdDealer.deal(coefficients, n, SecretAccess.get());
    } catch (ThresholdDealer.DegenerateDealingException e) {
      throw new AssertionError("seed " + seed, e);
    }
  }

  static Stream<Arguments> shapes() {
    int[][] shapes = {
      {1, 1}, {1, 4}, {2, 4}, {3, 4}, {3, 7}, {5, 7}, {4, 10}, {7, 10}, {11, 31}, {21, 31}
    };
    int seeds = LONG ? 40 : 6;
    List<Arguments> out = new ArrayList<>();
    for (int[] shape : shapes) {
      for (long seed = 0; seed < seeds; seed++) {
        out.add(Arguments.of(shape[0], shape[1], seed));
      }
    }
    return out.stream();
  }

  static List<PartialSignature> signAll(DealtKey dealt, byte[] message) {
    List<PartialSignature> partials = new ArrayList<>();
    for (KeyShare share : dealt.shares()) {
      partials.add(share.signPartial(DOMAIN, message));
    }
    return partials;
  }

  static List<PartialSignature> randomSubset(List<PartialSignature> all, int size, Random random) {
    List<PartialSignature> copy = new ArrayList<>(all);
    Collections.shuffle(copy, random);
    return new ArrayList<>(copy.subList(0, size));
  }

  static ThresholdCombiner combiner(long seed) {
    return new ThresholdCombiner(new SplittableRandom(seed));
  }

  @ParameterizedTest(name = "k={0} n={1} seed={2}")
  @MethodSource("shapes")
  void anyKShares_combineToTheSameSignature_underTheGroupKey(int k, int n, long seed) {
    DealtKey dealt = deal(k, n, seed);
    byte[] message = ("message " + seed).getBytes(java.nio.charset.StandardCharsets.UTF_8);
    List<PartialSignature> all = signAll(dealt, message);
    Random random = new Random(seed);
    BlsSignature first = null;
    for (int trial = 0; trial < 3; trial++) {
      CombineResult result =
          combiner(seed).combine(dealt.publicKey(), DOMAIN, message, randomSubset(all, k, random));
      var combined = assertInstanceOf(CombineResult.Combined.class, result, "seed " + seed);
      assertTrue(combined.blamed().isEmpty());
      assertTrue(Bls.verify(dealt.publicKey().groupKey(), DOMAIN, message, combined.signature()));
      if (first == null) {
        first = combined.signature();
      }
      assertEquals(first, combined.signature(), "every k-subset gives one signature, seed " + seed);
    }
  }

  @ParameterizedTest(name = "k={0} n={1} seed={2}")
  @MethodSource("shapes")
  void kMinusOneShares_doNotCombine(int k, int n, long seed) {
    if (k < 2) {
      return;
    }
    DealtKey dealt = deal(k, n, seed);
    byte[] message = {1, 2, 3};
    List<PartialSignature> few = randomSubset(signAll(dealt, message), k - 1, new Random(seed));
    CombineResult result = combiner(seed).combine(dealt.publicKey(), DOMAIN, message, few);
    var failed = assertInstanceOf(CombineResult.Failed.class, result);
    assertEquals(CombineResult.Reason.NOT_ENOUGH_SHARES, failed.reason());
    BlsSignature interpolated = ThresholdCombiner.interpolate(few);
    assertFalse(
        Bls.verify(dealt.publicKey().groupKey(), DOMAIN, message, interpolated),
        "k-1 shares interpolate to something else, seed " + seed);
  }

  @ParameterizedTest(name = "k={0} n={1} seed={2}")
  @MethodSource("shapes")
  void badShares_stillCombine_andNoGoodShareIsBlamed(int k, int n, long seed) {
    if (n == k) {
      return;
    }
    DealtKey dealt = deal(k, n, seed);
    byte[] message = {4, 5, 6};
    Random random = new Random(seed);
    int badCount = 1 + random.nextInt(n - k);
    List<PartialSignature> offered = randomSubset(signAll(dealt, message), k + badCount, random);
    Set<ShareIndex> bad = corrupt(offered, badCount, dealt, message, random);
    CombineResult result = combiner(seed).combine(dealt.publicKey(), DOMAIN, message, offered);
    var combined = assertInstanceOf(CombineResult.Combined.class, result, "seed " + seed);
    assertTrue(bad.containsAll(combined.blamed()), "seed " + seed + " blamed " + combined.blamed());
    assertTrue(Bls.verify(dealt.publicKey().groupKey(), DOMAIN, message, combined.signature()));
  }

  @ParameterizedTest(name = "k={0} n={1} seed={2}")
  @MethodSource("shapes")
  void identify_namesEveryBadShare_andOnlyThem(int k, int n, long seed) {
    DealtKey dealt = deal(k, n, seed);
    byte[] message = {4, 5, 7};
    Random random = new Random(seed);
    List<PartialSignature> offered = randomSubset(signAll(dealt, message), n, random);
    Set<ShareIndex> bad = corrupt(offered, random.nextInt(n + 1), dealt, message, random);
    var hashed = HashToCurve.g1(message, DOMAIN.blsDst());
    boolean[] valid =
        ShareIdentifier.classify(
            dealt.publicKey(), hashed, offered, false, new SplittableRandom(seed));
    Set<ShareIndex> blamed = new HashSet<>();
    for (int i = 0; i < offered.size(); i++) {
      if (!valid[i]) {
        blamed.add(offered.get(i).index());
      }
    }
    assertEquals(bad, blamed, "seed " + seed);
  }

  @ParameterizedTest(name = "k={0} n={1} seed={2}")
  @MethodSource("shapes")
  void tooManyBadShares_failWithEveryBadShareBlamed(int k, int n, long seed) {
    DealtKey dealt = deal(k, n, seed);
    byte[] message = {7};
    Random random = new Random(seed);
    List<PartialSignature> offered = randomSubset(signAll(dealt, message), k, random);
    Set<ShareIndex> bad = corrupt(offered, 1 + random.nextInt(k), dealt, message, random);
    CombineResult result = combiner(seed).combine(dealt.publicKey(), DOMAIN, message, offered);
    var failed = assertInstanceOf(CombineResult.Failed.class, result, "seed " + seed);
    assertEquals(CombineResult.Reason.NOT_ENOUGH_VALID_SHARES, failed.reason());
    assertEquals(bad, new HashSet<>(failed.blamed()), "seed " + seed);
  }

  /**
   * Replaces {@code count} of {@code offered} with invalid shares of four kinds: a share over the
   * wrong message, another share's signature under this index, a random group element, and the
   * negation of the right share (which cancels in naive sums).
   */
  static Set<ShareIndex> corrupt(
      List<PartialSignature> offered, int count, DealtKey dealt, byte[] message, Random random) {
    Set<ShareIndex> bad = new HashSet<>();
    List<Integer> positions = new ArrayList<>();
    for (int i = 0; i < offered.size(); i++) {
      positions.add(i);
    }
    Collections.shuffle(positions, random);
    for (int c = 0; c < count; c++) {
      int position = positions.get(c);
      ShareIndex index = offered.get(position).index();
      KeyShare share = dealt.shares().get(index.value() - 1);
      KeyShare other = dealt.shares().get(index.value() % dealt.shares().size());
      BlsSignature forged =
          switch (c % 4) {
            case 0 -> share.signPartial(DOMAIN, new byte[] {9, 9}).signature();
            case 1 ->
                other.verificationKey().equals(share.verificationKey())
                    ? share.signPartial(SigningDomain.BENCHMARK, message).signature()
                    : other.signPartial(DOMAIN, message).signature();
            case 2 ->
                BlsSignature.fromPoint(
                    HashToCurve.g1(new byte[] {(byte) random.nextInt()}, "random").to_jacobian());
            default ->
                BlsSignature.fromPoint(
                    share.signPartial(DOMAIN, message).signature().point().to_jacobian().neg());
          };
      offered.set(position, new PartialSignature(index, forged));
      bad.add(index);
    }
    return bad;
  }

  @Test
  void sharesOfUnknownIndex_areBlamed_andDuplicatesCountOnce() {
    DealtKey dealt = deal(3, 5, 11);
    byte[] message = {1};
    List<PartialSignature> all = signAll(dealt, message);
    PartialSignature stranger = new PartialSignature(ShareIndex.of(6), all.get(0).signature());
    List<PartialSignature> offered = List.of(all.get(0), all.get(0), all.get(1), stranger);
    var failed =
        assertInstanceOf(
            CombineResult.Failed.class,
            combiner(1).combine(dealt.publicKey(), DOMAIN, message, offered));
    assertEquals(CombineResult.Reason.NOT_ENOUGH_SHARES, failed.reason());
    assertEquals(List.of(ShareIndex.of(6)), failed.blamed());
    List<PartialSignature> enough = new ArrayList<>(offered);
    enough.add(all.get(4));
    var combined =
        assertInstanceOf(
            CombineResult.Combined.class,
            combiner(1).combine(dealt.publicKey(), DOMAIN, message, enough));
    assertEquals(List.of(ShareIndex.of(6)), combined.blamed());
  }

  @Test
  void conflictingDuplicate_withTheBadOneFirst_isBlamedAndTheGoodOneUsed() {
    DealtKey dealt = deal(3, 5, 12);
    byte[] message = {2};
    List<PartialSignature> all = signAll(dealt, message);
    PartialSignature forged = dealt.shares().get(0).signPartial(DOMAIN, new byte[] {3});
    List<PartialSignature> offered = List.of(forged, all.get(1), all.get(2), all.get(0));
    var combined =
        assertInstanceOf(
            CombineResult.Combined.class,
            combiner(3).combine(dealt.publicKey(), DOMAIN, message, offered));
    assertEquals(List.of(ShareIndex.of(1)), combined.blamed());
    assertTrue(Bls.verify(dealt.publicKey().groupKey(), DOMAIN, message, combined.signature()));
  }

  @Test
  void partialSignatures_verifyUnderTheirShareKeys_andRoundTrip() throws BlsDecodingException {
    DealtKey dealt = deal(3, 7, 5);
    byte[] message = {3};
    for (PartialSignature partial : signAll(dealt, message)) {
      assertTrue(dealt.publicKey().verifyPartial(partial, DOMAIN, message));
      assertFalse(dealt.publicKey().verifyPartial(partial, DOMAIN, new byte[] {4}));
      assertEquals(partial, PartialSignature.fromBytes(partial.toBytes()));
    }
    byte[] zeroIndex = signAll(dealt, message).get(0).toBytes();
    zeroIndex[0] = 0;
    zeroIndex[1] = 0;
    BlsTest.assertReason(
        BlsDecodingException.Reason.INVALID_SHARE_INDEX,
        () -> PartialSignature.fromBytes(zeroIndex));
  }

  @Test
  void dealtKeys_areConsistentWithTheirCommitments_andTamperingIsCaught() {
    DealtKey dealt = deal(4, 10, 8);
    ThresholdPublicKey key = dealt.publicKey();
    assertTrue(key.isConsistent(new SplittableRandom(1)));
    for (KeyShare share : dealt.shares()) {
      assertEquals(share.verificationKey(), key.verificationKey(share.index()));
    }
    List<BlsPublicKey> swapped = new ArrayList<>(key.verificationKeys());
    Collections.swap(swapped, 2, 3);
    assertFalse(
        ThresholdPublicKey.of(key.commitments(), swapped).isConsistent(new SplittableRandom(1)));
    List<BlsPublicKey> otherCommitments = new ArrayList<>(key.commitments());
    otherCommitments.set(3, key.commitments().get(0));
    assertFalse(
        ThresholdPublicKey.of(otherCommitments, key.verificationKeys())
            .isConsistent(new SplittableRandom(1)));
  }

  @Test
  void keyShare_neverPrintsItsSecret() {
    DealtKey dealt = deal(2, 3, 1);
    KeyShare share = dealt.shares().get(0);
    String hex = java.util.HexFormat.of().formatHex(share.toBytes(SecretAccess.get()));
    assertFalse(share.toString().contains(hex.substring(0, 12)));
    assertFalse(dealt.toString().contains(hex.substring(0, 12)));
  }

  static Stream<Long> largeSeeds() {
    return Stream.iterate(0L, s -> s + 1).limit(LONG ? 10 : 1);
  }

  /** The paper's largest group: n = 800 with k = 267 (f/n = 1/3). */
  @ParameterizedTest(name = "seed={0}")
  @MethodSource("largeSeeds")
  void largestGroup_combinesAndBlamesEachBadShare(long seed) {
    int k = 267;
    int n = 800;
    DealtKey dealt = deal(k, n, seed);
    byte[] message = {8, 0, 0};
    List<PartialSignature> all = signAll(dealt, message);
    Random random = new Random(seed);
    var clean =
        assertInstanceOf(
            CombineResult.Combined.class,
            combiner(seed)
                .combine(dealt.publicKey(), DOMAIN, message, randomSubset(all, k, random)));
    List<PartialSignature> offered = randomSubset(all, k + 3, random);
    Set<ShareIndex> bad = corrupt(offered, 3, dealt, message, random);
    var recovered =
        assertInstanceOf(
            CombineResult.Combined.class,
            combiner(seed).combine(dealt.publicKey(), DOMAIN, message, offered));
    assertEquals(bad, new HashSet<>(recovered.blamed()), "seed " + seed);
    assertEquals(clean.signature(), recovered.signature());
  }
}
