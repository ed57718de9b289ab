package org.intertrust.crypto.field;

import java.math.BigInteger;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;

/** Seeds and random field values, biased towards edge cases, for the field tests. */
final class FieldTestValues {
  static final BigInteger R = Fr.MODULUS;
  static final BigInteger TWO_TO_64 = BigInteger.ONE.shiftLeft(64);

  /** Canonical integers in {@code [0, r)} that stress carries, borrows and reductions. */
  static final List<BigInteger> EDGE_VALUES =
      List.of(
          BigInteger.ZERO,
          BigInteger.ONE,
          BigInteger.TWO,
          R.subtract(BigInteger.ONE),
          R.subtract(BigInteger.TWO),
          R.subtract(TWO_TO_64),
          R.shiftRight(1),
          R.shiftRight(1).add(BigInteger.ONE),
          BigInteger.ONE.shiftLeft(254),
          BigInteger.ONE.shiftLeft(254).subtract(BigInteger.ONE),
          BigInteger.ONE.shiftLeft(255).mod(R),
          BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE).mod(R),
          BigInteger.ONE.shiftLeft(192),
          BigInteger.ONE.shiftLeft(192).subtract(BigInteger.ONE),
          BigInteger.ONE.shiftLeft(128).subtract(BigInteger.ONE),
          TWO_TO_64.subtract(BigInteger.ONE),
          BigInteger.ONE.shiftLeft(256).mod(R),
          BigInteger.ONE.shiftLeft(256).modInverse(R),
          R.shiftRight(192)
              .subtract(BigInteger.ONE)
              .shiftLeft(192)
              .add(BigInteger.ONE.shiftLeft(192).subtract(BigInteger.ONE)));

  private FieldTestValues() {}

  /** Seeds for parameterized tests; a failing seed reproduces its run exactly. */
  static LongStream seeds() {
    return LongStream.rangeClosed(1, 64);
  }

  /** A value in {@code [0, r)}: an edge value, a random limb pattern, or a uniform-ish value. */
  static BigInteger randomValue(Random random) {
    int kind = random.nextInt(8);
    if (kind == 0) {
      return EDGE_VALUES.get(random.nextInt(EDGE_VALUES.size()));
    }
    if (kind == 1) {
      return limbPattern(random).mod(R);
    }
    return new BigInteger(256, random).mod(R);
  }

  /** Returns a non-zero random value. */
  static BigInteger randomNonZero(Random random) {
    BigInteger value = randomValue(random);
    return value.signum() == 0 ? BigInteger.ONE : value;
  }

  /** A small factor for {@link Fr#mulSmall}: any signed magnitude below {@code 2^62}. */
  static long randomSmallFactor(Random random) {
    switch (random.nextInt(6)) {
      case 0:
        return (random.nextBoolean() ? 1 : -1) * (Fr.SMALL_FACTOR_LIMIT - 1);
      case 1:
        return random.nextInt(5) - 2;
      default:
        long magnitude = random.nextLong() >>> (2 + random.nextInt(62));
        return random.nextBoolean() ? magnitude : -magnitude;
    }
  }

  /** An element of Fr built through BigInteger, independent of the code under test's encoders. */
  static long[] element(BigInteger value) {
    return Fr.fromBigInteger(value);
  }

  private static BigInteger limbPattern(Random random) {
    long[] choices = {0L, -1L, Long.MIN_VALUE, Long.MAX_VALUE, 1L, random.nextLong()};
    BigInteger value = BigInteger.ZERO;
    for (int limb = 0; limb < 4; limb++) {
      long word = choices[random.nextInt(choices.length)];
      value = value.or(new BigInteger(Long.toUnsignedString(word)).shiftLeft(64 * limb));
    }
    return value;
  }
}
