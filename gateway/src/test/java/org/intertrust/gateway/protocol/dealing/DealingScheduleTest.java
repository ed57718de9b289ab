package org.intertrust.gateway.protocol.dealing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.intertrust.crypto.dealing.DealingContext.Mode;
import org.intertrust.crypto.encoding.AsId;
import org.intertrust.gateway.Fixtures;
import org.intertrust.gateway.Fixtures.SeededRandom;
import org.intertrust.gateway.Fixtures.TestAs;
import org.intertrust.gateway.enclave.GatewayEnclave;
import org.intertrust.gateway.tee.Measurement;
import org.intertrust.gateway.tee.SoftwarePlatform;
import org.intertrust.ledger.value.CrossAsTxId;
import org.intertrust.ledger.value.Sha256;
import org.junit.jupiter.api.Test;

class DealingScheduleTest {
  private static final AsId DEALER = new AsId(2);
  private final TestAs holders = Fixtures.smallAs(1, 5);
  private final GatewayEnclave enclave =
      GatewayEnclave.create(
          SoftwarePlatform.init(new SeededRandom(1))
              .launch(Measurement.ofRelease("gw"), () -> 0L, new SeededRandom(2)),
          new SeededRandom(3));

  private static CrossAsTxId tx(int i) {
    return new CrossAsTxId(Sha256.hash(new byte[] {(byte) i}));
  }

  private DealingSchedule schedule(Mode mode, RotationPolicy rotation) {
    return new DealingSchedule(DEALER, holders.configuration(), mode, rotation, enclave, 0);
  }

  @Test
  void perTransactionMode_dealsOncePerTransaction() throws Exception {
    DealingSchedule schedule = schedule(Mode.PER_TRANSACTION, new RotationPolicy(100, 1_000));
    for (int i = 0; i < 5; i++) {
      schedule.dealingFor(tx(i), i);
    }
    assertEquals(5, schedule.dealingsMade());
    assertNotEquals(
        schedule.dealingFor(tx(0), 9).reference(), schedule.dealingFor(tx(1), 9).reference());
    assertEquals(5, schedule.dealingsMade());
  }

  @Test
  void perSessionMode_rotatesAfterMaxTransactions() throws Exception {
    DealingSchedule schedule = schedule(Mode.PER_SESSION, new RotationPolicy(3, 1_000_000));
    Dealing first = schedule.dealingFor(tx(0), 0);
    for (int i = 1; i < 7; i++) {
      schedule.dealingFor(tx(i), i);
    }
    assertEquals(3, schedule.dealingsMade());
    assertEquals(2, schedule.epoch());
    assertEquals(first, schedule.dealingFor(tx(2), 7));
    assertNotEquals(first.reference(), schedule.dealingFor(tx(3), 7).reference());
  }

  @Test
  void perSessionMode_rotatesAfterMaxAge() throws Exception {
    DealingSchedule schedule = schedule(Mode.PER_SESSION, new RotationPolicy(1_000, 100));
    Dealing first = schedule.dealingFor(tx(0), 0);
    assertEquals(first.reference(), schedule.dealingFor(tx(1), 99).reference());
    assertNotEquals(first.reference(), schedule.dealingFor(tx(2), 100).reference());
    assertEquals(2, schedule.dealingsMade());
  }

  @Test
  void sameTransaction_keepsItsDealingAcrossRotation() throws Exception {
    DealingSchedule schedule = schedule(Mode.PER_SESSION, new RotationPolicy(1, 1_000));
    Dealing first = schedule.dealingFor(tx(0), 0);
    schedule.dealingFor(tx(1), 1);
    assertEquals(first, schedule.dealingFor(tx(0), 2));
  }

  @Test
  void keys_areRememberedUntilTheirTransactionsAreForgotten() throws Exception {
    DealingSchedule schedule = schedule(Mode.PER_TRANSACTION, new RotationPolicy(1, 1));
    Dealing dealing = schedule.dealingFor(tx(0), 0);
    assertEquals(dealing.record().publicKey(), schedule.key(dealing.reference()).orElseThrow());
    schedule.forget(tx(0));
    assertTrue(schedule.key(dealing.reference()).isEmpty());
  }

  @Test
  void dealingRecords_nameTheDealerAndHolderAs() throws Exception {
    Dealing dealing = schedule(Mode.PER_SESSION, new RotationPolicy(1, 1)).dealingFor(tx(0), 0);
    assertEquals(DEALER, dealing.record().context().dealerAs());
    assertEquals(holders.as(), dealing.record().context().holderAs());
    assertEquals(2, dealing.record().publicKey().threshold());
    assertEquals(4, dealing.record().publicKey().size());
  }

  @Test
  void holderConfigurationWithThresholdBelowFPlusOne_isRefused() {
    TestAs weak = Fixtures.as(1, 4, 1, 1, 9);
    assertThrows(
        IllegalArgumentException.class,
        () ->
            new DealingSchedule(
                DEALER,
                weak.configuration(),
                Mode.PER_TRANSACTION,
                new RotationPolicy(1, 1),
                enclave,
                0));
  }
}
