package org.intertrust.gateway.protocol.collect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.intertrust.crypto.bls.ThresholdCombiner;
import org.intertrust.crypto.encoding.AsId;
import org.intertrust.crypto.encoding.SigningDomain;
import org.intertrust.crypto.identity.IdentityKeyPair;
import org.intertrust.gateway.DealtAs;
import org.intertrust.gateway.Fixtures;
import org.intertrust.gateway.Fixtures.SeededRandom;
import org.intertrust.gateway.protocol.certificate.CrossAsStatement;
import org.intertrust.gateway.protocol.collect.CollectOutcome.Rejection;
import org.intertrust.ledger.tx.Decision;
import org.intertrust.ledger.value.ConsensusTime;
import org.intertrust.ledger.value.CrossAsTxId;
import org.intertrust.ledger.value.Sha256;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ShareCollectorTest {
  private static final AsId X = new AsId(1);
  private static final AsId Y = new AsId(2);
  private static final CrossAsTxId TX = new CrossAsTxId(Sha256.hash(new byte[] {1}));
  private static final CrossAsStatement LOCK =
      new CrossAsStatement.Lock(X, Y, TX, ConsensusTime.ofMillis(5_000));
  private static final CrossAsStatement OTHER =
      new CrossAsStatement.Lock(X, Y, TX, ConsensusTime.ofMillis(6_000));
  private static DealtAs small;
  private static DealtAs seven;

  @BeforeAll
  static void deal() throws Exception {
    small = DealtAs.dealtBy(2, Fixtures.as(1, 4, 1, 2, 10), 20);
    seven = DealtAs.dealtBy(2, Fixtures.as(1, 7, 2, 3, 30), 40);
  }

  private static ShareCollector collector(DealtAs as, CrossAsStatement statement) {
    return new ShareCollector(
        as.signers().configuration(),
        statement,
        as.dealing().record().publicKey(),
        as.dealing().reference(),
        new ThresholdCombiner(new SplittableRandom(1)));
  }

  private static Rejection rejection(CollectOutcome outcome) {
    return assertInstanceOf(CollectOutcome.Rejected.class, outcome).rejection();
  }

  @Test
  void kHonestShares_giveACertificateThatVerifies() throws Exception {
    ShareCollector collector = collector(small, LOCK);
    assertEquals(new CollectOutcome.Pending(1, 2), collector.offer(small.share(3, LOCK)));
    CollectOutcome.Certified certified =
        assertInstanceOf(CollectOutcome.Certified.class, collector.offer(small.share(1, LOCK)));
    certified.certificate().verify(small.dealing().record().publicKey());
    assertEquals(LOCK, certified.certificate().statement());
    assertEquals(small.dealing().reference(), certified.certificate().dealing());
    assertTrue(certified.blamed().isEmpty());
    assertEquals(Rejection.ALREADY_CERTIFIED, rejection(collector.offer(small.share(2, LOCK))));
  }

  @Test
  void decisionStatement_isCertifiedLikeALock() throws Exception {
    CrossAsStatement decision =
        new CrossAsStatement.DecisionStatement(
            X, Y, TX, ConsensusTime.ofMillis(5_000), Decision.RELEASE, "DEADLINE_PASSED");
    ShareCollector collector = collector(small, decision);
    collector.offer(small.share(2, decision));
    assertInstanceOf(CollectOutcome.Certified.class, collector.offer(small.share(4, decision)));
  }

  @Test
  void shareFromANonMember_isRejected() {
    IdentityKeyPair stranger = IdentityKeyPair.generate(new SeededRandom(5));
    WrappedShare honest = small.share(1, LOCK);
    WrappedShare foreign =
        new WrappedShare(
            stranger.publicKey(),
            honest.share(),
            stranger.sign(SigningDomain.SHARE_WRAP, WrappedShare.wrapBytes(LOCK, honest.share())));
    assertEquals(Rejection.NOT_A_MEMBER, rejection(collector(small, LOCK).offer(foreign)));
  }

  @Test
  void shareOfAnotherReplicasIndex_isRejected() {
    WrappedShare theirs = small.share(2, LOCK);
    IdentityKeyPair replica1 = small.signers().identities().get(0);
    WrappedShare stolen =
        new WrappedShare(
            replica1.publicKey(),
            theirs.share(),
            replica1.sign(SigningDomain.SHARE_WRAP, WrappedShare.wrapBytes(LOCK, theirs.share())));
    assertEquals(Rejection.WRONG_SHARE_INDEX, rejection(collector(small, LOCK).offer(stolen)));
  }

  @Test
  void shareWithABadWrap_isRejected() {
    WrappedShare honest = small.share(1, LOCK);
    WrappedShare wrappedForOther =
        new WrappedShare(honest.sender(), honest.share(), small.share(1, OTHER).wrap());
    ShareCollector collector = collector(small, LOCK);
    assertEquals(Rejection.BAD_WRAP, rejection(collector.offer(wrappedForOther)));
    assertEquals(new CollectOutcome.Pending(1, 2), collector.offer(honest));
  }

  @Test
  void sameShareTwice_isADuplicateAndCountsOnce() {
    ShareCollector collector = collector(small, LOCK);
    collector.offer(small.share(1, LOCK));
    assertEquals(Rejection.DUPLICATE, rejection(collector.offer(small.share(1, LOCK))));
    assertInstanceOf(CollectOutcome.Certified.class, collector.offer(small.share(3, LOCK)));
  }

  @Test
  void differentSecondShareFromOneSender_isBlamedAsEquivocation() {
    ShareCollector collector = collector(small, LOCK);
    collector.offer(small.share(1, LOCK));
    assertEquals(
        Rejection.EQUIVOCATION, rejection(collector.offer(small.badShare(1, LOCK, OTHER))));
    assertEquals(1, collector.blamed().size());
    assertEquals(Rejection.SENDER_BLAMED, rejection(collector.offer(small.share(1, LOCK))));
  }

  @Test
  void badShare_isBlamedWithItsSenderAndCollectionGoesOn() throws Exception {
    ShareCollector collector = collector(small, LOCK);
    collector.offer(small.share(1, LOCK));
    CollectOutcome.Blamed blamed =
        assertInstanceOf(
            CollectOutcome.Blamed.class, collector.offer(small.badShare(2, LOCK, OTHER)));
    assertEquals(1, blamed.blamed().size());
    assertEquals(2, blamed.blamed().get(0).index().value());
    assertEquals(small.signers().identities().get(1).publicKey(), blamed.blamed().get(0).sender());
    assertTrue(blamed.blamed().get(0).evidence().wrapValid(LOCK), "blame is attributable");
    assertEquals(1, blamed.collected());
    assertEquals(Rejection.SENDER_BLAMED, rejection(collector.offer(small.share(2, LOCK))));
    CollectOutcome.Certified certified =
        assertInstanceOf(CollectOutcome.Certified.class, collector.offer(small.share(4, LOCK)));
    certified.certificate().verify(small.dealing().record().publicKey());
  }

  @Test
  void severalBadShares_areAllNamed_andAnHonestQuorumStillCertifies() throws Exception {
    ShareCollector collector = collector(seven, LOCK);
    collector.offer(seven.badShare(1, LOCK, OTHER));
    collector.offer(seven.share(2, LOCK));
    CollectOutcome third = collector.offer(seven.badShare(3, LOCK, OTHER));
    assertInstanceOf(CollectOutcome.Blamed.class, third);
    assertEquals(List.of(1, 3), collector.blamed().stream().map(b -> b.index().value()).toList());
    collector.offer(seven.share(4, LOCK));
    CollectOutcome last = collector.offer(seven.share(6, LOCK));
    assertInstanceOf(CollectOutcome.Certified.class, last);
    collector.certificate().orElseThrow().verify(seven.dealing().record().publicKey());
  }

  @Test
  void collector_refusesAStatementSignedByAnotherAs() {
    CrossAsStatement fromY = new CrossAsStatement.Lock(Y, X, TX, ConsensusTime.ofMillis(1));
    org.junit.jupiter.api.Assertions.assertThrows(
        IllegalArgumentException.class, () -> collector(small, fromY));
  }
}
