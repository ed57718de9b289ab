package org.intertrust.gateway.protocol.certificate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.intertrust.crypto.bls.ThresholdCombiner;
import org.intertrust.crypto.bls.ThresholdPublicKey;
import org.intertrust.crypto.encoding.AsId;
import org.intertrust.crypto.encoding.EncodingException;
import org.intertrust.gateway.DealtAs;
import org.intertrust.gateway.Fixtures;
import org.intertrust.gateway.protocol.certificate.CertificateException.Reason;
import org.intertrust.gateway.protocol.certificate.CrossAsStatement.TransactionStatement;
import org.intertrust.gateway.protocol.collect.CollectOutcome;
import org.intertrust.gateway.protocol.collect.ShareCollector;
import org.intertrust.ledger.merkle.MerkleProof;
import org.intertrust.ledger.tx.Decision;
import org.intertrust.ledger.value.ConsensusTime;
import org.intertrust.ledger.value.CrossAsTxId;
import org.intertrust.ledger.value.Hash32;
import org.intertrust.ledger.value.Sha256;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CertificateTest {
  private static final AsId X = new AsId(1);
  private static final AsId Y = new AsId(2);
  private static DealtAs xReplicas;
  private static DealtAs otherDealing;

  @BeforeAll
  static void deal() throws Exception {
    xReplicas = DealtAs.dealtBy(2, Fixtures.as(1, 4, 1, 2, 10), 20);
    otherDealing = DealtAs.dealtBy(2, Fixtures.as(1, 4, 1, 2, 10), 50);
  }

  private static CrossAsTxId tx(int i) {
    return new CrossAsTxId(Sha256.hash(new byte[] {(byte) i}));
  }

  private static CrossAsStatement.Lock lock(int i) {
    return new CrossAsStatement.Lock(X, Y, tx(i), ConsensusTime.ofMillis(10_000 + i));
  }

  private static ThresholdPublicKey key() {
    return xReplicas.dealing().record().publicKey();
  }

  static CrossAsCertificate certify(CrossAsStatement statement) {
    ShareCollector collector =
        new ShareCollector(
            xReplicas.signers().configuration(),
            statement,
            key(),
            xReplicas.dealing().reference(),
            new ThresholdCombiner(new SplittableRandom(3)));
    collector.offer(xReplicas.share(1, statement));
    return assertInstanceOf(
            CollectOutcome.Certified.class, collector.offer(xReplicas.share(2, statement)))
        .certificate();
  }

  @Test
  void lockStatement_hasAPinnedEncoding() {
    CrossAsStatement.Lock lock =
        new CrossAsStatement.Lock(
            X, Y, new CrossAsTxId(Hash32.of(new byte[32])), ConsensusTime.ofMillis(258));
    assertEquals(
        "495453011000010002"
            + "00000028"
            + "0000000000000000000000000000000000000000000000000000000000000000"
            + "0000000000000102",
        HexFormat.of().formatHex(lock.encode()));
  }

  @Test
  void decisionStatement_hasAPinnedEncoding() {
    CrossAsStatement.DecisionStatement decision =
        new CrossAsStatement.DecisionStatement(
            Y,
            X,
            new CrossAsTxId(Hash32.of(new byte[32])),
            ConsensusTime.ofMillis(1),
            Decision.RELEASE,
            "late");
    assertEquals(
        "495453011100020001"
            + "00000031"
            + "0000000000000000000000000000000000000000000000000000000000000000"
            + "0000000000000001"
            + "02"
            + "00000004"
            + "6c617465",
        HexFormat.of().formatHex(decision.encode()));
  }

  @Test
  void statements_roundTrip_andForeignDomainsAreRefused() throws Exception {
    List<CrossAsStatement> statements =
        List.of(
            lock(1),
            new CrossAsStatement.DecisionStatement(
                Y, X, tx(1), ConsensusTime.ofMillis(3), Decision.UNLOCK, ""),
            new CrossAsStatement.Batch(X, Y, 7, Sha256.hash(new byte[] {9}), 3));
    for (CrossAsStatement statement : statements) {
      assertEquals(statement, CrossAsStatement.decode(statement.encode()));
    }
    byte[] wrongDomain = lock(1).encode();
    wrongDomain[4] = 0x01;
    assertThrows(EncodingException.class, () -> CrossAsStatement.decode(wrongDomain));
  }

  @Test
  void certificate_roundTripsAndVerifies() throws Exception {
    CrossAsCertificate certificate = certify(lock(1));
    CrossAsCertificate decoded = CrossAsCertificate.decode(certificate.encode());
    assertEquals(certificate, decoded);
    decoded.verify(key());
    decoded.verify(CertificateTest::knownKeys);
    new TransactionProof.Direct(decoded).verify(key());
  }

  @Test
  void certificate_doesNotVerifyUnderAnotherDealing() {
    CrossAsCertificate certificate = certify(lock(1));
    assertEquals(
        Reason.BAD_SIGNATURE,
        assertThrows(
                CertificateException.class,
                () -> certificate.verify(otherDealing.dealing().record().publicKey()))
            .reason());
  }

  @Test
  void everyBitFlipInACertificate_isRejected() {
    byte[] wire = certify(lock(1)).encode();
    for (int bit = 0; bit < wire.length * 8; bit++) {
      byte[] flipped = wire.clone();
      flipped[bit / 8] ^= (byte) (1 << (bit % 8));
      try {
        CrossAsCertificate.decode(flipped).verify(CertificateTest::knownKeys);
        throw new AssertionError("bit " + bit + " flipped and still verifies");
      } catch (CertificateException expected) {
        // rejected
      }
    }
  }

  private static Optional<ThresholdPublicKey> knownKeys(
      org.intertrust.gateway.protocol.dealing.DealingReference reference) {
    return reference.equals(xReplicas.dealing().reference())
        ? Optional.of(key())
        : Optional.empty();
  }

  @Test
  void directProof_roundTripsThroughLedgerCertificateBytes() throws Exception {
    TransactionProof proof = new TransactionProof.Direct(certify(lock(2)));
    TransactionProof decoded = TransactionProof.decode(proof.toCertificateBytes().toBytes());
    assertEquals(lock(2), decoded.statement());
    decoded.verify(key());
  }

  private static List<TransactionStatement> leaves(int count) {
    List<TransactionStatement> leaves = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      leaves.add(lock(i));
    }
    return leaves;
  }

  @Test
  void batchProofs_verifyForEveryLeaf() throws Exception {
    List<TransactionStatement> leaves = leaves(5);
    CrossAsCertificate batch = certify(Batches.statement(X, Y, 42, leaves));
    List<TransactionProof.Batched> proofs = Batches.proofs(batch, leaves);
    for (int i = 0; i < leaves.size(); i++) {
      proofs.get(i).verify(key());
      TransactionProof decoded = TransactionProof.decode(proofs.get(i).encode());
      assertEquals(leaves.get(i), decoded.statement());
      decoded.verify(key());
    }
  }

  @Test
  void batchProof_forAStatementNotInTheBatch_failsItsPath() {
    List<TransactionStatement> leaves = leaves(5);
    CrossAsCertificate batch = certify(Batches.statement(X, Y, 42, leaves));
    TransactionProof.Batched honest = Batches.proofs(batch, leaves).get(2);
    TransactionProof.Batched forged = new TransactionProof.Batched(batch, lock(9), honest.path());
    assertEquals(
        Reason.BAD_PATH,
        assertThrows(CertificateException.class, () -> forged.verify(key())).reason());
  }

  @Test
  void batchProof_withAnotherTreeSize_failsItsPath() {
    List<TransactionStatement> leaves = leaves(4);
    CrossAsCertificate batch = certify(Batches.statement(X, Y, 42, leaves));
    TransactionProof.Batched honest = Batches.proofs(batch, leaves).get(3);
    MerkleProof resized = new MerkleProof(3, 5, honest.path().path());
    TransactionProof.Batched forged = new TransactionProof.Batched(batch, leaves.get(3), resized);
    assertThrows(CertificateException.class, () -> forged.verify(key()));
  }

  @Test
  void batchProof_withALeafForAnotherAsPair_isTheWrongStatement() {
    List<TransactionStatement> leaves = leaves(2);
    CrossAsCertificate batch = certify(Batches.statement(X, Y, 42, leaves));
    TransactionStatement foreign =
        new CrossAsStatement.Lock(X, new AsId(3), tx(0), ConsensusTime.ofMillis(10_000));
    TransactionProof.Batched forged =
        new TransactionProof.Batched(batch, foreign, Batches.proofs(batch, leaves).get(0).path());
    assertEquals(
        Reason.WRONG_STATEMENT,
        assertThrows(CertificateException.class, () -> forged.verify(key())).reason());
  }

  @Test
  void proofDecode_rejectsGarbageAndTrailingBytes() {
    byte[] wire = new TransactionProof.Direct(certify(lock(1))).encode();
    byte[] longer = java.util.Arrays.copyOf(wire, wire.length + 1);
    assertEquals(
        Reason.MALFORMED,
        assertThrows(CertificateException.class, () -> TransactionProof.decode(longer)).reason());
    assertThrows(CertificateException.class, () -> TransactionProof.decode(new byte[] {3}));
  }

  @Test
  void proofChecker_acceptsOnlyTheExpectedStatementUnderAKnownDealing() throws Exception {
    TransactionProof proof = new TransactionProof.Direct(certify(lock(1)));
    ProofChecker atY =
        new ProofChecker(
            Y,
            reference ->
                reference.equals(xReplicas.dealing().reference())
                    ? Optional.of(key())
                    : Optional.empty());
    atY.check(proof, X, CrossAsStatement.Lock.class);
    assertEquals(
        Reason.WRONG_STATEMENT,
        assertThrows(
                CertificateException.class,
                () -> atY.check(proof, X, CrossAsStatement.DecisionStatement.class))
            .reason());
    assertEquals(
        Reason.WRONG_STATEMENT,
        assertThrows(
                CertificateException.class,
                () ->
                    new ProofChecker(new AsId(3), r -> Optional.of(key()))
                        .check(proof, X, CrossAsStatement.Lock.class))
            .reason());
    assertEquals(
        Reason.UNKNOWN_DEALING,
        assertThrows(
                CertificateException.class,
                () ->
                    new ProofChecker(Y, r -> Optional.empty())
                        .check(proof, X, CrossAsStatement.Lock.class))
            .reason());
  }

  @Test
  void decisionReason_longerThan256Bytes_isRefused() {
    assertThrows(
        IllegalArgumentException.class,
        () ->
            new CrossAsStatement.DecisionStatement(
                Y, X, tx(1), ConsensusTime.ofMillis(1), Decision.RELEASE, "x".repeat(257)));
  }

  @Test
  void encodedStatementIsWhatTheCertificateSigns() {
    CrossAsCertificate certificate = certify(lock(3));
    assertArrayEquals(lock(3).encode(), certificate.statement().encode());
  }

  @Test
  void proofChecker_batchedProofs_oneSignatureCheckPerBatch_forgedPathsRejectedTyped()
      throws Exception {
    List<TransactionStatement> leaves = leaves(4);
    CrossAsCertificate batch = certify(Batches.statement(X, Y, 42, leaves));
    CrossAsCertificate otherBlock = certify(Batches.statement(X, Y, 43, leaves.subList(0, 2)));
    ProofChecker checker = new ProofChecker(Y, CertificateTest::knownKeys);
    for (TransactionProof.Batched proof : Batches.proofs(batch, leaves)) {
      checker.check(proof, X, CrossAsStatement.Lock.class);
    }
    assertEquals(1, checker.signatureChecks(), "the batch certificate is checked once");

    TransactionProof.Batched honest = Batches.proofs(batch, leaves).get(1);
    List<Hash32> path = new ArrayList<>(honest.path().path());
    byte[] flipped = path.get(0).toBytes();
    flipped[31] ^= 1;
    path.set(0, Hash32.of(flipped));
    TransactionProof forgedPath =
        new TransactionProof.Batched(
            batch, honest.leaf(), new MerkleProof(1, honest.path().treeSize(), path));
    TransactionProof anotherBlock =
        new TransactionProof.Batched(otherBlock, honest.leaf(), honest.path());
    TransactionProof notInBatch = new TransactionProof.Batched(batch, lock(9), honest.path());
    for (TransactionProof forged : List.of(forgedPath, anotherBlock, notInBatch)) {
      assertEquals(
          Reason.BAD_PATH,
          assertThrows(
                  CertificateException.class,
                  () -> checker.check(forged, X, CrossAsStatement.Lock.class))
              .reason());
    }
    assertEquals(1, checker.signatureChecks(), "a bad path costs no pairing");
    assertEquals(
        Reason.WRONG_STATEMENT,
        assertThrows(
                CertificateException.class,
                () -> checker.check(honest, X, CrossAsStatement.DecisionStatement.class))
            .reason());
  }

  @Test
  void batchesMatch_onlyTheirOwnLeaves() {
    List<TransactionStatement> leaves = leaves(3);
    CrossAsStatement.Batch batch = Batches.statement(X, Y, 5, leaves);
    org.junit.jupiter.api.Assertions.assertTrue(Batches.matches(batch, leaves));
    org.junit.jupiter.api.Assertions.assertFalse(Batches.matches(batch, leaves.subList(0, 2)));
    org.junit.jupiter.api.Assertions.assertFalse(Batches.matches(batch, List.of()));
    org.junit.jupiter.api.Assertions.assertFalse(
        Batches.matches(batch, List.of(leaves.get(1), leaves.get(0), leaves.get(2))),
        "the same leaves in another order");
  }
}
