package org.intertrust.crypto.memo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class ByteKeyedMemoTest {
  @Test
  void get_matchesOnContent_notOnArrayIdentity() {
    ByteKeyedMemo<String> memo = new ByteKeyedMemo<>(4, 100);
    byte[] key = {1, 2, 3};
    memo.put(key, "a");
    assertEquals(Optional.of("a"), memo.get(new byte[] {1, 2, 3}));
    assertTrue(memo.get(new byte[] {1, 2, 4}).isEmpty());
  }

  @Test
  void put_keepsAPrivateCopyOfTheKey() {
    ByteKeyedMemo<String> memo = new ByteKeyedMemo<>(4, 100);
    byte[] key = {1, 2, 3};
    memo.put(key, "a");
    key[0] = 9;
    assertTrue(memo.get(key).isEmpty());
    assertEquals(Optional.of("a"), memo.get(new byte[] {1, 2, 3}));
  }

  @Test
  void put_evictsTheLeastRecentlyUsed_byCountAndByBytes() {
    ByteKeyedMemo<String> memo = new ByteKeyedMemo<>(2, 10);
    memo.put(new byte[] {1}, "one");
    memo.put(new byte[] {2}, "two");
    memo.get(new byte[] {1});
    memo.put(new byte[] {3}, "three");
    assertEquals(2, memo.size());
    assertTrue(memo.get(new byte[] {2}).isEmpty());
    memo.put(new byte[9], "big");
    assertEquals(2, memo.size());
    assertTrue(memo.get(new byte[] {1}).isEmpty());
    assertEquals(Optional.of("three"), memo.get(new byte[] {3}));
    memo.put(new byte[11], "too big");
    assertEquals(Optional.of("big"), memo.get(new byte[9]));
  }
}
