package org.intertrust.gateway.protocol.replica;

import java.util.Collection;
import java.util.Objects;
import java.util.Optional;
import org.intertrust.crypto.dealing.DealingException;
import org.intertrust.crypto.dealing.DealingRecord;
import org.intertrust.crypto.encoding.CanonicalReader;
import org.intertrust.crypto.encoding.CanonicalWriter;
import org.intertrust.crypto.encoding.EncodingException;
import org.intertrust.crypto.identity.IdentityPublicKey;
import org.intertrust.gateway.protocol.certificate.CertificateException;
import org.intertrust.gateway.protocol.certificate.TransactionProof;
import org.intertrust.ledger.value.CertificateBytes;

/**
 * What a gateway puts in the certificate field of a transaction it submits on the peer's behalf, so
 * that the replicas, and later anyone reading the ledger, can re-check it alone (DESIGN.md §5.6):
 * the proof, the signed dealing record whose group key verifies it, and for a TRANSFER's mint the
 * terms its id commits to.
 *
 * <p>Wire form: u8 version (1), proof (length-prefixed), dealing record (length-prefixed), u8
 * presence of terms, terms. It must fit {@link CertificateBytes#MAX_LENGTH}: a dealing record grows
 * with the number of holders, so this carries the record for ASs up to a few dozen replicas; larger
 * ones need the record stored once on the ledger and referenced.
 *
 * @param proof the per-transaction or batched proof
 * @param dealing the dealing record the proof's key comes from
 * @param terms the transfer's terms, for a voucher mint; empty otherwise
 */
public record ProvenanceBundle(
    TransactionProof proof, DealingRecord dealing, Optional<TransferTerms> terms) {
  private static final int VERSION = 1;

  /** Checks the fields. */
  public ProvenanceBundle {
    Objects.requireNonNull(proof, "proof");
    Objects.requireNonNull(dealing, "dealing");
    Objects.requireNonNull(terms, "terms");
  }

  /** The wire form, as the ledger carries it. */
  public CertificateBytes toCertificateBytes() {
    try {
      CanonicalWriter w = new CanonicalWriter(CertificateBytes.MAX_LENGTH);
      w.u8(VERSION);
      w.bytes(proof.encode());
      w.bytes(dealing.toBytes());
      w.bool(terms.isPresent());
      if (terms.isPresent()) {
        terms.get().write(w);
      }
      return CertificateBytes.of(w.toByteArray());
    } catch (EncodingException e) {
      throw new IllegalArgumentException("bundle does not fit a certificate: " + e.getMessage(), e);
    }
  }

  /**
   * Parses a bundle whose dealing record is signed by one of {@code dealers}.
   *
   * @throws ProvenanceException MALFORMED, or UNKNOWN_DEALING if no dealer's signature fits
   */
  public static ProvenanceBundle decode(
      CertificateBytes bytes, Collection<IdentityPublicKey> dealers) throws ProvenanceException {
    CanonicalReader r = new CanonicalReader(bytes.toBytes());
    try {
      int version = r.u8();
      if (version != VERSION) {
        throw malformed("version " + version);
      }
      TransactionProof proof = TransactionProof.decode(r.bytes(CertificateBytes.MAX_LENGTH));
      DealingRecord dealing = authenticated(r.bytes(CertificateBytes.MAX_LENGTH), dealers);
      Optional<TransferTerms> terms =
          r.bool() ? Optional.of(TransferTerms.read(r)) : Optional.empty();
      r.expectEnd();
      return new ProvenanceBundle(proof, dealing, terms);
    } catch (EncodingException | CertificateException | IllegalArgumentException e) {
      throw malformed(e.getMessage());
    }
  }

  private static DealingRecord authenticated(byte[] record, Collection<IdentityPublicKey> dealers)
      throws ProvenanceException {
    for (IdentityPublicKey dealer : dealers) {
      try {
        return DealingRecord.decode(record, dealer);
      } catch (DealingException e) {
        if (e.reason() != DealingException.Reason.WRONG_DEALER) {
          throw new ProvenanceException(
              new ProvenanceProblem(ProvenanceProblem.Reason.UNKNOWN_DEALING, e.getMessage()));
        }
      }
    }
    throw new ProvenanceException(
        new ProvenanceProblem(
            ProvenanceProblem.Reason.UNKNOWN_DEALING, "dealing not signed by a known enclave"));
  }

  private static ProvenanceException malformed(String detail) {
    return new ProvenanceException(
        new ProvenanceProblem(ProvenanceProblem.Reason.MALFORMED, detail));
  }
}
