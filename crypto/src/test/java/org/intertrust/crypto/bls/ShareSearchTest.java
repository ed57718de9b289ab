package org.intertrust.crypto.bls;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link ShareSearch} against a fake oracle that knows which shares are valid: the classification
 * must be exact and the cost within {@link ShareSearch#bound} for every pattern, while one or a few
 * invalid shares cost what plain bisection costs.
 */
class ShareSearchTest {
  /** The oracle of a known pattern; counts its calls. */
  private static final class Pattern implements ShareSearch.Oracle {
    private final boolean[] valid;
    private int calls;
    private long points;

    Pattern(boolean[] valid) {
      this.valid = valid;
    }

    @Override
    public boolean passes(int[] positions) {
      calls++;
      if (positions.length > 1) {
        points += positions.length;
      }
      for (int i : positions) {
        if (!valid[i]) {
          return false;
        }
      }
      return true;
    }
  }

  private static boolean[] pattern(int size, int... invalid) {
    boolean[] valid = new boolean[size];
    java.util.Arrays.fill(valid, true);
    for (int i : invalid) {
      valid[i] = false;
    }
    return valid;
  }

  private static boolean anyInvalid(boolean[] valid) {
    for (boolean v : valid) {
      if (!v) {
        return true;
      }
    }
    return false;
  }

  /** Runs the search, checks the classification and the counts, returns the search. */
  private static ShareSearch check(boolean[] valid, boolean knownBad, double slack) {
    Pattern oracle = new Pattern(valid);
    ShareSearch search = ShareSearch.run(valid.length, knownBad, oracle, slack);
    assertArrayEquals(valid, search.valid(), () -> describe(valid));
    assertEquals(oracle.calls, search.tests());
    assertEquals(oracle.points, search.groupPoints());
    assertEquals(
        search.tests() + ShareSearch.MSM_POINT_COST * search.groupPoints(), search.cost(), 1e-9);
    return search;
  }

  private static ShareSearch check(boolean[] valid, boolean knownBad) {
    return check(valid, knownBad, ShareSearch.slack(valid.length));
  }

  private static ShareSearch bisection(boolean[] valid, boolean knownBad) {
    return check(valid, knownBad, Double.POSITIVE_INFINITY);
  }

  private static String describe(boolean[] valid) {
    StringBuilder out = new StringBuilder();
    for (boolean v : valid) {
      out.append(v ? '.' : 'x');
    }
    return out.toString();
  }

  @ParameterizedTest(name = "size={0}")
  @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12})
  void everyPattern_isClassifiedExactly_withinTheBound(int size) {
    double worst = 0;
    for (int mask = 0; mask < 1 << size; mask++) {
      boolean[] valid = new boolean[size];
      for (int i = 0; i < size; i++) {
        valid[i] = (mask >>> i & 1) == 0;
      }
      for (boolean knownBad : new boolean[] {false, true}) {
        if (knownBad && !anyInvalid(valid)) {
          continue;
        }
        ShareSearch search = check(valid, knownBad);
        worst = Math.max(worst, search.cost());
        assertTrue(search.cost() <= ShareSearch.bound(size), describe(valid) + " " + search);
      }
    }
    assertTrue(worst >= size, "some pattern needs one test per share, worst " + worst);
  }

  static Stream<Arguments> densities() {
    List<Arguments> out = new ArrayList<>();
    for (int size : new int[] {34, 67, 133, 267, 533}) {
      for (double density : new double[] {0, 0.004, 0.02, 0.05, 0.1, 0.2, 0.33, 0.5, 0.8, 1}) {
        out.add(Arguments.of(size, density));
      }
    }
    return out.stream();
  }

  @ParameterizedTest(name = "size={0} density={1}")
  @MethodSource("densities")
  void randomPatterns_overSeeds_areClassifiedExactly_withinTheBound(int size, double density) {
    for (long seed = 0; seed < 20; seed++) {
      SplittableRandom random = new SplittableRandom(seed);
      boolean[] valid = new boolean[size];
      for (int i = 0; i < size; i++) {
        valid[i] = random.nextDouble() >= density;
      }
      boolean knownBad = anyInvalid(valid) && random.nextBoolean();
      ShareSearch search = check(valid, knownBad);
      assertTrue(search.cost() <= ShareSearch.bound(size), "seed " + seed + " " + describe(valid));
      if (density >= 1.0 / 3 && size >= 267) {
        assertTrue(search.cost() <= 1.3 * size, "seed " + seed + " " + search.cost());
      }
    }
  }

  static Stream<Arguments> sizesAndKnowledge() {
    List<Arguments> out = new ArrayList<>();
    for (int size : new int[] {2, 3, 34, 67, 133, 267, 533}) {
      out.add(Arguments.of(size, false));
      out.add(Arguments.of(size, true));
    }
    return out.stream();
  }

  @ParameterizedTest(name = "size={0} knownBad={1}")
  @MethodSource("sizesAndKnowledge")
  void oneInvalidShare_atEveryPosition_costsExactlyWhatBisectionCosts(int size, boolean knownBad) {
    for (int bad = 0; bad < size; bad++) {
      boolean[] valid = pattern(size, bad);
      ShareSearch search = check(valid, knownBad);
      ShareSearch plain = bisection(valid, knownBad);
      assertEquals(plain.tests(), search.tests(), "bad at " + bad);
      assertEquals(plain.groupPoints(), search.groupPoints(), "bad at " + bad);
      assertTrue(search.tests() <= 2 * (33 - Integer.numberOfLeadingZeros(size - 1)));
    }
  }

  @ParameterizedTest(name = "size={0} knownBad={1}")
  @MethodSource("sizesAndKnowledge")
  void allInvalid_costAboutOneVerificationPerShare(int size, boolean knownBad) {
    boolean[] valid = new boolean[size];
    ShareSearch search = check(valid, knownBad);
    assertTrue(search.cost() <= ShareSearch.bound(size), search + " cost " + search.cost());
    if (size >= 267) {
      assertTrue(search.cost() <= 1.2 * size, search + " cost " + search.cost());
    }
    assertTrue(search.tests() >= size - 1, "a search cannot do with fewer, " + search);
  }

  @Test
  void plainBisection_costsAboutLog2PairingChecksPerShare_whenAllAreInvalid() {
    int size = 267;
    ShareSearch plain = bisection(new boolean[size], true);
    assertTrue(plain.tests() > 6 * size, "bisection " + plain);
    assertTrue(plain.cost() > ShareSearch.bound(size), "the bound is not met by plain bisection");
  }

  @ParameterizedTest(name = "size={0} knownBad={1}")
  @MethodSource("sizesAndKnowledge")
  void halfInvalid_inBlocksOrAlternating_withinTheBound(int size, boolean knownBad) {
    boolean[][] patterns = new boolean[3][size];
    for (int i = 0; i < size; i++) {
      patterns[0][i] = i >= size / 2;
      patterns[1][i] = i < size / 2;
      patterns[2][i] = i % 2 == 1;
    }
    for (boolean[] valid : patterns) {
      ShareSearch search = check(valid, knownBad && anyInvalid(valid));
      assertTrue(search.cost() <= ShareSearch.bound(size), describe(valid) + " " + search);
    }
  }

  @ParameterizedTest(name = "size={0} knownBad={1}")
  @MethodSource("sizesAndKnowledge")
  void invalidSharesAtTheEnds_areFound_atBisectionCost(int size, boolean knownBad) {
    int[][] patterns = {{0}, {size - 1}, {0, size - 1}, {0, 1}, {size - 2, size - 1}};
    for (int[] bad : patterns) {
      boolean[] valid = pattern(size, bad);
      ShareSearch search = check(valid, knownBad);
      ShareSearch plain = bisection(valid, knownBad);
      assertTrue(search.cost() <= plain.cost() + 1e-9, describe(valid) + " " + search);
    }
  }

  @ParameterizedTest(name = "size={0}")
  @ValueSource(ints = {67, 267, 533})
  void fewInvalidShares_costOnAverageWhatBisectionCosts(int size) {
    for (int count = 2; count <= 8; count++) {
      double adaptive = 0;
      double plain = 0;
      for (long seed = 0; seed < 200; seed++) {
        SplittableRandom random = new SplittableRandom(seed * 31 + count);
        boolean[] valid = pattern(size);
        for (int placed = 0; placed < count; ) {
          int i = random.nextInt(size);
          if (valid[i]) {
            valid[i] = false;
            placed++;
          }
        }
        boolean knownBad = random.nextBoolean();
        adaptive += check(valid, knownBad).cost();
        plain += bisection(valid, knownBad).cost();
      }
      assertTrue(
          adaptive <= 1.02 * plain, count + " invalid: " + adaptive / 200 + " vs " + plain / 200);
    }
  }
}
