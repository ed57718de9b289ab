package org.intertrust.gateway.protocol.certificate;

import java.util.Objects;
import org.intertrust.crypto.bls.ThresholdPublicKey;
import org.intertrust.crypto.encoding.CanonicalReader;
import org.intertrust.crypto.encoding.CanonicalWriter;
import org.intertrust.crypto.encoding.EncodingException;
import org.intertrust.gateway.protocol.certificate.CertificateException.Reason;
import org.intertrust.gateway.protocol.certificate.CrossAsStatement.TransactionStatement;
import org.intertrust.gateway.protocol.dealing.DealingReference;
import org.intertrust.ledger.merkle.MerkleProof;
import org.intertrust.ledger.value.CertificateBytes;

/**
 * The proof of one transaction's LOCKED or DECISION statement that crosses between ASs: either a
 * certificate on the statement itself (the paper's per-transaction mode) or, in batch mode, the
 * certificate on a block's batch root with the statement's Merkle path.
 *
 * <p>Wire form: u8 kind (1 direct, 2 batched), then the certificate; for a batched proof also the
 * leaf statement (length-prefixed) and the {@link MerkleProof}. It fits {@link CertificateBytes} so
 * ledgers record it for anyone to re-check (DESIGN.md §5, provenance).
 */
public sealed interface TransactionProof {
  /** The per-transaction statement this proves. */
  TransactionStatement statement();

  /** The dealing whose group key must verify it. */
  DealingReference dealing();

  /**
   * Checks the proof under the group key of {@link #dealing()}.
   *
   * @throws CertificateException BAD_SIGNATURE, WRONG_STATEMENT or BAD_PATH
   */
  void verify(ThresholdPublicKey key) throws CertificateException;

  /** The wire form. */
  byte[] encode();

  /** The wire form, as the ledger carries it. */
  default CertificateBytes toCertificateBytes() {
    return CertificateBytes.of(encode());
  }

  /**
   * A certificate on the transaction's own statement.
   *
   * @param certificate a certificate whose statement is a {@link TransactionStatement}
   */
  record Direct(CrossAsCertificate certificate) implements TransactionProof {
    /** Checks the certificate is on a per-transaction statement. */
    public Direct {
      Objects.requireNonNull(certificate, "certificate");
      if (!(certificate.statement() instanceof TransactionStatement)) {
        throw new IllegalArgumentException("a direct proof certifies a transaction statement");
      }
    }

    @Override
    public TransactionStatement statement() {
      return (TransactionStatement) certificate.statement();
    }

    @Override
    public DealingReference dealing() {
      return certificate.dealing();
    }

    @Override
    public void verify(ThresholdPublicKey key) throws CertificateException {
      certificate.verify(key);
    }

    @Override
    public byte[] encode() {
      return TransactionProof.encode(this);
    }
  }

  /**
   * A batch certificate with the Merkle path of one leaf.
   *
   * @param batchCertificate a certificate on a {@link CrossAsStatement.Batch}
   * @param leaf the transaction's statement, a leaf of the batch
   * @param path the leaf's inclusion proof
   */
  record Batched(CrossAsCertificate batchCertificate, TransactionStatement leaf, MerkleProof path)
      implements TransactionProof {
    /** Checks the certificate is on a batch root. */
    public Batched {
      Objects.requireNonNull(batchCertificate, "batchCertificate");
      Objects.requireNonNull(leaf, "leaf");
      Objects.requireNonNull(path, "path");
      if (!(batchCertificate.statement() instanceof CrossAsStatement.Batch)) {
        throw new IllegalArgumentException("a batched proof needs a batch certificate");
      }
    }

    @Override
    public TransactionStatement statement() {
      return leaf;
    }

    @Override
    public DealingReference dealing() {
      return batchCertificate.dealing();
    }

    /**
     * Checks, in order: the leaf names the same AS pair as the batch; the path's tree size is the
     * batch's leaf count (the root does not commit to the size, so it must come from the signed
     * statement); the path leads from the leaf to the root; the batch certificate verifies.
     */
    @Override
    public void verify(ThresholdPublicKey key) throws CertificateException {
      verifyPath();
      batchCertificate.verify(key);
    }

    /**
     * The first two checks of {@link #verify} (AS pair, path), without the signature: for a
     * verifier that already checked this batch certificate.
     *
     * @throws CertificateException WRONG_STATEMENT or BAD_PATH
     */
    public void verifyPath() throws CertificateException {
      CrossAsStatement.Batch batch = (CrossAsStatement.Batch) batchCertificate.statement();
      if (!leaf.sourceAs().equals(batch.sourceAs())
          || !leaf.destinationAs().equals(batch.destinationAs())) {
        throw new CertificateException(Reason.WRONG_STATEMENT, "leaf and batch name other ASs");
      }
      if (path.treeSize() != batch.leafCount() || !path.verify(leaf.encode(), batch.root())) {
        throw new CertificateException(Reason.BAD_PATH, "leaf is not in batch " + batch.batchId());
      }
    }

    @Override
    public byte[] encode() {
      return TransactionProof.encode(this);
    }
  }

  private static byte[] encode(TransactionProof proof) {
    try {
      CanonicalWriter w = new CanonicalWriter(CertificateBytes.MAX_LENGTH);
      if (proof instanceof Direct direct) {
        w.u8(1);
        direct.certificate().writeTo(w);
      } else {
        Batched batched = (Batched) proof;
        w.u8(2);
        batched.batchCertificate().writeTo(w);
        w.bytes(batched.leaf().encode());
        batched.path().write(w);
      }
      return w.toByteArray();
    } catch (EncodingException e) {
      throw new IllegalStateException("a proof always fits", e);
    }
  }

  /**
   * Parses the wire form.
   *
   * @throws CertificateException MALFORMED
   */
  static TransactionProof decode(byte[] bytes) throws CertificateException {
    if (bytes == null || bytes.length > CertificateBytes.MAX_LENGTH) {
      throw new CertificateException(Reason.MALFORMED, "proof missing or too long");
    }
    CanonicalReader r = new CanonicalReader(bytes);
    try {
      int kind = r.u8();
      CrossAsCertificate certificate = CrossAsCertificate.readFrom(r);
      TransactionProof proof;
      if (kind == 1 && certificate.statement() instanceof TransactionStatement) {
        proof = new Direct(certificate);
      } else if (kind == 2 && certificate.statement() instanceof CrossAsStatement.Batch) {
        CrossAsStatement leaf = CrossAsStatement.decode(r.bytes(CrossAsStatement.MAX_ENCODED));
        if (!(leaf instanceof TransactionStatement)) {
          throw new CertificateException(
              Reason.MALFORMED, "a batch leaf is a transaction statement");
        }
        proof = new Batched(certificate, (TransactionStatement) leaf, MerkleProof.read(r));
      } else {
        throw new CertificateException(Reason.MALFORMED, "proof kind " + kind);
      }
      r.expectEnd();
      return proof;
    } catch (EncodingException | IllegalArgumentException e) {
      throw new CertificateException(Reason.MALFORMED, e.getMessage());
    }
  }
}
