package org.intertrust.gateway.protocol.certificate;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.intertrust.crypto.bls.Bls;
import org.intertrust.crypto.bls.BlsDecodingException;
import org.intertrust.crypto.bls.BlsSignature;
import org.intertrust.crypto.bls.ThresholdPublicKey;
import org.intertrust.crypto.encoding.CanonicalReader;
import org.intertrust.crypto.encoding.CanonicalWriter;
import org.intertrust.crypto.encoding.EncodingException;
import org.intertrust.gateway.protocol.certificate.CertificateException.Reason;
import org.intertrust.gateway.protocol.dealing.DealingReference;

/**
 * A threshold certificate: a statement, the combined BLS signature of k replicas of the signing AS
 * on it (in the statement's domain), and the reference of the dealing whose group key verifies it.
 *
 * <p>Wire form: u8 version, statement (length-prefixed), dealing reference 32, signature 48.
 *
 * @param statement what was signed
 * @param signature the threshold signature
 * @param dealing the dealing the signing shares came from
 */
public record CrossAsCertificate(
    CrossAsStatement statement, BlsSignature signature, DealingReference dealing) {
  /** Largest encoding. */
  public static final int MAX_ENCODED = 1 + 4 + CrossAsStatement.MAX_ENCODED + 32 + 48;

  private static final int VERSION = 1;

  /** Checks the fields. */
  public CrossAsCertificate {
    Objects.requireNonNull(statement, "statement");
    Objects.requireNonNull(signature, "signature");
    Objects.requireNonNull(dealing, "dealing");
  }

  /**
   * Checks the signature under {@code key}, the group key of the dealing named {@code dealing}.
   *
   * @throws CertificateException BAD_SIGNATURE if it does not verify
   */
  public void verify(ThresholdPublicKey key) throws CertificateException {
    if (!Bls.verify(key.groupKey(), statement.domain(), statement.encode(), signature)) {
      throw new CertificateException(Reason.BAD_SIGNATURE, "certificate on " + statement);
    }
  }

  /**
   * Looks up the key of the dealing this certificate names and checks the signature under it. The
   * reference itself is not signed: a changed reference finds no key, or a key the signature does
   * not verify under.
   *
   * @throws CertificateException UNKNOWN_DEALING or BAD_SIGNATURE
   */
  public void verify(Function<DealingReference, Optional<ThresholdPublicKey>> keys)
      throws CertificateException {
    verify(
        keys.apply(dealing)
            .orElseThrow(
                () -> new CertificateException(Reason.UNKNOWN_DEALING, dealing.toString())));
  }

  /** The wire form. */
  public byte[] encode() {
    try {
      CanonicalWriter w = new CanonicalWriter(MAX_ENCODED);
      writeTo(w);
      return w.toByteArray();
    } catch (EncodingException e) {
      throw new IllegalStateException("a certificate always encodes", e);
    }
  }

  void writeTo(CanonicalWriter w) throws EncodingException {
    w.u8(VERSION);
    w.bytes(statement.encode());
    dealing.write(w);
    w.fixedBytes(signature.toBytes(), BlsSignature.BYTES);
  }

  /**
   * Parses the wire form (the signature point is subgroup-checked; the signature itself is checked
   * by {@link #verify}).
   *
   * @throws CertificateException MALFORMED
   */
  public static CrossAsCertificate decode(byte[] bytes) throws CertificateException {
    if (bytes == null || bytes.length > MAX_ENCODED) {
      throw new CertificateException(Reason.MALFORMED, "certificate missing or too long");
    }
    CanonicalReader r = new CanonicalReader(bytes);
    CrossAsCertificate certificate = readFrom(r);
    try {
      r.expectEnd();
    } catch (EncodingException e) {
      throw new CertificateException(Reason.MALFORMED, e.getMessage());
    }
    return certificate;
  }

  static CrossAsCertificate readFrom(CanonicalReader r) throws CertificateException {
    try {
      if (r.u8() != VERSION) {
        throw new CertificateException(Reason.MALFORMED, "unknown certificate version");
      }
      CrossAsStatement statement = CrossAsStatement.decode(r.bytes(CrossAsStatement.MAX_ENCODED));
      DealingReference dealing = DealingReference.read(r);
      BlsSignature signature = BlsSignature.fromBytes(r.fixedBytes(BlsSignature.BYTES));
      return new CrossAsCertificate(statement, signature, dealing);
    } catch (EncodingException | BlsDecodingException e) {
      throw new CertificateException(Reason.MALFORMED, e.getMessage());
    }
  }
}
