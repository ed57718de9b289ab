package org.intertrust.crypto.field;

import static org.intertrust.crypto.field.FieldTestValues.R;
import static org.intertrust.crypto.field.FieldTestValues.element;
import static org.intertrust.crypto.field.FieldTestValues.randomNonZero;
import static org.intertrust.crypto.field.FieldTestValues.randomSmallFactor;
import static org.intertrust.crypto.field.FieldTestValues.randomValue;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.Random;
import java.util.function.BinaryOperator;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class FrTest {
  private static final int ITERATIONS = 200;

  /** An in-place binary operation as Fr exposes it. */
  private interface FieldOperation {
    void apply(long[] a, long[] b, long[] out);
  }

  static LongStream seeds() {
    return FieldTestValues.seeds();
  }

  @Test
  void modulus_isTheBls12381GroupOrder() {
    assertEquals(255, R.bitLength());
    assertTrue(R.isProbablePrime(64));
  }

  @Test
  void one_isMontgomeryFormOfOne() {
    long[] one = Fr.one();
    assertEquals(BigInteger.ONE, Fr.toBigInteger(one));
    assertEquals(BigInteger.ONE.shiftLeft(256).mod(R), limbsAsInteger(one));
    assertTrue(Fr.isZero(Fr.zero()));
    assertFalse(Fr.isZero(one));
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void mul_matchesBigIntegerIncludingAliasedOutput(long seed) {
    checkBinary(seed, Fr::mul, BigInteger::multiply);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void add_matchesBigIntegerIncludingAliasedOutput(long seed) {
    checkBinary(seed, Fr::add, BigInteger::add);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void sub_matchesBigIntegerIncludingAliasedOutput(long seed) {
    checkBinary(seed, Fr::sub, BigInteger::subtract);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void squareAndNeg_matchBigInteger(long seed) {
    Random random = new Random(seed);
    for (int i = 0; i < ITERATIONS; i++) {
      BigInteger a = randomValue(random);
      long[] out = new long[4];
      Fr.square(element(a), out);
      assertEquals(a.multiply(a).mod(R), Fr.toBigInteger(out), message(seed, a));
      long[] negated = element(a);
      Fr.neg(negated, negated);
      assertEquals(a.negate().mod(R), Fr.toBigInteger(negated), message(seed, a));
      assertTrue(Fr.isCanonical(negated), message(seed, a));
    }
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void mulSmall_matchesBigIntegerForSignedFactors(long seed) {
    Random random = new Random(seed);
    for (int i = 0; i < ITERATIONS; i++) {
      BigInteger a = randomValue(random);
      long factor = randomSmallFactor(random);
      long[] out = element(a);
      Fr.mulSmall(out, factor, out);
      String message = message(seed, a) + " factor=" + factor;
      assertEquals(a.multiply(BigInteger.valueOf(factor)).mod(R), Fr.toBigInteger(out), message);
      assertTrue(Fr.isCanonical(out), message);
    }
  }

  @Test
  void mulSmall_handlesExtremeFactorsOnLargestElement() {
    BigInteger largest = R.subtract(BigInteger.ONE);
    for (long factor : new long[] {Fr.SMALL_FACTOR_LIMIT - 1, 1 - Fr.SMALL_FACTOR_LIMIT, 0}) {
      long[] out = new long[4];
      Fr.mulSmall(element(largest), factor, out);
      assertEquals(largest.multiply(BigInteger.valueOf(factor)).mod(R), Fr.toBigInteger(out));
    }
  }

  @Test
  void mulSmall_rejectsFactorsOfMagnitudeTwoToThe62() {
    long[] one = Fr.one();
    assertThrows(
        IllegalArgumentException.class, () -> Fr.mulSmall(one, Fr.SMALL_FACTOR_LIMIT, one));
    assertThrows(
        IllegalArgumentException.class, () -> Fr.mulSmall(one, -Fr.SMALL_FACTOR_LIMIT, one));
    assertThrows(IllegalArgumentException.class, () -> Fr.mulSmall(one, Long.MIN_VALUE, one));
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void fromLong_reducesSignedValues(long seed) {
    Random random = new Random(seed);
    long[] fixed = {0, 1, -1, Long.MAX_VALUE, Long.MIN_VALUE, seed, -seed};
    for (int i = 0; i < ITERATIONS + fixed.length; i++) {
      long value = i < fixed.length ? fixed[i] : random.nextLong() >> random.nextInt(64);
      assertEquals(
          BigInteger.valueOf(value).mod(R),
          Fr.toBigInteger(Fr.fromLong(value)),
          "seed=" + seed + " value=" + value);
    }
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void fromBigInteger_reducesNegativeAndOversizedValues(long seed) {
    Random random = new Random(seed);
    for (int i = 0; i < ITERATIONS; i++) {
      BigInteger value = new BigInteger(1 + random.nextInt(600), random);
      value = random.nextBoolean() ? value.negate() : value;
      long[] element = Fr.fromBigInteger(value);
      assertEquals(value.mod(R), Fr.toBigInteger(element), "seed=" + seed + " value=" + value);
      assertTrue(Fr.isCanonical(element), "seed=" + seed + " value=" + value);
    }
  }

  @Test
  void fromBigInteger_mapsModulusMultiplesToZero() {
    assertTrue(Fr.isZero(Fr.fromBigInteger(R)));
    assertTrue(Fr.isZero(Fr.fromBigInteger(R.negate().shiftLeft(3))));
    assertEquals(
        R.subtract(BigInteger.ONE), Fr.toBigInteger(Fr.fromBigInteger(BigInteger.ONE.negate())));
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void equalsAndIsZero_agreeWithValues(long seed) {
    Random random = new Random(seed);
    for (int i = 0; i < ITERATIONS; i++) {
      BigInteger a = randomValue(random);
      BigInteger b = random.nextInt(4) == 0 ? a : randomValue(random);
      assertEquals(a.equals(b), Fr.equals(element(a), element(b)), message(seed, a, b));
      assertEquals(a.signum() == 0, Fr.isZero(element(a)), message(seed, a));
    }
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void inverse_matchesModInverse(long seed) {
    Random random = new Random(seed);
    for (int i = 0; i < ITERATIONS / 10; i++) {
      BigInteger a = randomNonZero(random);
      assertEquals(a.modInverse(R), Fr.toBigInteger(Fr.inverse(element(a))), message(seed, a));
    }
  }

  @Test
  void inverse_rejectsZero() {
    assertThrows(ArithmeticException.class, () -> Fr.inverse(Fr.zero()));
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void batchInverse_equalsElementwiseInverse(long seed) {
    Random random = new Random(seed);
    int n = random.nextInt(40);
    long[][] values = new long[n][];
    long[][] expected = new long[n][];
    for (int i = 0; i < n; i++) {
      values[i] = element(randomNonZero(random));
      expected[i] = Fr.inverse(values[i]);
    }
    Fr.batchInverse(values);
    for (int i = 0; i < n; i++) {
      assertArrayEquals(expected[i], values[i], "seed=" + seed + " n=" + n + " index=" + i);
    }
  }

  @Test
  void batchInverse_rejectsZeroNamingIndexAndLeavesValuesUnchanged() {
    long[][] values = {Fr.fromLong(2), Fr.fromLong(3), Fr.fromLong(5), Fr.zero(), Fr.fromLong(7)};
    long[] firstBefore = values[0].clone();
    ArithmeticException thrown =
        assertThrows(ArithmeticException.class, () -> Fr.batchInverse(values));
    assertTrue(thrown.getMessage().contains("index 3"), thrown.getMessage());
    assertArrayEquals(firstBefore, values[0]);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void batchInverseTimes_dividesScaleByEachValue(long seed) {
    Random random = new Random(seed);
    int n = 1 + random.nextInt(20);
    BigInteger scale = randomValue(random);
    BigInteger[] originals = new BigInteger[n];
    long[][] values = new long[n][];
    for (int i = 0; i < n; i++) {
      originals[i] = randomNonZero(random);
      values[i] = element(originals[i]);
    }
    Fr.batchInverseTimes(values, element(scale));
    for (int i = 0; i < n; i++) {
      assertEquals(
          scale.multiply(originals[i].modInverse(R)).mod(R),
          Fr.toBigInteger(values[i]),
          "seed=" + seed + " index=" + i);
    }
  }

  @Test
  void batchInverse_acceptsEmptyAndSingleton() {
    Fr.batchInverse(new long[0][]);
    long[][] single = {Fr.fromLong(-4)};
    Fr.batchInverse(single);
    assertEquals(BigInteger.valueOf(-4).modInverse(R), Fr.toBigInteger(single[0]));
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void encodings_areCanonicalIntegersAndRoundTrip(long seed) {
    Random random = new Random(seed);
    for (int i = 0; i < ITERATIONS; i++) {
      BigInteger a = randomValue(random);
      byte[] bigEndian = bigEndian32(a);
      byte[] littleEndian = reversed(bigEndian);
      long[] element = element(a);
      assertArrayEquals(bigEndian, Fr.toBytesBE(element), message(seed, a));
      assertArrayEquals(littleEndian, Fr.toBytesLE(element), message(seed, a));
      assertArrayEquals(element, Fr.fromBytesBE(bigEndian), message(seed, a));
      assertArrayEquals(element, Fr.fromBytesLE(littleEndian), message(seed, a));
    }
  }

  @Test
  void fromBytes_rejectsModulusAndLarger() {
    BigInteger[] invalid = {
      R, R.add(BigInteger.ONE), BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE)
    };
    for (BigInteger value : invalid) {
      byte[] bigEndian = bigEndian32(value);
      assertThrows(
          IllegalArgumentException.class, () -> Fr.fromBytesBE(bigEndian), value.toString(16));
      assertThrows(
          IllegalArgumentException.class,
          () -> Fr.fromBytesLE(reversed(bigEndian)),
          value.toString(16));
    }
  }

  @Test
  void fromBytes_rejectsWrongLength() {
    assertThrows(IllegalArgumentException.class, () -> Fr.fromBytesLE(new byte[31]));
    assertThrows(IllegalArgumentException.class, () -> Fr.fromBytesBE(new byte[33]));
    assertThrows(IllegalArgumentException.class, () -> Fr.fromBytesLE(new byte[0]));
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void toBytesLE_withOffset_writesOnlyItsSlotOfAContiguousBuffer(long seed) {
    Random random = new Random(seed);
    int count = 1 + random.nextInt(10);
    byte[] buffer = new byte[Fr.BYTES * count + 3];
    buffer[buffer.length - 1] = 0x5a;
    BigInteger[] values = new BigInteger[count];
    for (int i = 0; i < count; i++) {
      values[i] = randomValue(random);
      Fr.toBytesLE(element(values[i]), buffer, 1 + Fr.BYTES * i);
    }
    assertEquals(0, buffer[0], "seed=" + seed);
    assertEquals(0x5a, buffer[buffer.length - 1], "seed=" + seed);
    for (int i = 0; i < count; i++) {
      byte[] slot = new byte[Fr.BYTES];
      System.arraycopy(buffer, 1 + Fr.BYTES * i, slot, 0, Fr.BYTES);
      assertArrayEquals(reversed(bigEndian32(values[i])), slot, message(seed, values[i]));
    }
  }

  @Test
  void toBytesLE_withOffset_rejectsOutOfBoundsWithoutWriting() {
    byte[] buffer = new byte[40];
    long[] one = Fr.one();
    assertThrows(IndexOutOfBoundsException.class, () -> Fr.toBytesLE(one, buffer, 9));
    assertThrows(IndexOutOfBoundsException.class, () -> Fr.toBytesLE(one, buffer, -1));
    assertArrayEquals(new byte[40], buffer);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void fromWideBytesReduced_matchesBigIntegerModulo(long seed) {
    Random random = new Random(seed);
    for (int length : new int[] {0, 1, 31, 32, 33, 48, 64, 100}) {
      byte[] bytes = new byte[length];
      random.nextBytes(bytes);
      if (length > 0 && random.nextBoolean()) {
        bytes[0] = (byte) 0xff;
      }
      assertEquals(
          new BigInteger(1, bytes).mod(R),
          Fr.toBigInteger(Fr.fromWideBytesReduced(bytes)),
          "seed=" + seed + " length=" + length);
    }
  }

  private static void checkBinary(
      long seed, FieldOperation operation, BinaryOperator<BigInteger> reference) {
    Random random = new Random(seed);
    for (int i = 0; i < ITERATIONS; i++) {
      BigInteger a = randomValue(random);
      BigInteger b = randomValue(random);
      BigInteger expected = reference.apply(a, b).mod(R);
      String message = message(seed, a, b);
      long[] out = new long[4];
      operation.apply(element(a), element(b), out);
      assertEquals(expected, Fr.toBigInteger(out), message);
      assertTrue(Fr.isCanonical(out), message);
      long[] left = element(a);
      operation.apply(left, element(b), left);
      assertEquals(expected, Fr.toBigInteger(left), message + " (out aliases a)");
      long[] right = element(b);
      operation.apply(element(a), right, right);
      assertEquals(expected, Fr.toBigInteger(right), message + " (out aliases b)");
      long[] both = element(a);
      operation.apply(both, both, both);
      assertEquals(reference.apply(a, a).mod(R), Fr.toBigInteger(both), message + " (all alias)");
    }
  }

  private static BigInteger limbsAsInteger(long[] limbs) {
    BigInteger value = BigInteger.ZERO;
    for (int i = limbs.length - 1; i >= 0; i--) {
      value = value.shiftLeft(64).add(new BigInteger(Long.toUnsignedString(limbs[i])));
    }
    return value;
  }

  private static byte[] bigEndian32(BigInteger value) {
    byte[] raw = value.toByteArray();
    byte[] fixed = new byte[Fr.BYTES];
    int length = Math.min(raw.length, Fr.BYTES);
    System.arraycopy(raw, raw.length - length, fixed, Fr.BYTES - length, length);
    return fixed;
  }

  private static byte[] reversed(byte[] bytes) {
    byte[] out = new byte[bytes.length];
    for (int i = 0; i < bytes.length; i++) {
      out[i] = bytes[bytes.length - 1 - i];
    }
    return out;
  }

  private static String message(long seed, BigInteger... operands) {
    StringBuilder text = new StringBuilder("seed=").append(seed);
    for (BigInteger operand : operands) {
      text.append(" operand=0x").append(operand.toString(16));
    }
    return text.toString();
  }
}
