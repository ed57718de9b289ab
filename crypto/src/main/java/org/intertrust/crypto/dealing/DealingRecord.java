package org.intertrust.crypto.dealing;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.intertrust.crypto.bls.BlsDecodingException;
import org.intertrust.crypto.bls.BlsPublicKey;
import org.intertrust.crypto.bls.KeyShare;
import org.intertrust.crypto.bls.ShareIndex;
import org.intertrust.crypto.bls.ThresholdPublicKey;
import org.intertrust.crypto.box.EncryptedShare;
import org.intertrust.crypto.box.ShareCipher;
import org.intertrust.crypto.box.ShareDecryptionException;
import org.intertrust.crypto.encoding.AsId;
import org.intertrust.crypto.encoding.CanonicalWriter;
import org.intertrust.crypto.encoding.EncodingException;
import org.intertrust.crypto.encoding.SigningDomain;
import org.intertrust.crypto.encoding.Statement;
import org.intertrust.crypto.encoding.Statements;
import org.intertrust.crypto.identity.AgreementKeyPair;
import org.intertrust.crypto.identity.AgreementPublicKey;
import org.intertrust.crypto.identity.IdentityKeyPair;
import org.intertrust.crypto.identity.IdentityPublicKey;
import org.intertrust.crypto.identity.IdentitySignature;
import org.intertrust.crypto.memo.ByteKeyedMemo;
import org.intertrust.crypto.secret.SecretAccess;

/**
 * A signed dealing: the context, the threshold public key (commitments and verification keys), each
 * share encrypted to its holder, and the dealer's Ed25519 and X25519 public keys, all signed by the
 * dealer in the {@link SigningDomain#DEALING_RECORD} domain. Immutable.
 *
 * <p>Wire form: the canonical statement (header with domain and AS ids, then the body) as a
 * length-prefixed byte string, then the 64-byte signature. {@link #decode} checks the signature
 * against the expected dealer before it parses a single point.
 */
public final class DealingRecord implements Statement {
  /** Largest number of holders a record may name: bounds every allocation while decoding. */
  public static final int MAX_HOLDERS = 2048;

  private static final int POINT_BYTES = BlsPublicKey.BYTES;

  /** Largest wire form ({@link #toBytes()}) a decoder accepts. */
  public static final int MAX_RECORD_BYTES = 1 << 20;

  private final DealingContext context;
  private final ThresholdPublicKey publicKey;
  private final List<EncryptedShare> shares;
  private final IdentityPublicKey dealerIdentity;
  private final AgreementPublicKey dealerAgreement;
  private final IdentitySignature signature;

  /**
   * Set once {@link #signature} was found valid for {@link #dealerIdentity} over this record's
   * statement. Every input of that check is a final field, so its result never changes.
   */
  private volatile boolean signatureVerified;

  /**
   * Records decoded before, by wire form: decoding is a pure function of the bytes (the dealer's
   * signature is checked again against each caller's expected dealer, once per record), and a
   * per-session record arrives with every relay. Rejected bytes are not kept.
   */
  private static final ByteKeyedMemo<DealingRecord> DECODED = new ByteKeyedMemo<>(1_024, 64L << 20);

  private DealingRecord(
      DealingContext context,
      ThresholdPublicKey publicKey,
      List<EncryptedShare> shares,
      IdentityPublicKey dealerIdentity,
      AgreementPublicKey dealerAgreement,
      IdentitySignature signature) {
    this.context = context;
    this.publicKey = publicKey;
    this.shares = List.copyOf(shares);
    this.dealerIdentity = dealerIdentity;
    this.dealerAgreement = dealerAgreement;
    this.signature = signature;
  }

  static DealingRecord sign(
      DealingContext context,
      ThresholdPublicKey publicKey,
      List<EncryptedShare> shares,
      IdentityKeyPair dealer,
      AgreementPublicKey dealerAgreement) {
    DealingRecord unsigned =
        new DealingRecord(context, publicKey, shares, dealer.publicKey(), dealerAgreement, null);
    IdentitySignature signature =
        dealer.sign(SigningDomain.DEALING_RECORD, unsigned.encodeStatement());
    return new DealingRecord(
        context, publicKey, shares, dealer.publicKey(), dealerAgreement, signature);
  }

  public DealingContext context() {
    return context;
  }

  public ThresholdPublicKey publicKey() {
    return publicKey;
  }

  public IdentityPublicKey dealerIdentity() {
    return dealerIdentity;
  }

  public AgreementPublicKey dealerAgreementKey() {
    return dealerAgreement;
  }

  /** The encrypted share of holder {@code index}. */
  public EncryptedShare encryptedShare(ShareIndex index) {
    return shares.get(index.value() - 1);
  }

  /**
   * Decrypts share {@code index} with the holder's X25519 key and checks it against its published
   * verification key.
   *
   * @throws DealingException UNKNOWN_SHARE, SHARE_DECRYPTION_FAILED or SHARE_MISMATCH
   */
  public KeyShare openShare(ShareIndex index, AgreementKeyPair holder, SecretAccess access)
      throws DealingException {
    if (!publicKey.contains(index)) {
      throw new DealingException(DealingException.Reason.UNKNOWN_SHARE, index + " not dealt");
    }
    byte[] scalar;
    try {
      scalar =
          ShareCipher.open(
              holder,
              dealerAgreement,
              context.toBytes(),
              index.value(),
              encryptedShare(index),
              access);
    } catch (ShareDecryptionException e) {
      throw new DealingException(
          DealingException.Reason.SHARE_DECRYPTION_FAILED, "share " + index, e);
    }
    KeyShare share;
    try {
      share = KeyShare.fromBytes(index, scalar, access);
    } catch (BlsDecodingException e) {
      throw new DealingException(DealingException.Reason.SHARE_MISMATCH, e.getMessage(), e);
    } finally {
      java.util.Arrays.fill(scalar, (byte) 0);
    }
    if (!share.verificationKey().equals(publicKey.verificationKey(index))) {
      share.destroy();
      throw new DealingException(
          DealingException.Reason.SHARE_MISMATCH, "share " + index + " does not match its key");
    }
    return share;
  }

  /**
   * Checks that the verification keys lie on the committed polynomial (one random linear
   * combination; see {@link ThresholdPublicKey#isConsistent}).
   */
  public void checkConsistency() throws DealingException {
    if (!publicKey.isConsistent(new SecureRandom())) {
      throw new DealingException(
          DealingException.Reason.INCONSISTENT_COMMITMENTS, "verification keys off the polynomial");
    }
  }

  @Override
  public SigningDomain domain() {
    return SigningDomain.DEALING_RECORD;
  }

  @Override
  public AsId sourceAs() {
    return context.dealerAs();
  }

  @Override
  public AsId destinationAs() {
    return context.holderAs();
  }

  @Override
  public void writeBody(CanonicalWriter writer) throws EncodingException {
    context.writeTo(writer);
    writer.u16(publicKey.threshold());
    writer.u16(publicKey.size());
    for (BlsPublicKey commitment : publicKey.commitments()) {
      writer.fixedBytes(commitment.toBytes(), POINT_BYTES);
    }
    for (BlsPublicKey key : publicKey.verificationKeys()) {
      writer.fixedBytes(key.toBytes(), POINT_BYTES);
    }
    for (EncryptedShare share : shares) {
      share.writeTo(writer);
    }
    writer.fixedBytes(dealerIdentity.toBytes(), 32);
    writer.fixedBytes(dealerAgreement.toBytes(), 32);
  }

  /** The wire form: length-prefixed canonical statement, then the 64-byte signature. */
  public byte[] toBytes() {
    byte[] statement = encodeStatement();
    CanonicalWriter writer = new CanonicalWriter(statement.length + 128);
    try {
      writer.bytes(statement);
      writer.fixedBytes(signature.toBytes(), 64);
    } catch (EncodingException e) {
      throw new IllegalStateException("a signed record always encodes", e);
    }
    return writer.toByteArray();
  }

  private byte[] encodeStatement() {
    try {
      return Statements.encode(this);
    } catch (EncodingException e) {
      throw new IllegalStateException("records of at most MAX_HOLDERS shares always encode", e);
    }
  }

  /**
   * Parses and authenticates a record. The signature is checked against {@code expectedDealer}
   * first; then every point is decoded with the full checks.
   *
   * @throws DealingException MALFORMED, WRONG_DEALER, BAD_SIGNATURE, THRESHOLD_OUT_OF_RANGE,
   *     TOO_MANY_HOLDERS or INVALID_POINT
   */
  public static DealingRecord decode(byte[] bytes, IdentityPublicKey expectedDealer)
      throws DealingException {
    Objects.requireNonNull(expectedDealer, "expectedDealer");
    Optional<DealingRecord> known = decodedBefore(bytes);
    if (known.isEmpty()) {
      return decodeAndRemember(bytes, Optional.of(expectedDealer));
    }
    DealingRecord record = known.get();
    if (!record.dealerIdentity.equals(expectedDealer)) {
      throw new DealingException(
          DealingException.Reason.WRONG_DEALER, "signed by " + record.dealerIdentity);
    }
    if (!record.signedBy(expectedDealer)) {
      throw new DealingException(
          DealingException.Reason.BAD_SIGNATURE, "dealer signature does not verify");
    }
    return record;
  }

  /**
   * Parses a record without authenticating it: the bytes are well formed (every count bounded,
   * every point on the curve and in its subgroup, the signature a valid encoding) but nothing says
   * who made it. For a wire codec, which only parses; whoever acts on the record authenticates it
   * ({@link #decode} with the dealer it expects, or {@link #signedBy}).
   *
   * @throws DealingException MALFORMED, THRESHOLD_OUT_OF_RANGE, TOO_MANY_HOLDERS or INVALID_POINT
   */
  public static DealingRecord parse(byte[] bytes) throws DealingException {
    Optional<DealingRecord> known = decodedBefore(bytes);
    return known.isPresent() ? known.get() : decodeAndRemember(bytes, Optional.empty());
  }

  /** Decodes {@code bytes} (checking the dealer's signature if named) and remembers the record. */
  private static DealingRecord decodeAndRemember(
      byte[] bytes, Optional<IdentityPublicKey> expectedDealer) throws DealingException {
    DealingRecord record = DealingRecordDecoder.decode(bytes, expectedDealer, MAX_RECORD_BYTES);
    DECODED.put(bytes, record);
    return record;
  }

  private static Optional<DealingRecord> decodedBefore(byte[] bytes) {
    return bytes == null || bytes.length > MAX_RECORD_BYTES ? Optional.empty() : DECODED.get(bytes);
  }

  /**
   * Whether {@code dealer} made this record: it names that dealer and the signature verifies. The
   * signature is verified at most once per record object (a valid result is remembered).
   */
  public boolean signedBy(IdentityPublicKey dealer) {
    if (!dealerIdentity.equals(dealer)) {
      return false;
    }
    if (!signatureVerified
        && dealer.verify(SigningDomain.DEALING_RECORD, encodeStatement(), signature)) {
      signatureVerified = true;
    }
    return signatureVerified;
  }

  /** Called by the decoder once it verified the signature over the exact statement bytes. */
  void markSignatureVerified() {
    signatureVerified = true;
  }

  static DealingRecord assemble(
      DealingContext context,
      List<BlsPublicKey> commitments,
      List<BlsPublicKey> verificationKeys,
      List<EncryptedShare> shares,
      IdentityPublicKey dealerIdentity,
      AgreementPublicKey dealerAgreement,
      IdentitySignature signature) {
    return new DealingRecord(
        context,
        ThresholdPublicKey.of(commitments, verificationKeys),
        new ArrayList<>(shares),
        dealerIdentity,
        dealerAgreement,
        signature);
  }

  /** Records are equal when their wire forms are: same statement, same signature. */
  @Override
  public boolean equals(Object other) {
    if (this == other) {
      return true;
    }
    if (!(other instanceof DealingRecord)) {
      return false;
    }
    DealingRecord that = (DealingRecord) other;
    return context.equals(that.context)
        && publicKey.equals(that.publicKey)
        && shares.equals(that.shares)
        && dealerIdentity.equals(that.dealerIdentity)
        && dealerAgreement.equals(that.dealerAgreement)
        && Objects.equals(signature, that.signature);
  }

  @Override
  public int hashCode() {
    return Objects.hash(context, dealerIdentity, signature);
  }

  @Override
  public String toString() {
    return "DealingRecord[" + context + ", " + publicKey + ", dealer " + dealerIdentity + "]";
  }
}
