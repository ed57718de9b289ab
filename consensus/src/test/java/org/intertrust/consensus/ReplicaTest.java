package org.intertrust.consensus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.intertrust.crypto.bls.BlsSignature;
import org.intertrust.crypto.bls.PartialSignature;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ReplicaTest {
  private static final long SECOND = 1000 * TestCluster.MILLIS;

  private static final boolean LONG = Boolean.getBoolean("intertrust.long");

  static Stream<Arguments> clusters() {
    List<Arguments> out = new ArrayList<>();
    for (int n : new int[] {4, 7, 10}) {
      for (long seed = 0; seed < (LONG ? 20 : n == 10 ? 1 : 3); seed++) {
        out.add(Arguments.of(n, seed));
      }
    }
    return out.stream();
  }

  @ParameterizedTest(name = "n={0} seed={1}")
  @MethodSource("clusters")
  void honestCluster_commitsABlockEveryRoundOrSo(int n, long seed) {
    TestCluster cluster = new TestCluster(n, seed);
    cluster.start();
    cluster.runFor(SECOND);
    int height = cluster.minHonestHeight();
    assertTrue(height >= 20, "seed " + seed + ": only " + height + " blocks in 1 s of 10 ms hops");
    assertTrue(
        cluster.rejections.stream().noneMatch(r -> r.reason() != RejectReason.WRONG_ROUND),
        "seed " + seed + ": " + cluster.rejections);
  }

  @ParameterizedTest(name = "n={0} seed={1}")
  @MethodSource("clusters")
  void fSilentReplicas_includingLeaders_viewChangeAndProgress(int n, long seed) {
    TestCluster cluster = new TestCluster(n, seed);
    int f = ConsensusConfig.faults(n);
    for (int i = 0; i < f; i++) {
      cluster.silent.add((int) ((seed + 2L * i) % n));
    }
    cluster.start();
    cluster.runFor(10 * SECOND);
    int height = cluster.minHonestHeight();
    assertTrue(height >= 5, "seed " + seed + ": only " + height + " blocks with f silent");
  }

  /**
   * Regression: with f silent replicas every quorum needs every honest replica, so one honest
   * replica that misses the proposal carrying a timeout certificate must still catch up. Before
   * timeouts carried the certificate of the round before, a lost message froze the cluster for good
   * (found by the cross-AS scenario with {@code --faults byzantine,loss}).
   */
  /** One seed per size by default (each runs 20 s of virtual time); all seeds in the long run. */
  static Stream<Arguments> lossyClusters() {
    return LONG
        ? clusters()
        : Stream.of(Arguments.of(4, 0L), Arguments.of(7, 1L), Arguments.of(10, 0L));
  }

  @ParameterizedTest(name = "n={0} seed={1}")
  @MethodSource("lossyClusters")
  void fSilentReplicas_andMessageLoss_keepCommitting(int n, long seed) {
    TestCluster cluster = new TestCluster(n, seed);
    int f = ConsensusConfig.faults(n);
    for (int i = 0; i < f; i++) {
      cluster.silent.add((int) ((seed + 2L * i) % n));
    }
    cluster.loss = 0.02;
    cluster.start();
    cluster.runFor(10 * SECOND);
    int first = cluster.minHonestHeight();
    cluster.runFor(10 * SECOND);
    int second = cluster.minHonestHeight();
    assertTrue(
        second >= first + 3,
        "seed " + seed + ": " + first + " blocks after 10 s, " + second + " after 20 s");
  }

  @ParameterizedTest(name = "n={0} seed={1}")
  @MethodSource("clusters")
  void fReplicasSendingBadShares_areBlamed_andTheClusterProgresses(int n, long seed) {
    TestCluster cluster = new TestCluster(n, seed);
    int f = ConsensusConfig.faults(n);
    Set<Integer> bad = new java.util.HashSet<>();
    for (int i = 0; i < f; i++) {
      bad.add((int) ((seed + 3L * i + 1) % n));
    }
    BlsSignature wrong = cluster.replicas.length > 0 ? anySignature(cluster) : null;
    cluster.byzantine(
        bad,
        message ->
            message instanceof ConsensusMessage.Vote vote
                ? new ConsensusMessage.Vote(
                    vote.round(),
                    vote.height(),
                    vote.blockHash(),
                    new PartialSignature(vote.share().index(), wrong),
                    vote.sender(),
                    vote.wrap())
                : message);
    cluster.start();
    cluster.runFor(SECOND);
    assertTrue(cluster.minHonestHeight() >= 10, "seed " + seed);
    assertTrue(
        cluster.rejections.stream()
            .filter(
                r ->
                    r.reason() == RejectReason.BAD_SIGNATURE
                        || r.reason() == RejectReason.BAD_SHARE)
            .allMatch(r -> bad.contains(r.from())),
        "only the Byzantine replicas are blamed, seed " + seed);
  }

  private static BlsSignature anySignature(TestCluster cluster) {
    return org.intertrust.crypto.bls.BlsSecretKey.generate(TestCluster.seeded(99))
        .sign(org.intertrust.crypto.encoding.SigningDomain.BENCHMARK, new byte[] {1});
  }

  @ParameterizedTest(name = "n={0} seed={1}")
  @MethodSource("clusters")
  void crashedReplica_restartsFromItsSafetyState_andCatchesUp(int n, long seed) {
    TestCluster cluster = new TestCluster(n, seed);
    cluster.start();
    cluster.runFor(SECOND / 2);
    int victim = (int) (seed % n);
    SafetyState before = cluster.persisted[victim];
    cluster.crashAndRestart(victim, 300 * TestCluster.MILLIS);
    cluster.runFor(SECOND);
    assertTrue(cluster.persisted[victim].highestVoteRound() >= before.highestVoteRound());
    assertTrue(cluster.minHonestHeight() >= 20, "seed " + seed);
    int others = cluster.committed.get((victim + 1) % n).size();
    assertTrue(
        cluster.committed.get(victim).size() >= others - 5,
        "seed " + seed + ": victim at " + cluster.committed.get(victim).size() + " vs " + others);
  }

  /**
   * Regression, found by the long run: a restarted replica adopts a certificate (from a peer's
   * timeout) for a block it does not have, then leads a round. It must fetch the block and propose,
   * not fail.
   */
  @ParameterizedTest(name = "n=10 seed={0}")
  @org.junit.jupiter.params.provider.ValueSource(longs = {3, 13})
  void restartedLeader_lackingTheBlockOfItsHighestCertificate_fetchesItAndProposes(long seed) {
    crashedReplica_restartsFromItsSafetyState_andCatchesUp(10, seed);
  }

  @Test
  void messageFromNonMember_isRejectedAndChangesNothing() {
    TestCluster cluster = new TestCluster(4, 1);
    Replica replica = cluster.replicas[0];
    replica.handle(new Event.Start(0));
    long round = replica.currentRound();
    List<Action> actions =
        replica.handle(
            new Event.Received(1, 9, new ConsensusMessage.BlockRequest(1, BlockHash.ZERO, 0, 9)));
    assertEquals(1, actions.size());
    assertEquals(RejectReason.NOT_A_MEMBER, ((Action.Reject) actions.get(0)).reason());
    assertEquals(round, replica.currentRound());
  }

  @Test
  void votesAndTimeoutsFarAhead_areRejected_soAMemberCannotFloodMemory() {
    TestCluster cluster = new TestCluster(4, 3);
    Replica replica = cluster.replicas[2];
    replica.handle(new Event.Start(0));
    long collected = replica.currentRound() + 100;
    while (cluster.config.leader(collected + 1) != 2) {
      collected++;
    }
    var share =
        cluster
            .share(1)
            .signPartial(org.intertrust.crypto.encoding.SigningDomain.BENCHMARK, new byte[0]);
    var vote = new ConsensusMessage.Vote(collected, 5, BlockHash.ZERO, share, 1, null);
    List<Action> actions = replica.handle(new Event.Received(1, 1, vote));
    assertEquals(RejectReason.WRONG_ROUND, ((Action.Reject) actions.get(0)).reason(), "" + actions);
    var timeout =
        new ConsensusMessage.Timeout(
            replica.currentRound() + 100,
            replica.highQc(),
            null,
            1,
            cluster
                .identity(1)
                .sign(org.intertrust.crypto.encoding.SigningDomain.BENCHMARK, new byte[0]));
    actions = replica.handle(new Event.Received(2, 1, timeout));
    assertEquals(RejectReason.WRONG_ROUND, ((Action.Reject) actions.get(0)).reason());
  }

  /** Replica 2 handles a validly signed round-1 proposal of the given payload size and time. */
  private static List<Action> proposeToReplica2(TestCluster cluster, int payloadBytes, long time) {
    Replica replica = cluster.replicas[2];
    replica.handle(new Event.Start(0));
    long round = replica.currentRound();
    int leader = cluster.config.leader(round);
    Block genesis = Block.genesis(TestCluster.AS);
    Block block =
        new Block(
            TestCluster.AS,
            round,
            1,
            genesis.hash(),
            leader,
            time,
            new byte[payloadBytes],
            QuorumCertificate.genesis(genesis));
    var proposal =
        new ConsensusMessage.Proposal(
            block,
            null,
            leader,
            cluster
                .identity(leader)
                .sign(
                    org.intertrust.crypto.encoding.SigningDomain.CONSENSUS_PREPARE,
                    Messages.proposalStatement(block)));
    return replica.handle(new Event.Received(1_000, leader, proposal));
  }

  private static void assertRejectedWithoutVote(List<Action> actions, RejectReason reason) {
    assertTrue(
        actions.stream().anyMatch(a -> a instanceof Action.Reject r && r.reason() == reason),
        "" + actions);
    assertTrue(actions.stream().noneMatch(a -> a instanceof Action.Send), "no vote: " + actions);
  }

  @Test
  void oversizedBatch_isRejectedWithoutAVote_andChangesNothing() {
    TestCluster cluster = new TestCluster(4, 4);
    SafetyState before = cluster.replicas[2].safetyState();
    List<Action> actions = proposeToReplica2(cluster, cluster.config.maxPayloadBytes() + 1, 500);
    assertRejectedWithoutVote(actions, RejectReason.INVALID_PAYLOAD);
    assertEquals(before, cluster.replicas[2].safetyState());
  }

  @Test
  void blockTimeFarAheadOfTheReplicasClock_isRejected() {
    TestCluster cluster = new TestCluster(4, 5);
    assertRejectedWithoutVote(
        proposeToReplica2(cluster, 0, 1_000 + 3_000_000_000L), RejectReason.MALFORMED_BLOCK);
    TestCluster honest = new TestCluster(4, 5);
    assertTrue(
        proposeToReplica2(honest, 0, 900).stream().anyMatch(a -> a instanceof Action.Send),
        "a block within the drift gets a vote");
  }

  @Test
  void config_refusesAThresholdOtherThanTwoFPlusOne() {
    TestCluster cluster = new TestCluster(4, 2);
    var wrongKey = TestCluster.deal(2, 4, new java.util.Random(3)).publicKey();
    assertThrows(
        IllegalArgumentException.class,
        () -> new ConsensusConfig(TestCluster.AS, cluster.config.replicaKeys(), wrongKey, 1, 0));
  }
}
