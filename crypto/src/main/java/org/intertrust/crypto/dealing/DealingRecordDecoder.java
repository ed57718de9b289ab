package org.intertrust.crypto.dealing;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.intertrust.crypto.bls.BlsDecodingException;
import org.intertrust.crypto.bls.BlsPublicKey;
import org.intertrust.crypto.box.EncryptedShare;
import org.intertrust.crypto.dealing.DealingException.Reason;
import org.intertrust.crypto.encoding.AsId;
import org.intertrust.crypto.encoding.CanonicalReader;
import org.intertrust.crypto.encoding.EncodingException;
import org.intertrust.crypto.encoding.SigningDomain;
import org.intertrust.crypto.encoding.Statements;
import org.intertrust.crypto.identity.AgreementPublicKey;
import org.intertrust.crypto.identity.IdentityPublicKey;
import org.intertrust.crypto.identity.IdentitySignature;
import org.intertrust.crypto.identity.KeyDecodingException;
import org.intertrust.crypto.identity.SignatureDecodingException;

/**
 * Parses the wire form of a {@link DealingRecord}: authenticate first (signature by the expected
 * dealer over the exact statement bytes), then parse, with every count and length bounded before
 * anything is allocated.
 */
final class DealingRecordDecoder {
  private static final int POINT_BYTES = BlsPublicKey.BYTES;

  /** The smallest encoded share: index, nonce, ciphertext length and the AEAD tag. */
  private static final int MIN_SHARE_BYTES =
      4 + EncryptedShare.NONCE_LENGTH + 4 + EncryptedShare.TAG_LENGTH;

  private DealingRecordDecoder() {}

  /**
   * Parses {@code bytes}; with an {@code expectedDealer}, authenticates the record before any point
   * is decoded, without one ({@link DealingRecord#parse}) only parses.
   */
  static DealingRecord decode(
      byte[] bytes, Optional<IdentityPublicKey> expectedDealer, int maxBytes)
      throws DealingException {
    if (bytes == null || bytes.length > maxBytes) {
      throw new DealingException(Reason.MALFORMED, "record missing or over " + maxBytes + " bytes");
    }
    try {
      CanonicalReader outer = new CanonicalReader(bytes);
      byte[] statement = outer.bytes(maxBytes);
      IdentitySignature signature = IdentitySignature.fromBytes(outer.fixedBytes(64));
      outer.expectEnd();
      CanonicalReader reader = new CanonicalReader(statement);
      Statements.Header header = Statements.decodeHeader(reader);
      if (header.domain() != SigningDomain.DEALING_RECORD) {
        throw new DealingException(Reason.MALFORMED, "not a dealing record: " + header.domain());
      }
      CanonicalReader body = new CanonicalReader(reader.bytes(maxBytes));
      reader.expectEnd();
      DealingContext context = readContext(body);
      if (!context.dealerAs().equals(header.source())
          || !context.holderAs().equals(header.destination())) {
        throw new DealingException(Reason.MALFORMED, "header and context name different ASs");
      }
      return readRest(body, context, expectedDealer, statement, signature);
    } catch (EncodingException
        | KeyDecodingException
        | SignatureDecodingException
        | IllegalArgumentException e) {
      throw new DealingException(Reason.MALFORMED, e.getMessage(), e);
    }
  }

  private static DealingRecord readRest(
      CanonicalReader body,
      DealingContext context,
      Optional<IdentityPublicKey> expectedDealer,
      byte[] statement,
      IdentitySignature signature)
      throws EncodingException, KeyDecodingException, DealingException {
    int threshold = body.u16();
    int holders = body.u16();
    if (holders < 1 || holders > DealingRecord.MAX_HOLDERS) {
      throw new DealingException(Reason.TOO_MANY_HOLDERS, holders + " holders");
    }
    if (threshold < 1 || threshold > holders) {
      throw new DealingException(Reason.THRESHOLD_OUT_OF_RANGE, "k=" + threshold + " n=" + holders);
    }
    long least = (long) (threshold + holders) * POINT_BYTES + (long) holders * MIN_SHARE_BYTES + 64;
    if (body.remaining() < least) {
      throw new DealingException(
          Reason.MALFORMED,
          "k=" + threshold + " n=" + holders + " cannot fit in " + body.remaining() + " bytes");
    }
    List<byte[]> commitments = readPoints(body, threshold);
    List<byte[]> verificationKeys = readPoints(body, holders);
    List<EncryptedShare> shares = new ArrayList<>(holders);
    for (int i = 1; i <= holders; i++) {
      EncryptedShare share = EncryptedShare.readFrom(body);
      if (share.shareIndex() != i) {
        throw new DealingException(
            Reason.MALFORMED, "share " + i + " labelled " + share.shareIndex());
      }
      shares.add(share);
    }
    IdentityPublicKey dealer = IdentityPublicKey.fromBytes(body.fixedBytes(32));
    AgreementPublicKey agreement = AgreementPublicKey.fromBytes(body.fixedBytes(32));
    body.expectEnd();
    if (expectedDealer.isPresent()) {
      if (!dealer.equals(expectedDealer.get())) {
        throw new DealingException(Reason.WRONG_DEALER, "signed by " + dealer);
      }
      if (!dealer.verify(SigningDomain.DEALING_RECORD, statement, signature)) {
        throw new DealingException(Reason.BAD_SIGNATURE, "dealer signature does not verify");
      }
    }
    DealingRecord record =
        DealingRecord.assemble(
            context,
            decodePoints(commitments, "commitment"),
            decodePoints(verificationKeys, "verification key"),
            shares,
            dealer,
            agreement,
            signature);
    if (expectedDealer.isPresent()) {
      record.markSignatureVerified();
    }
    return record;
  }

  private static DealingContext readContext(CanonicalReader body)
      throws EncodingException, DealingException {
    DealingContext.Mode mode = DealingContext.Mode.fromTag(body.u8());
    AsId dealerAs = body.asId();
    AsId holderAs = body.asId();
    byte[] id = body.bytes(DealingContext.MAX_ID_BYTES);
    return new DealingContext(mode, dealerAs, holderAs, id);
  }

  private static List<byte[]> readPoints(CanonicalReader body, int count) throws EncodingException {
    List<byte[]> points = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      points.add(body.fixedBytes(POINT_BYTES));
    }
    return points;
  }

  private static List<BlsPublicKey> decodePoints(List<byte[]> encoded, String what)
      throws DealingException {
    List<BlsPublicKey> points = new ArrayList<>(encoded.size());
    for (int i = 0; i < encoded.size(); i++) {
      try {
        points.add(BlsPublicKey.fromBytes(encoded.get(i)));
      } catch (BlsDecodingException e) {
        throw new DealingException(Reason.INVALID_POINT, what + " " + i + ": " + e.getMessage(), e);
      }
    }
    return points;
  }
}
