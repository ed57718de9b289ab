package org.intertrust.gateway.protocol.collect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.intertrust.crypto.bls.ThresholdCombiner;
import org.intertrust.crypto.encoding.AsId;
import org.intertrust.gateway.DealtAs;
import org.intertrust.gateway.Fixtures;
import org.intertrust.gateway.protocol.certificate.CrossAsStatement;
import org.intertrust.ledger.value.ConsensusTime;
import org.intertrust.ledger.value.CrossAsTxId;
import org.intertrust.ledger.value.Sha256;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Over many seeds: replicas of a (k=3, n=7) AS send their shares in a random order, a random set of
 * at most n-k of them bad. The collector must certify exactly once all k good shares are in, blame
 * every bad share that took part in a combination and never an honest one, and emit only a
 * certificate that verifies.
 */
class ShareCollectorPropertyTest {
  private static final CrossAsStatement LOCK =
      new CrossAsStatement.Lock(
          new AsId(1),
          new AsId(2),
          new CrossAsTxId(Sha256.hash(new byte[] {4})),
          ConsensusTime.ofMillis(1));
  private static final CrossAsStatement OTHER =
      new CrossAsStatement.Lock(
          new AsId(1),
          new AsId(2),
          new CrossAsTxId(Sha256.hash(new byte[] {5})),
          ConsensusTime.ofMillis(1));
  private static DealtAs as;

  @BeforeAll
  static void deal() throws Exception {
    as = DealtAs.dealtBy(2, Fixtures.as(1, 7, 2, 3, 70), 80);
  }

  static LongStream seeds() {
    return LongStream.range(0, 12);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void randomOrderAndBadShares_certifyWithExactlyTheGoodOnes(long seed) throws Exception {
    Random random = new Random(seed);
    List<Integer> order = new ArrayList<>(List.of(1, 2, 3, 4, 5, 6, 7));
    Collections.shuffle(order, random);
    Set<Integer> bad = new HashSet<>();
    int badCount = random.nextInt(5);
    for (int i = 0; i < badCount; i++) {
      bad.add(order.get(random.nextInt(order.size())));
    }
    ShareCollector collector =
        new ShareCollector(
            as.signers().configuration(),
            LOCK,
            as.dealing().record().publicKey(),
            as.dealing().reference(),
            new ThresholdCombiner(new SplittableRandom(seed)));
    int good = 0;
    for (int replica : order) {
      CollectOutcome outcome =
          collector.offer(
              bad.contains(replica) ? as.badShare(replica, LOCK, OTHER) : as.share(replica, LOCK));
      if (!bad.contains(replica)) {
        good++;
      }
      boolean certified = outcome instanceof CollectOutcome.Certified;
      assertEquals(good == 3, certified, "seed " + seed + " after replica " + replica);
      if (certified) {
        break;
      }
    }
    collector.certificate().orElseThrow().verify(as.dealing().record().publicKey());
    for (Blame blame : collector.blamed()) {
      assertTrue(bad.contains(blame.index().value()), "seed " + seed + " blamed an honest share");
    }
  }
}
