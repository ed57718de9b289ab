package org.intertrust.sim.random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class SeedStreamsTest {
  static LongStream seeds() {
    return LongStream.of(0, 1, -1, 42, Long.MAX_VALUE, Long.MIN_VALUE, 0x5EED);
  }

  @ParameterizedTest(name = "seed={0}")
  @MethodSource("seeds")
  void equalArguments_giveEqualStreams(long seed) {
    assertEquals(
        new SeedStreams(seed).stream("network", 3).nextLong(),
        new SeedStreams(seed).stream("network", 3).nextLong(),
        "seed=" + seed);
  }

  @ParameterizedTest(name = "seed={0}")
  @MethodSource("seeds")
  void purposeIndexAndSeed_eachChangeTheStream(long seed) {
    SeedStreams streams = new SeedStreams(seed);
    long base = streams.derive("network", 3);
    assertNotEquals(base, streams.derive("node", 3), "seed=" + seed);
    assertNotEquals(base, streams.derive("network", 4), "seed=" + seed);
    assertNotEquals(base, new SeedStreams(seed + 1).derive("network", 3), "seed=" + seed);
  }

  @ParameterizedTest(name = "seed={0}")
  @MethodSource("seeds")
  void drawingFromOneStream_leavesAnotherUnchanged(long seed) {
    SeedStreams streams = new SeedStreams(seed);
    SplittableRandom busy = streams.stream("network", 0);
    for (int i = 0; i < 1000; i++) {
      busy.nextLong();
    }
    assertEquals(
        new SeedStreams(seed).stream("crash").nextLong(),
        streams.stream("crash").nextLong(),
        "seed=" + seed);
  }
}
