package org.intertrust.store.rocksdb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.SplittableRandom;
import org.intertrust.consensus.Action;
import org.intertrust.consensus.Block;
import org.intertrust.consensus.ConsensusConfig;
import org.intertrust.consensus.ConsensusMessage;
import org.intertrust.consensus.Event;
import org.intertrust.consensus.Messages;
import org.intertrust.consensus.PayloadSource;
import org.intertrust.consensus.QuorumCertificate;
import org.intertrust.consensus.RejectReason;
import org.intertrust.consensus.Replica;
import org.intertrust.consensus.SafetyState;
import org.intertrust.crypto.bls.ThresholdDealer;
import org.intertrust.crypto.encoding.AsId;
import org.intertrust.crypto.encoding.SigningDomain;
import org.intertrust.crypto.identity.IdentityKeyPair;
import org.intertrust.crypto.identity.IdentityPublicKey;
import org.intertrust.ledger.block.ExecutionCertificate;
import org.intertrust.ledger.block.ExecutionStatement;
import org.intertrust.ledger.execution.SignatureVerifier;
import org.intertrust.ledger.replication.BatchLimits;
import org.intertrust.ledger.replication.CommittedPayload;
import org.intertrust.ledger.replication.ExecutionShare;
import org.intertrust.ledger.replication.LedgerReplica;
import org.intertrust.ledger.replication.LedgerReplica.CertificateOutcome;
import org.intertrust.ledger.replication.PayloadBatch;
import org.intertrust.ledger.replication.ReplicationConfig;
import org.intertrust.ledger.store.InMemoryLedgerStore;
import org.intertrust.ledger.store.LedgerStore;
import org.intertrust.ledger.store.LedgerStoreException;
import org.intertrust.ledger.tx.GenesisAllocation;
import org.intertrust.ledger.tx.TransactionCodec;
import org.intertrust.ledger.tx.Transfer;
import org.intertrust.ledger.value.Amount;
import org.intertrust.ledger.value.Height;
import org.intertrust.ledger.value.Nonce;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A replica's ledger and safety state through RocksDB, as the node will keep them: the ledger
 * survives close and reopen with the exact state hash and its execution certificates, and a
 * restarted consensus replica that reloads its {@link SafetyWal} refuses to vote against what it
 * voted before.
 */
class ReplicaRestartTest {
  private static final ThresholdDealer.DealtKey EXECUTION_KEY =
      ThresholdDealer.dealRandom(2, 4, new Random(9));

  @TempDir Path dir;

  private static ReplicationConfig ledgerConfig() {
    GenesisAllocation genesis = (GenesisAllocation) Chains.genesis().block().transactions().get(0);
    return new ReplicationConfig(
        Chains.AS_X, genesis, EXECUTION_KEY.publicKey(), BatchLimits.DEFAULT, 1_000, 1 << 20);
  }

  private static LedgerReplica ledger(int self, LedgerStore store) throws Exception {
    return new LedgerReplica(
        ledgerConfig(),
        self,
        EXECUTION_KEY.shares().get(self),
        store,
        SignatureVerifier.DIRECT,
        new SplittableRandom(self));
  }

  private static CommittedPayload block(long height, SplittableRandom random) {
    List<byte[]> transfers = new ArrayList<>();
    for (int from = 0; from < 4; from++) {
      transfers.add(
          TransactionCodec.encode(
              Transfer.sign(
                  Chains.key(from),
                  Chains.AS_X,
                  Chains.account(random.nextInt(4)),
                  random.nextBoolean() ? Chains.GOLD : Chains.SILVER,
                  Amount.of(1 + random.nextInt(20)),
                  new Nonce(height - 1))));
    }
    return new CommittedPayload(
        height, height * 50_000_000L, (int) (height % 4), PayloadBatch.encode(transfers));
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2})
  void aReplicasLedger_closedAndReopened_recoversTheExactStateHashAndCertificates(long seed)
      throws Exception {
    SplittableRandom random = new SplittableRandom(seed);
    LedgerReplica peer = ledger(1, new InMemoryLedgerStore());
    LedgerReplica collector = ledger(peer.collector(6), new InMemoryLedgerStore());
    List<CommittedPayload> committed = new ArrayList<>();
    ExecutionCertificate certificate;
    try (RocksDbLedgerStore store = RocksDbLedgerStore.open(dir)) {
      LedgerReplica replica = ledger(0, store);
      List<ExecutionShare> shares = new ArrayList<>();
      for (long height = 1; height <= 6; height++) {
        committed.add(block(height, random));
        shares.clear();
        for (LedgerReplica r : List.of(replica, peer, collector)) {
          shares.add(r.execute(committed.get((int) height - 1)).orElseThrow().share());
        }
      }
      collector.onShare(shares.get(0));
      certificate = collector.onShare(shares.get(1)).certificate().orElseThrow();
      assertEquals(CertificateOutcome.STORED, replica.onCertificate(certificate));
      assertEquals(peer.state().hash(), replica.state().hash());
    }
    try (RocksDbLedgerStore reopened = RocksDbLedgerStore.open(dir)) {
      LedgerReplica restarted = ledger(0, reopened);
      assertEquals(6, restarted.executedHeight());
      assertEquals(peer.state().hash(), restarted.state().hash());
      assertEquals(peer.latestHeader(), restarted.latestHeader());
      ExecutionCertificate stored = reopened.certificate(Height.of(6)).orElseThrow();
      assertEquals(certificate.statement(), stored.statement());
      assertTrue(stored.verify(EXECUTION_KEY.publicKey()));
      assertEquals(Optional.empty(), restarted.execute(committed.get(2)), "already executed");
      ExecutionStatement ahead =
          new ExecutionStatement(
              Chains.AS_X,
              Height.of(7),
              certificate.statement().blockHash(),
              certificate.statement().stateHash());
      LedgerStoreException mismatch =
          assertThrows(
              LedgerStoreException.class,
              () ->
                  reopened.putCertificate(
                      new ExecutionCertificate(ahead, certificate.signature())));
      assertEquals(LedgerStoreException.Reason.CERTIFICATE_MISMATCH, mismatch.reason());
      CommittedPayload next = block(7, random);
      restarted.execute(next);
      peer.execute(next);
      assertEquals(peer.state().hash(), restarted.state().hash());
    }
  }

  // ---- consensus safety through the WAL ------------------------------------------------------

  private static final AsId AS = new AsId(1);

  private record Cluster(
      ConsensusConfig config,
      List<IdentityKeyPair> identities,
      ThresholdDealer.DealtKey commitKey) {}

  private static Cluster cluster() throws NoSuchAlgorithmException {
    List<IdentityKeyPair> identities = new ArrayList<>();
    List<IdentityPublicKey> keys = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      SecureRandom random = SecureRandom.getInstance("SHA1PRNG");
      random.setSeed(100 + i);
      identities.add(IdentityKeyPair.generate(random));
      keys.add(identities.get(i).publicKey());
    }
    ThresholdDealer.DealtKey commit = ThresholdDealer.dealRandom(3, 4, new Random(4));
    return new Cluster(
        new ConsensusConfig(AS, keys, commit.publicKey(), 200_000_000L, 1024), identities, commit);
  }

  private static Replica replica(Cluster cluster, int self, SafetyState persisted) {
    return new Replica(
        cluster.config(),
        self,
        cluster.identities().get(self),
        cluster.commitKey().shares().get(self),
        PayloadSource.EMPTY,
        persisted,
        new SplittableRandom(self));
  }

  /** Round 1's leader (replica 1) proposes a block with {@code payload}. */
  private static ConsensusMessage.Proposal proposal(Cluster cluster, byte payload) {
    Block genesis = Block.genesis(AS);
    Block block =
        new Block(
            AS,
            1,
            1,
            genesis.hash(),
            1,
            1_000_000L,
            new byte[] {payload},
            QuorumCertificate.genesis(genesis));
    return new ConsensusMessage.Proposal(
        block,
        null,
        1,
        cluster
            .identities()
            .get(1)
            .sign(SigningDomain.CONSENSUS_PREPARE, Messages.proposalStatement(block)));
  }

  /** Runs the events through the replica, persisting safety to the WAL first; returns votes. */
  private static List<ConsensusMessage.Vote> run(
      Replica replica, SafetyWal wal, ConsensusMessage.Proposal proposal, List<Action> log)
      throws Exception {
    List<ConsensusMessage.Vote> votes = new ArrayList<>();
    List<Action> actions = new ArrayList<>(replica.handle(new Event.Start(1_000_000L)));
    actions.addAll(replica.handle(new Event.Received(1_000_000L, 1, proposal)));
    for (Action action : actions) {
      log.add(action);
      if (action instanceof Action.PersistSafety persist) {
        wal.persist(persist.state());
      } else if (action instanceof Action.Send send
          && send.message() instanceof ConsensusMessage.Vote vote) {
        votes.add(vote);
      }
    }
    return votes;
  }

  @Test
  void aRestartedReplica_reloadsItsWal_andNeverVotesAgainstItsEarlierVote() throws Exception {
    Cluster cluster = cluster();
    ConsensusMessage.Proposal first = proposal(cluster, (byte) 1);
    ConsensusMessage.Proposal conflicting = proposal(cluster, (byte) 2);
    List<Action> log = new ArrayList<>();
    try (SafetyWal wal = SafetyWal.open(dir)) {
      List<ConsensusMessage.Vote> votes = run(replica(cluster, 2, wal.load()), wal, first, log);
      assertEquals(1, votes.size(), "voted for the first proposal: " + log);
      assertEquals(first.block().hash(), votes.get(0).blockHash());
    }
    try (SafetyWal reopened = SafetyWal.open(dir)) {
      assertEquals(1, reopened.load().highestVoteRound());
      log.clear();
      List<ConsensusMessage.Vote> votes =
          run(replica(cluster, 2, reopened.load()), reopened, conflicting, log);
      assertEquals(List.of(), votes, "a second vote in round 1: " + log);
      assertTrue(
          log.stream()
              .anyMatch(a -> a instanceof Action.Reject r && r.reason() == RejectReason.UNSAFE),
          log.toString());
    }
    try (SafetyWal lost = SafetyWal.open(dir.resolve("lost"))) {
      List<ConsensusMessage.Vote> votes =
          run(replica(cluster, 2, lost.load()), lost, conflicting, new ArrayList<>());
      assertEquals(1, votes.size(), "without its WAL the replica would vote again: the control");
    }
  }
}
