package org.intertrust.sim.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class SimStorageTest {
  static LongStream seeds() {
    return LongStream.range(1, 21);
  }

  private static byte[] bytes(int value) {
    return new byte[] {(byte) value};
  }

  @Test
  void writes_areVisibleAtOnce_andDurableOnlyAfterFlush() {
    SimStorage storage = new SimStorage();
    storage.put("a", bytes(1));
    storage.flush();
    storage.put("b", bytes(2));
    storage.delete("a");
    assertFalse(storage.contains("a"));
    assertArrayEquals(bytes(2), storage.get("b").orElseThrow());
    assertEquals(2, storage.unflushedWrites());
    assertEquals(2, storage.crash(CrashLoss.ALL_UNFLUSHED, new SplittableRandom(1)));
    assertArrayEquals(bytes(1), storage.get("a").orElseThrow());
    assertFalse(storage.contains("b"));
  }

  @Test
  void crashWithoutLoss_keepsEverything() {
    SimStorage storage = new SimStorage();
    storage.put("a", bytes(1));
    assertEquals(0, storage.crash(CrashLoss.NONE, new SplittableRandom(1)));
    assertTrue(storage.contains("a"));
    assertEquals(0, storage.unflushedWrites());
  }

  @ParameterizedTest(name = "seed={0}")
  @MethodSource("seeds")
  void randomPrefixLoss_keepsAnInOrderPrefix(long seed) {
    SimStorage storage = new SimStorage();
    for (int i = 0; i < 10; i++) {
      storage.put("k" + i, bytes(i));
    }
    int lost = storage.crash(CrashLoss.RANDOM_PREFIX, new SplittableRandom(seed));
    List<String> kept = storage.keys("k");
    assertEquals(10 - lost, kept.size(), "seed=" + seed);
    for (int i = 0; i < kept.size(); i++) {
      assertEquals("k" + i, kept.get(i), "seed=" + seed);
    }
  }

  @Test
  void values_areCopiedInAndOut() {
    SimStorage storage = new SimStorage();
    byte[] value = bytes(1);
    storage.put("a", value);
    value[0] = 9;
    storage.get("a").orElseThrow()[0] = 8;
    assertArrayEquals(bytes(1), storage.get("a").orElseThrow());
  }

  @Test
  void keys_listsByPrefixInOrder() {
    SimStorage storage = new SimStorage();
    storage.put("wal/2", bytes(2));
    storage.put("wal/1", bytes(1));
    storage.put("x", bytes(0));
    assertEquals(List.of("wal/1", "wal/2"), storage.keys("wal/"));
    SimStorage other = new SimStorage();
    other.put("x", bytes(0));
    assertFalse(storage.sameContents(other));
  }
}
