package org.intertrust.crypto.field;

import static org.intertrust.crypto.field.FieldTestValues.R;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The partially reducing kernel that Lagrange chains, checked on raw limbs against BigInteger. */
class MontgomeryTest {
  private static final BigInteger TWICE_MODULUS = R.shiftLeft(1);
  private static final int ITERATIONS = 500;

  static LongStream seeds() {
    return FieldTestValues.seeds();
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void mulSmallPartial_acceptsInputBelowTwiceModulusAndStaysBelowIt(long seed) {
    Random random = new Random(seed);
    for (int i = 0; i < ITERATIONS; i++) {
      BigInteger a = partiallyReduced(random);
      long magnitude = Math.abs(FieldTestValues.randomSmallFactor(random));
      long[] out = limbs(a);
      Montgomery.mulSmallPartial(out, magnitude, out);
      BigInteger result = integer(out);
      String message = "seed=" + seed + " a=0x" + a.toString(16) + " magnitude=" + magnitude;
      assertTrue(result.compareTo(TWICE_MODULUS) < 0, message);
      assertEquals(a.multiply(BigInteger.valueOf(magnitude)).mod(R), result.mod(R), message);
      Montgomery.reduceOnce(out);
      assertEquals(result.mod(R), integer(out), message);
    }
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void mulSmallPartial_chainedWithoutReductionMatchesProduct(long seed) {
    Random random = new Random(seed);
    BigInteger expected = BigInteger.ONE;
    long[] accumulator = limbs(BigInteger.ONE);
    for (int i = 0; i < ITERATIONS; i++) {
      long magnitude = (Fr.SMALL_FACTOR_LIMIT - 1) >>> random.nextInt(8);
      Montgomery.mulSmallPartial(accumulator, magnitude, accumulator);
      expected = expected.multiply(BigInteger.valueOf(magnitude)).mod(R);
    }
    Montgomery.reduceOnce(accumulator);
    assertEquals(expected, integer(accumulator), "seed=" + seed);
  }

  private static BigInteger partiallyReduced(Random random) {
    switch (random.nextInt(4)) {
      case 0:
        return TWICE_MODULUS.subtract(BigInteger.valueOf(1 + random.nextInt(3)));
      case 1:
        return R.add(FieldTestValues.randomValue(random));
      default:
        return FieldTestValues.randomValue(random);
    }
  }

  private static long[] limbs(BigInteger value) {
    long[] limbs = new long[4];
    for (int i = 0; i < 4; i++) {
      limbs[i] = value.shiftRight(64 * i).longValue();
    }
    return limbs;
  }

  private static BigInteger integer(long[] limbs) {
    BigInteger value = BigInteger.ZERO;
    for (int i = 3; i >= 0; i--) {
      value = value.shiftLeft(64).add(new BigInteger(Long.toUnsignedString(limbs[i])));
    }
    return value;
  }
}
