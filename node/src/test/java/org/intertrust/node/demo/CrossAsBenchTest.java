package org.intertrust.node.demo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class CrossAsBenchTest {
  @Test
  void difference_keepsRepeatedSamplesRecordedInTheWindow() {
    long[] earlier = {5, 3, 3};
    long[] later = {3, 7, 5, 3, 3, 1};
    assertArrayEquals(new long[] {1, 3, 7}, CrossAsBench.difference(later, earlier));
  }

  static LongStream seeds() {
    return LongStream.range(0, 20);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void difference_returnsExactlyTheSamplesAddedAfterTheFirstCopy(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    int before = random.nextInt(50);
    int added = random.nextInt(50);
    long[] all = new long[before + added];
    for (int i = 0; i < all.length; i++) {
      all[i] = random.nextInt(10); // many repeats
    }
    long[] earlier = Arrays.copyOf(all, before);
    long[] window = Arrays.copyOfRange(all, before, all.length);
    long[] shuffled = all.clone();
    for (int i = shuffled.length - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      long t = shuffled[i];
      shuffled[i] = shuffled[j];
      shuffled[j] = t;
    }
    Arrays.sort(window);
    assertArrayEquals(window, CrossAsBench.difference(shuffled, earlier));
  }

  @Test
  void percentileMillis_isNearestRank_andZeroWhenEmpty() {
    long[] sorted = new long[100];
    for (int i = 0; i < 100; i++) {
      sorted[i] = (i + 1) * 1_000_000L;
    }
    assertEquals(50.0, CrossAsBench.percentileMillis(sorted, 50));
    assertEquals(99.0, CrossAsBench.percentileMillis(sorted, 99));
    assertEquals(0.0, CrossAsBench.percentileMillis(new long[0], 50));
  }
}
