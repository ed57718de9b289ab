package org.intertrust.ledger.replication;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.SplittableRandom;
import org.intertrust.crypto.bls.BlsSecretKey;
import org.intertrust.crypto.bls.ThresholdDealer;
import org.intertrust.crypto.encoding.SigningDomain;
import org.intertrust.ledger.block.ExecutionCertificate;
import org.intertrust.ledger.block.ExecutionStatement;
import org.intertrust.ledger.execution.Receipt;
import org.intertrust.ledger.execution.SignatureVerifier;
import org.intertrust.ledger.replication.LedgerReplica.CertificateOutcome;
import org.intertrust.ledger.state.Audit;
import org.intertrust.ledger.store.InMemoryLedgerStore;
import org.intertrust.ledger.testing.Fixtures;
import org.intertrust.ledger.tx.TransactionCodec;
import org.intertrust.ledger.tx.Transfer;
import org.intertrust.ledger.value.Amount;
import org.intertrust.ledger.value.Nonce;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LedgerReplicaTest {
  private static final ThresholdDealer.DealtKey EXECUTION_KEY =
      ThresholdDealer.dealRandom(2, 4, new Random(5));

  static ReplicationConfig config(BatchLimits limits, int mempoolTransactions) {
    return new ReplicationConfig(
        Fixtures.AS_X,
        Fixtures.genesis(Fixtures.AS_X),
        EXECUTION_KEY.publicKey(),
        limits,
        mempoolTransactions,
        1 << 20);
  }

  static LedgerReplica replica(int self, InMemoryLedgerStore store, ReplicationConfig config)
      throws Exception {
    return new LedgerReplica(
        config,
        self,
        EXECUTION_KEY.shares().get(self),
        store,
        SignatureVerifier.DIRECT,
        new SplittableRandom(self));
  }

  static byte[] transfer(int from, int to, long amount, long nonce) {
    return TransactionCodec.encode(
        Transfer.sign(
            Fixtures.key(from),
            Fixtures.AS_X,
            Fixtures.account(to),
            Fixtures.GOLD,
            Amount.of(amount),
            new Nonce(nonce)));
  }

  @Test
  void replicasExecutingTheSameCommittedPayloads_reachTheSameStateAndCombineACertificate()
      throws Exception {
    ReplicationConfig config = config(BatchLimits.DEFAULT, 100);
    List<LedgerReplica> replicas = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      replicas.add(replica(i, new InMemoryLedgerStore(), config));
    }
    LedgerReplica leader = replicas.get(1);
    SplittableRandom random = new SplittableRandom(3);
    for (int nonce = 0; nonce < 3; nonce++) {
      for (int from = 0; from < 4; from++) {
        byte[] tx = transfer(from, (from + 1) % 4, 1 + random.nextInt(50), nonce);
        replicas.forEach(r -> assertTrue(r.submit(tx).isAccepted()));
      }
    }
    byte[] payload = leader.nextPayload(1, 1 << 20);
    assertTrue(replicas.get(2).checkPayload(1, payload).isValid());
    CommittedPayload committed = new CommittedPayload(1, 5_000_000, 1, payload);
    List<ExecutionShare> shares = new ArrayList<>();
    for (LedgerReplica replica : replicas) {
      shares.add(replica.execute(committed).orElseThrow().share());
      assertEquals(0, replica.mempool().size(), "executed transactions leave the mempool");
      assertEquals(List.of(), Audit.check(replica.state()));
    }
    assertEquals(12, replicas.get(0).latestHeader().transactionCount());
    replicas.forEach(r -> assertEquals(replicas.get(0).latestHeader(), r.latestHeader()));
    assertNotEquals(Fixtures.genesisState(Fixtures.AS_X).hash(), replicas.get(0).state().hash());
    LedgerReplica collector = replicas.get(replicas.get(0).collector(1));
    assertTrue(collector.onShare(shares.get(0)).certificate().isEmpty(), "f+1 = 2 needed");
    ExecutionCertificate certificate = collector.onShare(shares.get(2)).certificate().orElseThrow();
    assertTrue(certificate.verify(EXECUTION_KEY.publicKey()));
    assertEquals(replicas.get(0).latestHeader().stateHash(), certificate.statement().stateHash());
    for (LedgerReplica replica : replicas) {
      assertEquals(CertificateOutcome.STORED, replica.onCertificate(certificate));
      assertEquals(CertificateOutcome.ALREADY_STORED, replica.onCertificate(certificate));
    }
  }

  @Test
  void aForgedOrForeignCertificate_isRefused_andAShareToTheWrongCollectorIsBlamed()
      throws Exception {
    LedgerReplica replica = replica(0, new InMemoryLedgerStore(), config(BatchLimits.DEFAULT, 10));
    ExecutionShare share =
        replica
            .execute(new CommittedPayload(1, 2_000_000, 0, PayloadBatch.encode(List.of())))
            .orElseThrow()
            .share();
    ExecutionStatement statement = share.statement();
    ExecutionCertificate forged =
        new ExecutionCertificate(
            statement,
            BlsSecretKey.generate(new java.security.SecureRandom())
                .sign(SigningDomain.EXECUTION, statement.encode()));
    assertEquals(CertificateOutcome.INVALID, replica.onCertificate(forged));
    int wrongCollector = replica.collector(1) == 0 ? 2 : 0;
    LedgerReplica other =
        replica(wrongCollector, new InMemoryLedgerStore(), config(BatchLimits.DEFAULT, 10));
    assertEquals(List.of(0), other.onShare(share).blamed());
  }

  @Test
  void submit_refusesWithTypedReasons() throws Exception {
    LedgerReplica replica = replica(0, new InMemoryLedgerStore(), config(BatchLimits.DEFAULT, 2));
    byte[] good = transfer(0, 1, 5, 0);
    assertTrue(replica.submit(good).isAccepted());
    assertProblem(TransactionProblem.DUPLICATE, replica.submit(good));
    assertProblem(TransactionProblem.MALFORMED, replica.submit(new byte[] {1, 2, 3}));
    assertProblem(
        TransactionProblem.OVERSIZED,
        replica.submit(new byte[TransactionCodec.MAX_ENCODED_SIZE + 1]));
    byte[] tampered = good.clone();
    tampered[tampered.length - 1] ^= 1;
    assertProblem(TransactionProblem.BAD_SIGNATURE, replica.submit(tampered));
    byte[] foreign =
        TransactionCodec.encode(
            Transfer.sign(
                Fixtures.key(0),
                Fixtures.AS_Y,
                Fixtures.account(1),
                Fixtures.GOLD,
                Amount.of(1),
                Nonce.ZERO));
    assertProblem(TransactionProblem.WRONG_CHAIN, replica.submit(foreign));
    assertProblem(
        TransactionProblem.NOT_SUBMITTABLE,
        replica.submit(TransactionCodec.encode(Fixtures.genesis(Fixtures.AS_X))));
    assertTrue(replica.submit(transfer(1, 2, 5, 0)).isAccepted());
    assertProblem(TransactionProblem.MEMPOOL_FULL, replica.submit(transfer(2, 3, 5, 0)));
    replica.execute(new CommittedPayload(1, 2_000_000, 0, replica.nextPayload(1, 1 << 20)));
    assertEquals(0, replica.mempool().size());
    assertProblem(TransactionProblem.STALE_NONCE, replica.submit(transfer(0, 2, 7, 0)));
  }

  private static void assertProblem(TransactionProblem expected, Admission admission) {
    assertEquals(Optional.of(expected), admission.problem(), admission.detail());
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 3, 7})
  void nextPayload_staysWithinTheCountAndByteBounds(int maxTransactions) throws Exception {
    int oneTransfer = transfer(0, 1, 1, 0).length;
    BatchLimits limits =
        new BatchLimits(
            maxTransactions, TransactionCodec.MAX_ENCODED_SIZE + PayloadBatch.HEADER_BYTES + 4);
    LedgerReplica replica = replica(0, new InMemoryLedgerStore(), config(limits, 100));
    for (int nonce = 0; nonce < 3; nonce++) {
      for (int from = 0; from < 4; from++) {
        replica.submit(transfer(from, (from + 1) % 4, 1, nonce));
      }
    }
    PayloadBatch.Check full =
        PayloadBatch.check(
            replica.nextPayload(1, 1 << 20), Fixtures.AS_X, limits, SignatureVerifier.DIRECT);
    assertEquals(maxTransactions, full.transactions().size());
    int bytes = PayloadBatch.HEADER_BYTES + 2 * (4 + oneTransfer);
    byte[] small = replica.nextPayload(2, bytes);
    assertTrue(small.length <= bytes, small.length + " > " + bytes);
  }

  @Test
  void aSignersLaterNonce_isNotProposedWhileAnEarlierOneIsInFlight() throws Exception {
    LedgerReplica replica = replica(0, new InMemoryLedgerStore(), config(BatchLimits.DEFAULT, 10));
    byte[] first = transfer(0, 1, 1, 0);
    replica.submit(first);
    byte[] firstBatch = replica.nextPayload(1, 1 << 20);
    replica.submit(transfer(0, 1, 1, 1));
    replica.submit(transfer(1, 2, 1, 0));
    PayloadBatch.Check second =
        PayloadBatch.check(
            replica.nextPayload(2, 1 << 20),
            Fixtures.AS_X,
            BatchLimits.DEFAULT,
            SignatureVerifier.DIRECT);
    assertEquals(1, second.transactions().size(), "only account 1's transfer");
    assertArrayEquals(transfer(1, 2, 1, 0), second.transactions().get(0).encoded());
    assertEquals(
        1,
        PayloadBatch.check(firstBatch, Fixtures.AS_X, BatchLimits.DEFAULT, SignatureVerifier.DIRECT)
            .transactions()
            .size());
  }

  @Test
  void aTransactionInAProposedBlock_staysOutOfItsPossibleDescendants_untilThatHeightExecutes()
      throws Exception {
    LedgerReplica replica = replica(0, new InMemoryLedgerStore(), config(BatchLimits.DEFAULT, 10));
    byte[] a = transfer(0, 1, 1, 0);
    byte[] b = transfer(1, 2, 1, 0);
    replica.submit(a);
    replica.submit(b);
    String hexA = java.util.HexFormat.of().formatHex(a);
    String hexB = java.util.HexFormat.of().formatHex(b);
    assertTrue(replica.checkPayload(2, PayloadBatch.encode(List.of(a))).isValid());
    assertEquals(
        List.of(hexB),
        encodings(replica.nextPayload(3, 1 << 20)),
        "a is in a proposed block at 2, a possible ancestor of a block at 3");
    assertEquals(
        List.of(hexA, hexB),
        encodings(replica.nextPayload(2, 1 << 20)),
        "another block at 2 cannot descend from the one carrying a");
    replica.execute(new CommittedPayload(1, 1_000_000, 0, PayloadBatch.encode(List.of(b))));
    replica.execute(new CommittedPayload(2, 2_000_000, 1, PayloadBatch.encode(List.of())));
    assertEquals(
        List.of(hexA),
        encodings(replica.nextPayload(3, 1 << 20)),
        "height 2 was executed without a: its block was abandoned, a is proposed again");
    assertEquals(List.of(), encodings(replica.nextPayload(4, 1 << 20)), "a is in the block at 3");
    assertEquals(
        List.of(hexA),
        encodings(replica.nextPayload(3, 1 << 20)),
        "another block at 3 cannot descend from the first one: a may go in again");
  }

  /**
   * An equivocating leader showed this replica another version of the block at 1, so it never
   * checked the certified one; it fetched that block and the block at 2 while catching up. As the
   * leader at 3 it must still leave out what they carry and continue each signer's nonces after
   * them: it used to propose them all again, and execution rejected the copies (stale nonces).
   */
  @Test
  void aLeader_leavesOutWhatItsUnexecutedAncestorsCarry_evenBlocksItNeverChecked()
      throws Exception {
    LedgerReplica replica = replica(0, new InMemoryLedgerStore(), config(BatchLimits.DEFAULT, 10));
    byte[] a0 = transfer(0, 1, 1, 0);
    byte[] b0 = transfer(1, 2, 1, 0);
    byte[] a1 = transfer(0, 1, 1, 1);
    byte[] c0 = transfer(2, 3, 1, 0);
    byte[] gap = transfer(3, 0, 1, 1);
    for (byte[] tx : List.of(a0, b0, a1, c0, gap)) {
      assertTrue(replica.submit(tx).isAccepted());
    }
    byte[] atOne = PayloadBatch.encode(List.of(a0, b0));
    byte[] atTwo = PayloadBatch.encode(List.of(a1));
    byte[] atThree = replica.nextPayload(3, 1 << 20, List.of(atOne, atTwo));
    assertEquals(
        List.of(hex(c0)), encodings(atThree), "not a0, b0, a1 again; not account 3's nonce 1");
    assertEquals(
        List.of(hex(a1), hex(c0)),
        encodings(replica.nextPayload(2, 1 << 20, List.of(atOne))),
        "on the block at 1 alone, a1 continues a0");
    List<Receipt> receipts = new ArrayList<>();
    long height = 1;
    for (byte[] payload : List.of(atOne, atTwo, atThree)) {
      receipts.addAll(
          replica
              .execute(new CommittedPayload(height, height * 1_000_000, 1, payload))
              .orElseThrow()
              .executed()
              .receipts());
      height++;
    }
    assertEquals(4, receipts.size());
    assertTrue(receipts.stream().allMatch(Receipt::isApplied), receipts.toString());
    assertEquals(1, replica.mempool().size(), "only the transaction after a nonce gap waits");
  }

  private static String hex(byte[] tx) {
    return java.util.HexFormat.of().formatHex(tx);
  }

  private static List<String> encodings(byte[] payload) {
    List<String> out = new ArrayList<>();
    PayloadBatch.check(payload, Fixtures.AS_X, BatchLimits.DEFAULT, SignatureVerifier.DIRECT)
        .transactions()
        .forEach(tx -> out.add(java.util.HexFormat.of().formatHex(tx.encoded())));
    return out;
  }

  @Test
  void checkPayload_refusesOversizedMalformedAndDuplicatedBatches() throws Exception {
    BatchLimits limits = new BatchLimits(2, BatchLimits.DEFAULT.maxBytes());
    LedgerReplica replica = replica(0, new InMemoryLedgerStore(), config(limits, 10));
    byte[] a = transfer(0, 1, 1, 0);
    byte[] b = transfer(1, 2, 1, 0);
    byte[] c = transfer(2, 3, 1, 0);
    assertTrue(replica.checkPayload(1, PayloadBatch.encode(List.of(a, b))).isValid());
    assertEquals(
        Optional.of(TransactionProblem.BATCH_TOO_LARGE),
        replica.checkPayload(1, PayloadBatch.encode(List.of(a, b, c))).problem());
    assertEquals(
        Optional.of(TransactionProblem.DUPLICATE),
        replica.checkPayload(1, PayloadBatch.encode(List.of(a, a))).problem());
    byte[] truncated = PayloadBatch.encode(List.of(a, b));
    assertEquals(
        Optional.of(TransactionProblem.MALFORMED_BATCH),
        replica
            .checkPayload(1, java.util.Arrays.copyOf(truncated, truncated.length - 1))
            .problem());
    byte[] badSignature = b.clone();
    badSignature[badSignature.length - 2] ^= 4;
    assertEquals(
        Optional.of(TransactionProblem.BAD_SIGNATURE),
        replica.checkPayload(1, PayloadBatch.encode(List.of(a, badSignature))).problem());
  }

  @Test
  void aReplicaRestartedOverItsStore_continuesFromItsLatestBlock_andChecksRecommits()
      throws Exception {
    ReplicationConfig config = config(BatchLimits.DEFAULT, 10);
    InMemoryLedgerStore store = new InMemoryLedgerStore();
    LedgerReplica before = replica(3, store, config);
    List<CommittedPayload> committed = new ArrayList<>();
    for (int height = 1; height <= 3; height++) {
      byte[] payload = PayloadBatch.encode(List.of(transfer(height, 0, 10, 0)));
      committed.add(new CommittedPayload(height, height * 40_000_000L, height % 4, payload));
      before.execute(committed.get(height - 1));
    }
    LedgerReplica after = replica(3, store, config);
    assertEquals(3, after.executedHeight());
    assertEquals(before.state().hash(), after.state().hash());
    assertEquals(Optional.empty(), after.execute(committed.get(1)), "a stored height is skipped");
    CommittedPayload other =
        new CommittedPayload(2, 80_000_000L, 2, PayloadBatch.encode(List.of()));
    assertThrows(IllegalStateException.class, () -> after.execute(other));
    CommittedPayload gap =
        new CommittedPayload(5, 1_000_000_000L, 1, PayloadBatch.encode(List.of()));
    assertThrows(IllegalStateException.class, () -> after.execute(gap));
  }
}
