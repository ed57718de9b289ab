package org.intertrust.crypto.dealing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.intertrust.crypto.bls.BlsPublicKey;
import org.intertrust.crypto.bls.CombineResult;
import org.intertrust.crypto.bls.KeyShare;
import org.intertrust.crypto.bls.PartialSignature;
import org.intertrust.crypto.bls.ShareIndex;
import org.intertrust.crypto.bls.ThresholdCombiner;
import org.intertrust.crypto.box.EncryptedShare;
import org.intertrust.crypto.encoding.AsId;
import org.intertrust.crypto.encoding.SigningDomain;
import org.intertrust.crypto.encoding.Statements;
import org.intertrust.crypto.identity.AgreementKeyPair;
import org.intertrust.crypto.identity.AgreementPublicKey;
import org.intertrust.crypto.identity.IdentityKeyPair;
import org.intertrust.crypto.secret.SecretAccess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class DealingTest {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final DealingContext CONTEXT =
      new DealingContext(
          DealingContext.Mode.PER_TRANSACTION, new AsId(1), new AsId(2), new byte[] {7, 7, 7});

  private final DealingSeed seed = DealingSeed.generate(RANDOM);
  private final IdentityKeyPair identity = IdentityKeyPair.generate(RANDOM);
  private final AgreementKeyPair agreement = AgreementKeyPair.generate(RANDOM);
  private final Dealer dealer = new Dealer(seed, identity, agreement);
  private final List<AgreementKeyPair> holders = holders(7);

  static List<AgreementKeyPair> holders(int n) {
    List<AgreementKeyPair> holders = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      holders.add(AgreementKeyPair.generate(RANDOM));
    }
    return holders;
  }

  static List<AgreementPublicKey> keys(List<AgreementKeyPair> holders) {
    return holders.stream().map(AgreementKeyPair::publicKey).toList();
  }

  @Test
  void holdersOpenTheirShares_andAnyKOfThemSignForTheGroup() throws Exception {
    DealingRecord record = dealer.deal(CONTEXT, 3, keys(holders));
    List<PartialSignature> partials = new ArrayList<>();
    byte[] message = {1, 2};
    for (int i = 1; i <= holders.size(); i++) {
      KeyShare share = record.openShare(ShareIndex.of(i), holders.get(i - 1), SecretAccess.get());
      partials.add(share.signPartial(SigningDomain.CROSS_AS_LOCK, message));
    }
    Collections.shuffle(partials, new Random(1));
    var result =
        new ThresholdCombiner(new SplittableRandom(1))
            .combine(
                record.publicKey(), SigningDomain.CROSS_AS_LOCK, message, partials.subList(0, 3));
    assertInstanceOf(CombineResult.Combined.class, result);
    record.checkConsistency();
  }

  @Test
  void dealing_isRecreatedFromTheSameSeedAndContext_andNotOtherwise() throws Exception {
    DealingRecord first = dealer.deal(CONTEXT, 3, keys(holders));
    DealingSeed sameSeed =
        DealingSeed.fromBytes(seed.toBytes(SecretAccess.get()), SecretAccess.get());
    Dealer restarted = new Dealer(sameSeed, identity, agreement);
    assertEquals(first.publicKey(), restarted.deal(CONTEXT, 3, keys(holders)).publicKey());

    DealingContext otherContext =
        new DealingContext(
            DealingContext.Mode.PER_TRANSACTION, new AsId(1), new AsId(2), new byte[] {7, 7, 8});
    assertNotEquals(
        first.publicKey().groupKey(),
        dealer.deal(otherContext, 3, keys(holders)).publicKey().groupKey());
    Dealer otherSeed = new Dealer(DealingSeed.generate(RANDOM), identity, agreement);
    assertNotEquals(
        first.publicKey().groupKey(),
        otherSeed.deal(CONTEXT, 3, keys(holders)).publicKey().groupKey());
  }

  @Test
  void record_roundTripsThroughItsWireForm() throws Exception {
    DealingRecord record = dealer.deal(CONTEXT, 4, keys(holders));
    DealingRecord decoded = DealingRecord.decode(record.toBytes(), identity.publicKey());
    assertEquals(record.publicKey(), decoded.publicKey());
    assertEquals(record.context(), decoded.context());
    assertEquals(record.dealerAgreementKey(), decoded.dealerAgreementKey());
    decoded.openShare(ShareIndex.of(5), holders.get(4), SecretAccess.get());
  }

  @Test
  void parse_readsTheRecordWithoutAuthenticating_andSignedByTellsWhoMadeIt() throws Exception {
    DealingRecord record = dealer.deal(CONTEXT, 2, keys(holders.subList(0, 3)));
    DealingRecord parsed = DealingRecord.parse(record.toBytes());
    assertEquals(record, parsed);
    assertEquals(record.hashCode(), parsed.hashCode());
    assertTrue(parsed.signedBy(identity.publicKey()));
    assertFalse(parsed.signedBy(IdentityKeyPair.generate(RANDOM).publicKey()));
    byte[] forged = record.toBytes();
    forged[forged.length - 1] ^= 0x01;
    DealingRecord unsigned = DealingRecord.parse(forged);
    assertNotEquals(record, unsigned);
    assertFalse(unsigned.signedBy(identity.publicKey()));
    assertThrows(DealingException.class, () -> DealingRecord.decode(forged, identity.publicKey()));
  }

  @Test
  void recordDecodedBefore_isStillCheckedAgainstEachCallersDealer() throws Exception {
    byte[] bytes = dealer.deal(CONTEXT, 2, keys(holders.subList(0, 4))).toBytes();
    DealingRecord first = DealingRecord.decode(bytes, identity.publicKey());
    assertEquals(first, DealingRecord.decode(bytes.clone(), identity.publicKey()));
    var stranger = IdentityKeyPair.generate(RANDOM).publicKey();
    assertEquals(
        DealingException.Reason.WRONG_DEALER,
        assertThrows(DealingException.class, () -> DealingRecord.decode(bytes, stranger)).reason());
    assertFalse(DealingRecord.parse(bytes).signedBy(stranger));
  }

  @Test
  void forgedRecordParsedBefore_isRejectedByEveryAuthenticatingDecode() throws Exception {
    byte[] forged = dealer.deal(CONTEXT, 3, keys(holders.subList(0, 5))).toBytes();
    forged[forged.length - 1] ^= 0x01;
    DealingRecord parsed = DealingRecord.parse(forged);
    for (int attempt = 0; attempt < 3; attempt++) {
      assertEquals(
          DealingException.Reason.BAD_SIGNATURE,
          assertThrows(
                  DealingException.class, () -> DealingRecord.decode(forged, identity.publicKey()))
              .reason(),
          "attempt " + attempt);
      assertFalse(parsed.signedBy(identity.publicKey()));
      assertFalse(DealingRecord.parse(forged).signedBy(identity.publicKey()));
    }
  }

  @Test
  void holderCountsTheBytesCannotHold_areMalformed_beforeAnyListIsAllocated() throws Exception {
    byte[] bytes = dealer.deal(CONTEXT, 2, keys(holders.subList(0, 3))).toBytes();
    int holdersAt = 4 + Statements.HEADER_SIZE + 1 + 2 + 2 + 4 + 3 + 2;
    assertEquals(3, ((bytes[holdersAt] & 0xFF) << 8) | (bytes[holdersAt + 1] & 0xFF));
    bytes[holdersAt] = (byte) (DealingRecord.MAX_HOLDERS >> 8);
    bytes[holdersAt + 1] = (byte) DealingRecord.MAX_HOLDERS;
    DealingException e = assertThrows(DealingException.class, () -> DealingRecord.parse(bytes));
    assertEquals(DealingException.Reason.MALFORMED, e.reason());
    assertTrue(e.getMessage().contains("cannot fit"), e.getMessage());
  }

  static LongStream flips() {
    return LongStream.range(0, 40);
  }

  @ParameterizedTest
  @MethodSource("flips")
  void tamperedRecord_isRejected(long seedValue) throws Exception {
    DealingRecord record = dealer.deal(CONTEXT, 2, keys(holders.subList(0, 3)));
    byte[] bytes = record.toBytes();
    Random random = new Random(seedValue);
    int position = random.nextInt(bytes.length);
    bytes[position] ^= (byte) (1 << random.nextInt(8));
    DealingException e =
        assertThrows(
            DealingException.class, () -> DealingRecord.decode(bytes, identity.publicKey()));
    assertTrue(
        e.reason() == DealingException.Reason.BAD_SIGNATURE
            || e.reason() == DealingException.Reason.WRONG_DEALER
            || e.reason() == DealingException.Reason.MALFORMED,
        "byte " + position + ": " + e.getMessage());
  }

  @Test
  void truncatedOrExtendedRecord_isMalformed() throws Exception {
    byte[] bytes = dealer.deal(CONTEXT, 2, keys(holders.subList(0, 3))).toBytes();
    for (int length : new int[] {0, 1, 5, bytes.length / 2, bytes.length - 1}) {
      byte[] cut = java.util.Arrays.copyOf(bytes, length);
      assertEquals(
          DealingException.Reason.MALFORMED,
          assertThrows(
                  DealingException.class, () -> DealingRecord.decode(cut, identity.publicKey()))
              .reason(),
          "length " + length);
    }
    byte[] longer = java.util.Arrays.copyOf(bytes, bytes.length + 1);
    assertEquals(
        DealingException.Reason.MALFORMED,
        assertThrows(
                DealingException.class, () -> DealingRecord.decode(longer, identity.publicKey()))
            .reason());
  }

  @Test
  void recordFromAnotherDealer_isRejected() throws Exception {
    byte[] bytes = dealer.deal(CONTEXT, 2, keys(holders.subList(0, 3))).toBytes();
    var stranger = IdentityKeyPair.generate(RANDOM).publicKey();
    assertEquals(
        DealingException.Reason.WRONG_DEALER,
        assertThrows(DealingException.class, () -> DealingRecord.decode(bytes, stranger)).reason());
  }

  @Test
  void shareForAnotherHolder_doesNotOpen() throws Exception {
    DealingRecord record = dealer.deal(CONTEXT, 2, keys(holders.subList(0, 3)));
    DealingException e =
        assertThrows(
            DealingException.class,
            () -> record.openShare(ShareIndex.of(1), holders.get(1), SecretAccess.get()));
    assertEquals(DealingException.Reason.SHARE_DECRYPTION_FAILED, e.reason());
    assertEquals(
        DealingException.Reason.UNKNOWN_SHARE,
        assertThrows(
                DealingException.class,
                () -> record.openShare(ShareIndex.of(4), holders.get(0), SecretAccess.get()))
            .reason());
  }

  @Test
  void signedRecordWithTamperedCiphertext_failsToOpenThatShareOnly() throws Exception {
    DealingRecord honest = dealer.deal(CONTEXT, 2, keys(holders.subList(0, 3)));
    List<EncryptedShare> shares = new ArrayList<>();
    for (int i = 1; i <= 3; i++) {
      shares.add(honest.encryptedShare(ShareIndex.of(i)));
    }
    EncryptedShare second = shares.get(1);
    byte[] ciphertext = second.ciphertext();
    ciphertext[0] ^= 1;
    shares.set(1, new EncryptedShare(second.shareIndex(), second.nonce(), ciphertext));
    DealingRecord tampered =
        DealingRecord.sign(CONTEXT, honest.publicKey(), shares, identity, agreement.publicKey());
    DealingRecord decoded = DealingRecord.decode(tampered.toBytes(), identity.publicKey());
    decoded.openShare(ShareIndex.of(1), holders.get(0), SecretAccess.get());
    assertEquals(
        DealingException.Reason.SHARE_DECRYPTION_FAILED,
        assertThrows(
                DealingException.class,
                () -> decoded.openShare(ShareIndex.of(2), holders.get(1), SecretAccess.get()))
            .reason());
  }

  @Test
  void dealerPublishingWrongVerificationKeys_isCaught() throws Exception {
    DealingRecord honest = dealer.deal(CONTEXT, 2, keys(holders.subList(0, 3)));
    List<BlsPublicKey> swapped = new ArrayList<>(honest.publicKey().verificationKeys());
    Collections.swap(swapped, 0, 1);
    List<EncryptedShare> shares = new ArrayList<>();
    for (int i = 1; i <= 3; i++) {
      shares.add(honest.encryptedShare(ShareIndex.of(i)));
    }
    DealingRecord lying =
        DealingRecord.sign(
            CONTEXT,
            org.intertrust.crypto.bls.ThresholdPublicKey.of(
                honest.publicKey().commitments(), swapped),
            shares,
            identity,
            agreement.publicKey());
    assertEquals(
        DealingException.Reason.SHARE_MISMATCH,
        assertThrows(
                DealingException.class,
                () -> lying.openShare(ShareIndex.of(1), holders.get(0), SecretAccess.get()))
            .reason());
    assertEquals(
        DealingException.Reason.INCONSISTENT_COMMITMENTS,
        assertThrows(DealingException.class, lying::checkConsistency).reason());
    lying.openShare(ShareIndex.of(3), holders.get(2), SecretAccess.get());
  }

  @Test
  void invalidThreshold_isRefusedByTheDealer() throws Exception {
    assertThrows(IllegalArgumentException.class, () -> dealer.deal(CONTEXT, 0, keys(holders)));
    assertThrows(IllegalArgumentException.class, () -> dealer.deal(CONTEXT, 8, keys(holders)));
    assertThrows(IllegalArgumentException.class, () -> dealer.deal(CONTEXT, 1, List.of()));
  }

  @Test
  void secrets_neverAppearInToString() throws Exception {
    String hex = java.util.HexFormat.of().formatHex(seed.toBytes(SecretAccess.get()));
    assertFalse(seed.toString().contains(hex.substring(0, 10)));
    assertFalse(dealer.toString().contains(hex.substring(0, 10)));
    assertTrue(seed.toString().contains("redacted"));
  }
}
