package org.intertrust.gateway.protocol.governor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Optional;
import org.intertrust.crypto.encoding.AsId;
import org.intertrust.gateway.protocol.governor.Governor.Lane;
import org.intertrust.gateway.protocol.governor.Governor.Reason;
import org.intertrust.gateway.protocol.governor.Governor.Refused;
import org.intertrust.gateway.protocol.replica.TransferTerms;
import org.intertrust.ledger.value.AccountId;
import org.intertrust.ledger.value.Amount;
import org.intertrust.ledger.value.AssetId;
import org.intertrust.ledger.value.ConsensusTime;
import org.intertrust.ledger.value.Nonce;
import org.intertrust.ledger.value.Sha256;
import org.junit.jupiter.api.Test;

class GovernorTest {
  private static final AsId X = new AsId(1);
  private static final AsId Y = new AsId(2);
  private static final AsId Z = new AsId(3);
  private static final AssetId GOLD = AssetId.of("gold");
  private static final AssetId TIN = AssetId.of("tin");

  private static int nonce;

  private static TransferTerms transfer(AsId from, AsId to, AssetId asset, long amount) {
    nonce++;
    return new TransferTerms(
        from,
        to,
        AccountId.fromBytes(Sha256.hash(new byte[] {7, (byte) nonce}).toBytes()),
        asset,
        new Amount(amount),
        ConsensusTime.ofMillis(10_000),
        new Nonce(nonce));
  }

  private static Refused refused(Governor.Decision decision) {
    return assertInstanceOf(Refused.class, decision);
  }

  @Test
  void requestRate_burstThenSustainedRate_perLane() {
    Governor governor = new Governor(Governor.Limits.requests(10, 3));
    for (int i = 0; i < 3; i++) {
      assertInstanceOf(Governor.Admitted.class, governor.admit(transfer(X, Y, GOLD, 1), 0));
    }
    Refused fourth = refused(governor.admit(transfer(X, Y, GOLD, 1), 0));
    assertEquals(Reason.RATE_LIMITED, fourth.reason());
    assertEquals(100, fourth.retryAfterMillis(), "10 a second: one more after 100 ms");
    assertInstanceOf(
        Governor.Admitted.class,
        governor.admit(transfer(Y, X, GOLD, 1), 0),
        "the other direction is another lane");
    assertInstanceOf(Governor.Admitted.class, governor.admit(transfer(X, Z, GOLD, 1), 0));
    refused(governor.admit(transfer(X, Y, GOLD, 1), 99));
    assertInstanceOf(Governor.Admitted.class, governor.admit(transfer(X, Y, GOLD, 1), 100));
    assertEquals(6, governor.admitted());
    assertEquals(2, governor.refused(Reason.RATE_LIMITED));
  }

  @Test
  void valueLimit_perAsset_refusedRequestTakesNothing() {
    Governor governor =
        new Governor(
            new Governor.Limits(1_000, 1_000, Map.of(GOLD, new Governor.ValueLimit(1_000, 10))));
    assertInstanceOf(Governor.Admitted.class, governor.admit(transfer(X, Y, GOLD, 900), 0));
    Refused over = refused(governor.admit(transfer(X, Y, GOLD, 200), 0));
    assertEquals(Reason.VALUE_LIMITED, over.reason());
    assertEquals(10_000, over.retryAfterMillis(), "100 missing at 10 a second");
    assertInstanceOf(
        Governor.Admitted.class,
        governor.admit(transfer(X, Y, GOLD, 100), 0),
        "the refused 200 took nothing: 100 are still there");
    assertInstanceOf(
        Governor.Admitted.class,
        governor.admit(transfer(X, Y, TIN, 1_000_000), 0),
        "an asset without a value limit is limited by count only");
    Refused never = refused(governor.admit(transfer(X, Y, GOLD, 1_001), 1_000_000));
    assertEquals(Long.MAX_VALUE, never.retryAfterMillis(), "more than the bucket ever holds");
    assertInstanceOf(
        Governor.Admitted.class,
        governor.admit(transfer(X, Y, GOLD, 1_000), 1_000_000),
        "refilled");
  }

  @Test
  void pause_oneLaneOrAll_untilResumed() {
    Governor governor = new Governor(Governor.Limits.requests(1_000, 1_000));
    Lane xy = new Lane(X, Y);
    governor.pause(Optional.of(xy));
    assertEquals(Reason.PAUSED, refused(governor.admit(transfer(X, Y, GOLD, 1), 0)).reason());
    assertInstanceOf(Governor.Admitted.class, governor.admit(transfer(Y, X, GOLD, 1), 0));
    governor.pause(Optional.empty());
    assertTrue(governor.paused(new Lane(Y, X)));
    governor.resume(Optional.of(xy));
    assertTrue(governor.paused(xy), "every lane is still paused");
    governor.resume(Optional.empty());
    assertInstanceOf(Governor.Admitted.class, governor.admit(transfer(X, Y, GOLD, 1), 0));
    assertEquals(1, governor.refused(Reason.PAUSED));
  }

  @Test
  void clockSteppingBack_refillsNothing_andLimitsAreChecked() {
    Governor governor = new Governor(Governor.Limits.requests(1, 1));
    assertInstanceOf(Governor.Admitted.class, governor.admit(transfer(X, Y, GOLD, 1), 5_000));
    refused(governor.admit(transfer(X, Y, GOLD, 1), 0));
    refused(governor.admit(transfer(X, Y, GOLD, 1), 5_999));
    assertInstanceOf(Governor.Admitted.class, governor.admit(transfer(X, Y, GOLD, 1), 6_000));
    assertThrows(IllegalArgumentException.class, () -> Governor.Limits.requests(0, 1));
    assertThrows(IllegalArgumentException.class, () -> new Governor.ValueLimit(1, 0));
    assertThrows(IllegalArgumentException.class, () -> new TokenBucket(TokenBucket.MAX + 1, 1, 0));
  }

  @Test
  void aHugeIdleTime_saturatesAtCapacity() {
    TokenBucket bucket = new TokenBucket(TokenBucket.MAX, TokenBucket.MAX, 0);
    bucket.take(TokenBucket.MAX);
    assertEquals(0, bucket.waitMillis(TokenBucket.MAX, Long.MAX_VALUE / 2));
    bucket.take(TokenBucket.MAX);
    assertEquals(1, bucket.waitMillis(1, Long.MAX_VALUE / 2));
  }
}
