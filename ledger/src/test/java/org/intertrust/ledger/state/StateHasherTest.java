package org.intertrust.ledger.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.intertrust.ledger.testing.Fixtures;
import org.intertrust.ledger.value.AccountId;
import org.intertrust.ledger.value.Amount;
import org.intertrust.ledger.value.AssetId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class StateHasherTest {

  /** Pinned; changed by ADR 0008, which added the OUTBOX section (index 9). */
  @Test
  void hash_ofEmptyStateIsPinned() {
    assertEquals(
        "f57c763a7367f173dcc86079a57b339270acc2201141f6df39f04c7051d15d18",
        LedgerState.EMPTY.hash().toHex());
  }

  private record Entry(BalanceKey key, Amount amount) {}

  private static List<Entry> randomEntries(SplittableRandom random) {
    List<Entry> entries = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      AccountId account = AccountId.fromBytes(Fixtures.bytes(random, 32));
      AssetId asset = AssetId.of("A" + random.nextInt(5));
      entries.add(new Entry(new BalanceKey(account, asset), Amount.of(1 + random.nextInt(1000))));
    }
    return entries;
  }

  private static LedgerState build(List<Entry> entries) {
    MutableState state = MutableState.empty();
    for (Entry entry : entries) {
      state.put(Section.BALANCES, entry.key(), entry.amount());
    }
    return state.freeze();
  }

  static LongStream seeds() {
    return LongStream.range(0, 20);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void hash_isIndependentOfInsertionOrder(long seed) {
    List<Entry> entries = randomEntries(new SplittableRandom(seed));
    List<Entry> shuffled = new ArrayList<>(entries);
    Collections.shuffle(shuffled, new Random(seed));
    LedgerState a = build(entries);
    LedgerState b = build(shuffled);
    assertEquals(a, b);
    assertEquals(a.hash(), b.hash());
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void hash_changesWhenOneAmountChanges(long seed) {
    List<Entry> entries = randomEntries(new SplittableRandom(seed));
    LedgerState a = build(entries);
    Entry first = entries.get(0);
    entries.set(0, new Entry(first.key(), Amount.of(first.amount().value() + 1)));
    assertNotEquals(a.hash(), build(entries).hash());
  }

  @Test
  void hash_separatesSections() {
    MutableState supply = MutableState.empty();
    supply.put(Section.SUPPLY, AssetId.of("X"), Amount.of(1));
    MutableState vouchers = MutableState.empty();
    vouchers.put(Section.VOUCHERS, AssetId.of("X"), Amount.of(1));
    assertNotEquals(supply.freeze().hash(), vouchers.freeze().hash());
  }
}
