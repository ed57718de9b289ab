package org.intertrust.sim.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class StatsTest {
  static LongStream seeds() {
    return LongStream.range(1, 11);
  }

  @Test
  void latencyRecorder_nearestRankPercentiles() {
    LatencyRecorder recorder = new LatencyRecorder();
    for (long i = 100; i >= 1; i--) {
      recorder.record(i);
    }
    assertEquals(100, recorder.count());
    assertEquals(50.5, recorder.meanNanos());
    assertEquals(50, recorder.p50Nanos());
    assertEquals(95, recorder.p95Nanos());
    assertEquals(99, recorder.p99Nanos());
    assertEquals(1, recorder.minNanos());
    assertEquals(100, recorder.maxNanos());
  }

  @ParameterizedTest(name = "seed={0}")
  @MethodSource("seeds")
  void latencyRecorder_percentilesAreSamplesAndMonotonic(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    LatencyRecorder recorder = new LatencyRecorder();
    int count = 1 + random.nextInt(500);
    for (int i = 0; i < count; i++) {
      recorder.record(random.nextLong(1_000_000));
    }
    long previous = recorder.minNanos();
    for (double p : new double[] {1, 25, 50, 75, 95, 99, 100}) {
      long value = recorder.percentileNanos(p);
      assertEquals(true, value >= previous, "seed=" + seed);
      previous = value;
    }
  }

  @Test
  void latencyRecorder_rejectsBadInput() {
    LatencyRecorder recorder = new LatencyRecorder();
    assertThrows(IllegalStateException.class, recorder::p50Nanos);
    assertThrows(IllegalArgumentException.class, () -> recorder.record(-1));
    recorder.record(5);
    assertThrows(IllegalArgumentException.class, () -> recorder.percentileNanos(0));
    assertEquals("count=0", new LatencyRecorder().toString());
  }

  @Test
  void counters_listInNameOrder() {
    Counters counters = new Counters();
    counters.increment("b");
    counters.add("a", 3);
    counters.increment("b");
    assertEquals(List.of("a", "b"), List.copyOf(counters.snapshot().keySet()));
    assertEquals(2, counters.get("b"));
    assertEquals(0, counters.get("missing"));
    assertEquals("a=3 b=2", counters.toString());
  }
}
