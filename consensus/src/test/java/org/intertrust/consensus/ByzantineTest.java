package org.intertrust.consensus;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.intertrust.consensus.ConsensusMessage.Proposal;
import org.intertrust.consensus.ConsensusMessage.Vote;
import org.intertrust.crypto.encoding.SigningDomain;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Scripted Byzantine replicas: agreement is checked after every event by the cluster. */
class ByzantineTest {
  private static final long SECOND = 1000 * TestCluster.MILLIS;

  static Stream<Arguments> clusters() {
    return Stream.of(
        Arguments.of(4, 0L), Arguments.of(4, 1L), Arguments.of(7, 0L), Arguments.of(7, 1L));
  }

  static Set<Integer> firstF(int n, long seed) {
    Set<Integer> bad = new HashSet<>();
    for (int i = 0; i < ConsensusConfig.faults(n); i++) {
      bad.add((int) ((seed + 2L * i) % n));
    }
    return bad;
  }

  /** A leader that sends every other recipient a different, validly signed block. */
  @ParameterizedTest(name = "n={0} seed={1}")
  @MethodSource("clusters")
  void equivocatingLeaders_neverBreakAgreement_andTheClusterProgresses(int n, long seed) {
    TestCluster cluster = new TestCluster(n, seed);
    Set<Integer> bad = firstF(n, seed);
    AtomicLong counter = new AtomicLong();
    cluster.byzantine(
        bad,
        message -> {
          if (!(message instanceof Proposal proposal) || counter.incrementAndGet() % 2 == 0) {
            return message;
          }
          Block honest = proposal.block();
          Block other =
              new Block(
                  honest.as(),
                  honest.round(),
                  honest.height(),
                  honest.parent(),
                  honest.proposer(),
                  honest.time() + 1,
                  new byte[] {(byte) counter.get()},
                  honest.justify());
          byte[] statement =
              RoundStatement.proposal(honest.as(), honest.round(), other.hash()).encode();
          return new Proposal(
              other,
              proposal.timeoutCertificate(),
              proposal.sender(),
              cluster.identity(proposal.sender()).sign(SigningDomain.CONSENSUS_PREPARE, statement));
        });
    cluster.start();
    cluster.runFor(4 * SECOND);
    assertTrue(cluster.minHonestHeight() >= 5, "seed " + seed + ": " + cluster.minHonestHeight());
  }

  /** Replicas that vote, with valid shares, for blocks nobody proposed. */
  @ParameterizedTest(name = "n={0} seed={1}")
  @MethodSource("clusters")
  void forkVotes_doNotFormCertificates_andTheClusterProgresses(int n, long seed) {
    TestCluster cluster = new TestCluster(n, seed);
    Set<Integer> bad = firstF(n, seed);
    cluster.byzantine(
        bad,
        message -> {
          if (!(message instanceof Vote vote)) {
            return message;
          }
          BlockHash fork = BlockHash.digest(vote.blockHash().toBytes());
          VoteStatement statement =
              new VoteStatement(TestCluster.AS, vote.round(), vote.height(), fork);
          var share =
              cluster
                  .share(vote.sender())
                  .signPartial(SigningDomain.CONSENSUS_COMMIT, statement.encode());
          byte[] wrapped = Replica.shareWrapBytes(statement, share.toBytes());
          return new Vote(
              vote.round(),
              vote.height(),
              fork,
              share,
              vote.sender(),
              cluster.identity(vote.sender()).sign(SigningDomain.SHARE_WRAP, wrapped));
        });
    cluster.start();
    cluster.runFor(2 * SECOND);
    assertTrue(cluster.minHonestHeight() >= 10, "seed " + seed + ": " + cluster.minHonestHeight());
    assertTrue(
        cluster.rejections.stream().noneMatch(r -> r.reason() == RejectReason.BAD_SIGNATURE),
        "fork votes are well signed: they must fail as a minority, not on a signature");
  }
}
