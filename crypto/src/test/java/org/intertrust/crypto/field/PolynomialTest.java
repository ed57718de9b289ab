package org.intertrust.crypto.field;

import static org.intertrust.crypto.field.FieldTestValues.R;
import static org.intertrust.crypto.field.FieldTestValues.element;
import static org.intertrust.crypto.field.FieldTestValues.randomValue;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class PolynomialTest {
  static LongStream seeds() {
    return FieldTestValues.seeds();
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void evaluate_matchesBigIntegerHorner(long seed) {
    Random random = new Random(seed);
    BigInteger[] coefficients = randomCoefficients(random, 1 + random.nextInt(300));
    Polynomial polynomial = Polynomial.of(elements(coefficients));
    int[] points = {0, 1, -1, Integer.MAX_VALUE, Integer.MIN_VALUE, random.nextInt()};
    for (int x : points) {
      assertEquals(
          reference(coefficients, x),
          Fr.toBigInteger(polynomial.evaluate(x)),
          "seed=" + seed + " x=" + x + " degree=" + polynomial.degree());
    }
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void evaluateAll_equalsEvaluateAtOneThroughN(long seed) {
    Random random = new Random(seed);
    Polynomial polynomial =
        Polynomial.of(elements(randomCoefficients(random, 1 + random.nextInt(50))));
    int n = random.nextInt(100);
    long[][] values = polynomial.evaluateAll(n);
    assertEquals(n, values.length, "seed=" + seed);
    for (int x = 1; x <= n; x++) {
      assertArrayEquals(polynomial.evaluate(x), values[x - 1], "seed=" + seed + " x=" + x);
    }
  }

  @Test
  void evaluate_atZeroReturnsConstantTermAsFreshArray() {
    long[] secret = Fr.fromLong(42);
    Polynomial polynomial = Polynomial.of(new long[][] {secret, Fr.fromLong(7)});
    long[] atZero = polynomial.evaluate(0);
    assertArrayEquals(secret, atZero);
    atZero[0] ^= 1;
    assertArrayEquals(secret, polynomial.evaluate(0));
  }

  @Test
  void of_copiesCoefficientsSoLaterChangesToInputHaveNoEffect() {
    long[][] coefficients = {Fr.fromLong(3), Fr.fromLong(5)};
    Polynomial polynomial = Polynomial.of(coefficients);
    coefficients[1] = Fr.fromLong(100);
    Fr.add(coefficients[0], coefficients[0], coefficients[0]);
    assertEquals(BigInteger.valueOf(13), Fr.toBigInteger(polynomial.evaluate(2)));
  }

  @Test
  void degree_isCoefficientCountMinusOne() {
    assertEquals(0, Polynomial.of(new long[][] {Fr.one()}).degree());
    assertEquals(266, Polynomial.of(new long[267][4]).degree());
  }

  @Test
  void of_rejectsEmptyCoefficients() {
    assertThrows(IllegalArgumentException.class, () -> Polynomial.of(new long[0][]));
  }

  @Test
  void of_rejectsCoefficientThatIsNotAReducedElement() {
    long[] modulusLimbs = {
      0xffffffff00000001L, 0x53bda402fffe5bfeL, 0x3339d80809a1d805L, 0x73eda753299d7d48L
    };
    IllegalArgumentException thrown =
        assertThrows(
            IllegalArgumentException.class,
            () -> Polynomial.of(new long[][] {Fr.one(), modulusLimbs}));
    assertTrue(thrown.getMessage().contains("coefficient 1"), thrown.getMessage());
    assertThrows(IllegalArgumentException.class, () -> Polynomial.of(new long[][] {new long[3]}));
  }

  @Test
  void evaluateAll_rejectsNegativeCount() {
    Polynomial polynomial = Polynomial.of(new long[][] {Fr.one()});
    assertThrows(IllegalArgumentException.class, () -> polynomial.evaluateAll(-1));
  }

  @Test
  void destroy_preventsFurtherEvaluation() {
    Polynomial polynomial = Polynomial.of(new long[][] {Fr.fromLong(9), Fr.fromLong(4)});
    assertFalse(polynomial.isDestroyed());
    polynomial.destroy();
    polynomial.destroy();
    assertTrue(polynomial.isDestroyed());
    assertThrows(IllegalStateException.class, () -> polynomial.evaluate(1));
    assertThrows(IllegalStateException.class, () -> polynomial.evaluateAll(3));
  }

  @Test
  void toString_showsDegreeButNoCoefficient() {
    BigInteger secret = new BigInteger("1234567890123456789012345678901234567890");
    long[] coefficient = Fr.fromBigInteger(secret);
    Polynomial polynomial = Polynomial.of(new long[][] {coefficient, Fr.fromLong(77)});
    String text = polynomial.toString();
    assertEquals("Polynomial[degree=1]", text);
    for (long limb : coefficient) {
      assertFalse(text.contains(Long.toString(limb)), text);
      assertFalse(text.contains(Long.toHexString(limb)), text);
    }
    polynomial.destroy();
    assertEquals("Polynomial[degree=1, destroyed]", polynomial.toString());
  }

  private static BigInteger[] randomCoefficients(Random random, int count) {
    BigInteger[] coefficients = new BigInteger[count];
    for (int i = 0; i < count; i++) {
      coefficients[i] = randomValue(random);
    }
    return coefficients;
  }

  private static long[][] elements(BigInteger[] values) {
    long[][] elements = new long[values.length][];
    for (int i = 0; i < values.length; i++) {
      elements[i] = element(values[i]);
    }
    return elements;
  }

  private static BigInteger reference(BigInteger[] coefficients, int x) {
    BigInteger result = BigInteger.ZERO;
    BigInteger point = BigInteger.valueOf(x);
    for (int i = coefficients.length - 1; i >= 0; i--) {
      result = result.multiply(point).add(coefficients[i]).mod(R);
    }
    return result;
  }
}
