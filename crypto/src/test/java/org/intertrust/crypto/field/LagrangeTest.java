package org.intertrust.crypto.field;

import static org.intertrust.crypto.field.FieldTestValues.R;
import static org.intertrust.crypto.field.FieldTestValues.element;
import static org.intertrust.crypto.field.FieldTestValues.randomValue;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class LagrangeTest {
  private static final int MAX_PARTIES = 800;

  static Stream<Arguments> seedsAndThresholds() {
    return FieldTestValues.seeds()
        .boxed()
        .flatMap(seed -> IntStream.of(1, 2, 3, 17, 267).mapToObj(k -> Arguments.of(seed, k)));
  }

  static Stream<Long> seeds() {
    return FieldTestValues.seeds().boxed();
  }

  @ParameterizedTest
  @MethodSource("seedsAndThresholds")
  void coefficientsAtZero_interpolateRandomPolynomialToItsConstantTerm(long seed, int k) {
    Random random = new Random(seed * 1_000 + k);
    long[][] coefficients = new long[k][];
    for (int i = 0; i < k; i++) {
      coefficients[i] = element(randomValue(random));
    }
    Polynomial polynomial = Polynomial.of(coefficients);
    int n = k + random.nextInt(MAX_PARTIES - k + 1);
    int[] indices = randomSubset(random, n, k);

    long[][] lambdas = Lagrange.coefficientsAtZero(indices);

    long[] sum = Fr.zero();
    long[] term = new long[4];
    for (int i = 0; i < k; i++) {
      Fr.mul(lambdas[i], polynomial.evaluate(indices[i]), term);
      Fr.add(sum, term, sum);
    }
    assertArrayEquals(
        coefficients[0],
        sum,
        "seed=" + seed + " k=" + k + " n=" + n + " indices=" + Arrays.toString(indices));
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void coefficientsAtZero_matchBigIntegerFormulaAcrossWholeIndexRange(long seed) {
    Random random = new Random(seed);
    int k = 1 + random.nextInt(40);
    int[] indices = randomSubset(random, Lagrange.MAX_INDEX, k);
    long[][] lambdas = Lagrange.coefficientsAtZero(indices);
    for (int i = 0; i < k; i++) {
      assertEquals(
          referenceLambda(indices, i),
          Fr.toBigInteger(lambdas[i]),
          "seed=" + seed + " i=" + i + " indices=" + Arrays.toString(indices));
    }
  }

  @Test
  void coefficientsAtZero_forTwoSharesAtOneAndTwo() {
    long[][] lambdas = Lagrange.coefficientsAtZero(new int[] {1, 2});
    assertEquals(BigInteger.TWO, Fr.toBigInteger(lambdas[0]));
    assertEquals(R.subtract(BigInteger.ONE), Fr.toBigInteger(lambdas[1]));
  }

  @Test
  void coefficientsAtZero_forSingleShareIsOne() {
    assertArrayEquals(Fr.one(), Lagrange.coefficientsAtZero(new int[] {65535})[0]);
    assertArrayEquals(Fr.one(), Lagrange.coefficientsAtZero(new int[] {1})[0]);
  }

  @Test
  void coefficientsAtZero_forLargestIndicesMatchBigIntegerFormula() {
    int[] indices = {65535, 1, 65534, 32768, 2, 40000, 65533};
    long[][] lambdas = Lagrange.coefficientsAtZero(indices);
    for (int i = 0; i < indices.length; i++) {
      assertEquals(referenceLambda(indices, i), Fr.toBigInteger(lambdas[i]), "i=" + i);
    }
  }

  @Test
  void coefficientsAtZero_leavesInputOrderUntouched() {
    int[] indices = {9, 3, 7};
    Lagrange.coefficientsAtZero(indices);
    assertArrayEquals(new int[] {9, 3, 7}, indices);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void coefficientsAtZeroLE_writesEachCoefficientEncodingContiguously(long seed) {
    Random random = new Random(seed);
    int k = 1 + random.nextInt(30);
    int[] indices = randomSubset(random, MAX_PARTIES, k);
    byte[] out = new byte[Fr.BYTES * k];
    Lagrange.coefficientsAtZeroLE(indices, out);
    long[][] lambdas = Lagrange.coefficientsAtZero(indices);
    for (int i = 0; i < k; i++) {
      assertArrayEquals(
          Fr.toBytesLE(lambdas[i]),
          Arrays.copyOfRange(out, Fr.BYTES * i, Fr.BYTES * (i + 1)),
          "seed=" + seed + " i=" + i);
    }
  }

  @Test
  void coefficientsAtZeroLE_rejectsWrongBufferLength() {
    int[] indices = {1, 2, 3};
    assertThrows(
        IllegalArgumentException.class, () -> Lagrange.coefficientsAtZeroLE(indices, new byte[95]));
    assertThrows(
        IllegalArgumentException.class,
        () -> Lagrange.coefficientsAtZeroLE(indices, new byte[128]));
  }

  @Test
  void coefficientsAtZero_rejectsDuplicateIndexNamingIt() {
    assertRejected(new int[] {4, 8, 15, 8}, "duplicate share index 8");
  }

  @Test
  void coefficientsAtZero_rejectsZeroIndex() {
    assertRejected(new int[] {1, 0, 2}, "got 0 at position 1");
  }

  @Test
  void coefficientsAtZero_rejectsNegativeIndex() {
    assertRejected(new int[] {-5, 1}, "got -5 at position 0");
  }

  @Test
  void coefficientsAtZero_rejectsIndexAboveMaximum() {
    assertRejected(new int[] {1, 65536}, "got 65536 at position 1");
  }

  @Test
  void coefficientsAtZero_rejectsEmptyIndices() {
    assertRejected(new int[0], "at least one share index");
  }

  private static void assertRejected(int[] indices, String expectedMessagePart) {
    IllegalArgumentException thrown =
        assertThrows(IllegalArgumentException.class, () -> Lagrange.coefficientsAtZero(indices));
    assertTrue(thrown.getMessage().contains(expectedMessagePart), thrown.getMessage());
  }

  private static BigInteger referenceLambda(int[] indices, int i) {
    BigInteger numerator = BigInteger.ONE;
    BigInteger denominator = BigInteger.ONE;
    for (int j = 0; j < indices.length; j++) {
      if (j != i) {
        numerator = numerator.multiply(BigInteger.valueOf(indices[j]));
        denominator = denominator.multiply(BigInteger.valueOf(indices[j] - indices[i]));
      }
    }
    return numerator.multiply(denominator.modInverse(R)).mod(R);
  }

  /** A uniformly random k-subset of {@code 1..n}, in random order. */
  private static int[] randomSubset(Random random, int n, int k) {
    int[] all = IntStream.rangeClosed(1, n).toArray();
    for (int i = 0; i < k; i++) {
      int j = i + random.nextInt(n - i);
      int swap = all[i];
      all[i] = all[j];
      all[j] = swap;
    }
    return Arrays.copyOf(all, k);
  }
}
