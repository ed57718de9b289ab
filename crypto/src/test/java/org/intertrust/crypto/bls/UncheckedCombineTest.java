package org.intertrust.crypto.bls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;
import org.intertrust.crypto.bls.ThresholdDealer.DealtKey;
import org.intertrust.crypto.encoding.SigningDomain;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The collector's fast path (ADR 0007) and the paper-faithful reference combiner. */
class UncheckedCombineTest {
  private static final SigningDomain DOMAIN = SigningDomain.BENCHMARK;
  private static final byte[] MESSAGE = "round 7 proposal".getBytes(StandardCharsets.UTF_8);
  private static final BigInteger P =
      new BigInteger(
          "1a0111ea397fe69a4b1ba7b6434bacd764774b84f38512bf6730d2a0f6b0f6241eabfffeb153ffffb9feffffffffaaab",
          16);

  private static List<UncheckedPartialSignature> unchecked(DealtKey key, int from, int to)
      throws BlsDecodingException {
    List<UncheckedPartialSignature> shares = new ArrayList<>();
    for (KeyShare share : key.shares().subList(from, to)) {
      byte[] wire = UncheckedPartialSignature.encode(share.signPartial(DOMAIN, MESSAGE));
      shares.add(UncheckedPartialSignature.fromBytes(wire));
    }
    return shares;
  }

  private static List<PartialSignature> checked(DealtKey key, int from, int to) {
    List<PartialSignature> shares = new ArrayList<>();
    for (KeyShare share : key.shares().subList(from, to)) {
      shares.add(share.signPartial(DOMAIN, MESSAGE));
    }
    return shares;
  }

  /** An on-curve G1 point outside the prime-order subgroup, as uncompressed bytes. */
  private static byte[] pointOutsideSubgroup(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    for (BigInteger x = new BigInteger(380, new Random(seed)).mod(P); ; x = x.add(BigInteger.ONE)) {
      BigInteger rhs = x.pow(3).add(BigInteger.valueOf(4)).mod(P);
      BigInteger y = rhs.modPow(P.add(BigInteger.ONE).shiftRight(2), P);
      if (y.multiply(y).mod(P).equals(rhs) && random.nextBoolean()) {
        byte[] out = new byte[96];
        writeBigEndian(x, out, 0);
        writeBigEndian(y, out, 48);
        return out;
      }
    }
  }

  private static void writeBigEndian(BigInteger value, byte[] out, int offset) {
    byte[] bytes = value.toByteArray();
    int length = Math.min(bytes.length, 48);
    System.arraycopy(bytes, bytes.length - length, out, offset + 48 - length, length);
  }

  private static UncheckedPartialSignature withPoint(ShareIndex index, byte[] point)
      throws BlsDecodingException {
    byte[] wire = new byte[UncheckedPartialSignature.BYTES];
    wire[0] = (byte) (index.value() >>> 8);
    wire[1] = (byte) index.value();
    System.arraycopy(point, 0, wire, 2, 96);
    return UncheckedPartialSignature.fromBytes(wire);
  }

  @ParameterizedTest(name = "seed={0}")
  @ValueSource(longs = {1, 2, 3})
  void honestShares_combineOnTheFastPath_toTheCheckedPathsSignature(long seed) throws Exception {
    DealtKey key = ThresholdDealer.dealRandom(5, 12, new Random(seed));
    ThresholdCombiner combiner = new ThresholdCombiner(new SplittableRandom(seed));
    CombineResult fast =
        combiner.combineUnchecked(key.publicKey(), DOMAIN, MESSAGE, unchecked(key, 3, 9));
    CombineResult checked = combiner.combine(key.publicKey(), DOMAIN, MESSAGE, checked(key, 0, 5));
    CombineResult.Combined combined = assertInstanceOf(CombineResult.Combined.class, fast);
    assertEquals(((CombineResult.Combined) checked).signature(), combined.signature());
    assertEquals(List.of(), combined.blamed());
    assertEquals(4, combined.signers().get(0).value());
  }

  @ParameterizedTest(name = "seed={0}")
  @ValueSource(longs = {1, 2, 3})
  void shareOutsideTheSubgroup_isBlamed_andTheOthersCombine(long seed) throws Exception {
    DealtKey key = ThresholdDealer.dealRandom(4, 10, new Random(seed));
    List<UncheckedPartialSignature> shares = unchecked(key, 0, 7);
    UncheckedPartialSignature forged = withPoint(ShareIndex.of(2), pointOutsideSubgroup(seed));
    assertThrows(BlsDecodingException.class, forged::check);
    shares.set(1, forged);
    CombineResult result =
        new ThresholdCombiner(new SplittableRandom(seed))
            .combineUnchecked(key.publicKey(), DOMAIN, MESSAGE, shares);
    CombineResult.Combined combined = assertInstanceOf(CombineResult.Combined.class, result);
    assertEquals(List.of(ShareIndex.of(2)), combined.blamed());
    assertTrue(Bls.verify(key.publicKey().groupKey(), DOMAIN, MESSAGE, combined.signature()));
  }

  @ParameterizedTest(name = "seed={0}")
  @ValueSource(longs = {1, 2})
  void shareOnAnotherMessage_isBlamed_andTooFewGoodSharesFail(long seed) throws Exception {
    DealtKey key = ThresholdDealer.dealRandom(3, 7, new Random(seed));
    List<UncheckedPartialSignature> shares = unchecked(key, 0, 3);
    byte[] other = "another proposal".getBytes(StandardCharsets.UTF_8);
    PartialSignature bad = key.shares().get(1).signPartial(DOMAIN, other);
    shares.set(1, UncheckedPartialSignature.fromBytes(UncheckedPartialSignature.encode(bad)));
    CombineResult result =
        new ThresholdCombiner(new SplittableRandom(seed))
            .combineUnchecked(key.publicKey(), DOMAIN, MESSAGE, shares);
    CombineResult.Failed failed = assertInstanceOf(CombineResult.Failed.class, result);
    assertEquals(List.of(ShareIndex.of(2)), failed.blamed());
  }

  @ParameterizedTest(name = "seed={0}")
  @ValueSource(longs = {1, 2})
  void decoding_rejectsPointsOffTheCurve_infinity_andWrongLengths(long seed) throws Exception {
    DealtKey key = ThresholdDealer.dealRandom(2, 3, new Random(seed));
    byte[] wire =
        UncheckedPartialSignature.encode(key.shares().get(0).signPartial(DOMAIN, MESSAGE));
    byte[] offCurve = wire.clone();
    offCurve[UncheckedPartialSignature.BYTES - 1] ^= 1;
    assertThrows(BlsDecodingException.class, () -> UncheckedPartialSignature.fromBytes(offCurve));
    byte[] infinity = new byte[UncheckedPartialSignature.BYTES];
    infinity[1] = 1;
    infinity[2] = 0x40;
    assertThrows(BlsDecodingException.class, () -> UncheckedPartialSignature.fromBytes(infinity));
    assertThrows(
        BlsDecodingException.class,
        () -> UncheckedPartialSignature.fromBytes(java.util.Arrays.copyOf(wire, 50)));
    assertEquals(
        key.shares().get(0).signPartial(DOMAIN, MESSAGE),
        UncheckedPartialSignature.fromBytes(wire).check());
  }

  @ParameterizedTest(name = "seed={0}")
  @ValueSource(longs = {1, 2})
  void signingAPrehashedMessage_givesTheSameShare_andAnotherMessageDoesNot(long seed) {
    DealtKey key = ThresholdDealer.dealRandom(2, 3, new Random(seed));
    HashedMessage hashed = HashedMessage.of(DOMAIN, MESSAGE);
    KeyShare share = key.shares().get(2);
    assertEquals(share.signPartial(DOMAIN, MESSAGE), share.signPartial(hashed));
    HashedMessage other = HashedMessage.of(SigningDomain.CONSENSUS_COMMIT, MESSAGE);
    assertFalse(share.signPartial(hashed).equals(share.signPartial(other)));
  }

  @ParameterizedTest(name = "seed={0}")
  @ValueSource(longs = {1, 2, 3})
  void referenceCombiner_givesTheSameSignature_shareByShare(long seed) {
    DealtKey key = ThresholdDealer.dealRandom(6, 11, new Random(seed));
    List<PartialSignature> shares = checked(key, 4, 10);
    BlsSignature reference = ReferenceCombiner.interpolateOneByOne(shares);
    assertEquals(ThresholdCombiner.interpolate(shares), reference);
    assertTrue(ReferenceCombiner.verifyCombined(key.publicKey(), DOMAIN, MESSAGE, reference));
    List<PartialSignature> tooFew = shares.subList(0, 5);
    assertFalse(
        ReferenceCombiner.verifyCombined(
            key.publicKey(), DOMAIN, MESSAGE, ReferenceCombiner.interpolateOneByOne(tooFew)));
  }
}
