package org.intertrust.crypto.bls;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import supranational.blst.P1;
import supranational.blst.P1_Affine;
import supranational.blst.P2;
import supranational.blst.P2_Affine;
import supranational.blst.Scalar;

/** The native Pippenger path against the sum of single multiplications, in G1 and G2. */
class MultiScalarMultiplicationTest {
  static Stream<Arguments> shapes() {
    Stream.Builder<Arguments> shapes = Stream.builder();
    for (int points : new int[] {0, 1, 2, 3, 17, 64, 267}) {
      for (int nbits : new int[] {64, 255}) {
        for (long seed = 0; seed < 2; seed++) {
          shapes.add(Arguments.of(points, nbits, seed));
        }
      }
    }
    return shapes.build();
  }

  static byte[] scalars(int points, int nbits, Random random) {
    int stride = (nbits + 7) / 8;
    byte[] scalars = new byte[points * stride];
    random.nextBytes(scalars);
    if (nbits == 255) {
      for (int i = 0; i < points; i++) {
        scalars[i * stride + 31] &= 0x3f;
      }
    }
    return scalars;
  }

  static Scalar scalar(byte[] scalars, int index, int stride) {
    byte[] padded = new byte[32];
    System.arraycopy(scalars, index * stride, padded, 0, stride);
    return new Scalar().from_lendian(padded);
  }

  @ParameterizedTest(name = "points={0} nbits={1} seed={2}")
  @MethodSource("shapes")
  void g1_equalsTheSumOfSingleMultiplications(int points, int nbits, long seed) {
    Random random = new Random(seed);
    P1_Affine[] bases = new P1_Affine[points];
    P1 expected = new P1();
    byte[] scalars = scalars(points, nbits, random);
    for (int i = 0; i < points; i++) {
      bases[i] = HashToCurve.g1(new byte[] {(byte) i, (byte) seed}, "msm-test");
      expected.add(bases[i].to_jacobian().mult(scalar(scalars, i, (nbits + 7) / 8)));
    }
    P1 actual = MultiScalarMultiplication.g1(bases, scalars, nbits);
    assertTrue(expected.is_equal(actual), "seed " + seed);
  }

  @ParameterizedTest(name = "points={0} nbits={1} seed={2}")
  @MethodSource("shapes")
  void g2_equalsTheSumOfSingleMultiplications(int points, int nbits, long seed) {
    Random random = new Random(seed);
    P2_Affine[] bases = new P2_Affine[points];
    P2 expected = new P2();
    byte[] scalars = scalars(points, nbits, random);
    for (int i = 0; i < points; i++) {
      bases[i] =
          new P2().hash_to(new byte[] {(byte) i, (byte) seed}, "msm-test", new byte[0]).to_affine();
      expected.add(bases[i].to_jacobian().mult(scalar(scalars, i, (nbits + 7) / 8)));
    }
    P2 actual = MultiScalarMultiplication.g2(bases, scalars, nbits);
    assertTrue(expected.is_equal(actual), "seed " + seed);
  }

  @Test
  void mismatchedScalarBuffer_isRejected() {
    P1_Affine[] bases = {HashToCurve.g1(new byte[] {1}, "x"), HashToCurve.g1(new byte[] {2}, "x")};
    assertThrows(
        IllegalArgumentException.class,
        () -> MultiScalarMultiplication.g1(bases, new byte[63], 255));
    assertThrows(
        IllegalArgumentException.class, () -> MultiScalarMultiplication.g1(bases, new byte[0], 0));
  }

  @Test
  void fixedBaseComb_matchesGenericMultiplication() {
    Random random = new Random(5);
    for (int trial = 0; trial < 20; trial++) {
      byte[] scalar = scalars(1, 255, random);
      P2 expected = P2.generator().mult(scalar(scalar, 0, 32));
      assertTrue(expected.is_equal(FixedBaseG2.multiply(scalar, 0)), "trial " + trial);
    }
  }
}
