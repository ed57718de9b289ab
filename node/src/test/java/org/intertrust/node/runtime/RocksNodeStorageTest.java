package org.intertrust.node.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The simulator's storage contract, on disk. */
class RocksNodeStorageTest {
  @TempDir Path folder;

  @Test
  void flushedWritesSurviveAReopen_unflushedOnesAreLost() throws Exception {
    try (RocksNodeStorage storage = RocksNodeStorage.open(folder)) {
      storage.put("a/1", new byte[] {1});
      storage.put("a/2", new byte[] {2});
      storage.put("b/1", new byte[] {3});
      storage.flush();
      storage.delete("a/1");
      storage.put("a/3", new byte[] {4});
      assertEquals(List.of("a/2", "a/3"), storage.keys("a/"));
      assertEquals(2, storage.unflushedWrites());
    }
    try (RocksNodeStorage storage = RocksNodeStorage.open(folder)) {
      assertEquals(List.of("a/1", "a/2"), storage.keys("a/"));
      assertArrayEquals(new byte[] {3}, storage.get("b/1").orElseThrow());
      assertFalse(storage.contains("a/3"));
      assertTrue(storage.contains("a/1"));
    }
  }

  @Test
  void valuesAreCopied_inAndOut() throws Exception {
    try (RocksNodeStorage storage = RocksNodeStorage.open(folder)) {
      byte[] value = {7};
      storage.put("k", value);
      value[0] = 8;
      byte[] read = storage.get("k").orElseThrow();
      read[0] = 9;
      assertArrayEquals(new byte[] {7}, storage.get("k").orElseThrow());
    }
  }
}
