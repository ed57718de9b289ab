package org.intertrust.crypto.box;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.intertrust.crypto.box.ShareDecryptionException.Reason;
import org.intertrust.crypto.identity.AgreementKeyPair;
import org.intertrust.crypto.identity.AgreementPublicKey;
import org.intertrust.crypto.identity.DeterministicRandom;
import org.intertrust.crypto.identity.KeyAgreementException;
import org.intertrust.crypto.secret.SecretAccess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ShareCipherTest {

  private static final HexFormat HEX = HexFormat.of();
  private static final SecretAccess ACCESS = SecretAccess.get();
  private static final byte[] CONTEXT = "dealing-ctx".getBytes(StandardCharsets.US_ASCII);

  private final AgreementKeyPair dealer = AgreementKeyPair.generate(new DeterministicRandom(100));
  private final AgreementKeyPair holder = AgreementKeyPair.generate(new DeterministicRandom(200));
  private final ShareCipher cipher = new ShareCipher(dealer, new DeterministicRandom(300));

  private EncryptedShare seal(int index, byte[] plaintext) throws KeyAgreementException {
    return cipher.seal(holder.publicKey(), CONTEXT, index, plaintext);
  }

  private Reason openFailure(
      AgreementKeyPair opener,
      AgreementPublicKey dealerKey,
      byte[] context,
      int index,
      EncryptedShare share) {
    return assertThrows(
            ShareDecryptionException.class,
            () -> ShareCipher.open(opener, dealerKey, context, index, share, ACCESS))
        .reason();
  }

  private Reason openFailure(EncryptedShare share) {
    return openFailure(holder, dealer.publicKey(), CONTEXT, share.shareIndex(), share);
  }

  /** A SecureRandom that returns bytes 00 01 02 ... so the nonce is known. */
  private static final class CountingRandom extends SecureRandom {
    @Override
    public void nextBytes(byte[] bytes) {
      for (int i = 0; i < bytes.length; i++) {
        bytes[i] = (byte) i;
      }
    }
  }

  @Test
  void seal_matchesIndependentlyComputedKnownAnswer() throws Exception {
    // RFC 7748 Alice deals to Bob. Expected ciphertext computed with an independent
    // implementation (Python "cryptography": X25519, HKDF, AESGCM) of the documented construction.
    AgreementKeyPair alice =
        AgreementKeyPair.fromPrivateBytes(
            HEX.parseHex("77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a"),
            ACCESS);
    AgreementKeyPair bob =
        AgreementKeyPair.fromPrivateBytes(
            HEX.parseHex("5dab087e624a8a4b79e17f8b83800ee66f3bb1292618b6fd1c2f8b27ff88e0eb"),
            ACCESS);
    byte[] plaintext =
        HEX.parseHex("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f");

    EncryptedShare share =
        new ShareCipher(alice, new CountingRandom()).seal(bob.publicKey(), CONTEXT, 3, plaintext);

    assertEquals("000102030405060708090a0b", HEX.formatHex(share.nonce()));
    assertEquals(
        "4d2467cee66899ee194b40300cd1481dcd6e1a8554445144116255f2665fcd5d"
            + "0f0c2edf805d243cfc0db63a052b4e2b",
        HEX.formatHex(share.ciphertext()));
    assertArrayEquals(
        plaintext, ShareCipher.open(bob, alice.publicKey(), CONTEXT, 3, share, ACCESS));
  }

  static LongStream seeds() {
    return LongStream.range(0, 30);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void open_recoversSealedPlaintext(long seed) throws Exception {
    SplittableRandom random = new SplittableRandom(seed);
    byte[] plaintext = new byte[random.nextInt(EncryptedShare.MAX_PLAINTEXT_LENGTH + 1)];
    byte[] context = new byte[random.nextInt(200)];
    random.nextBytes(plaintext);
    random.nextBytes(context);
    int index = random.nextInt(Integer.MAX_VALUE);

    EncryptedShare share = cipher.seal(holder.publicKey(), context, index, plaintext);

    assertEquals(plaintext.length + EncryptedShare.TAG_LENGTH, share.ciphertext().length);
    assertArrayEquals(
        plaintext, ShareCipher.open(holder, dealer.publicKey(), context, index, share, ACCESS));
  }

  @Test
  void open_rejectsEveryFlippedCiphertextOrTagByte() throws Exception {
    EncryptedShare share = seal(1, new byte[48]);
    byte[] ciphertext = share.ciphertext();
    for (int i = 0; i < ciphertext.length; i++) {
      byte[] tampered = ciphertext.clone();
      tampered[i] ^= 0x01;
      EncryptedShare forged = new EncryptedShare(1, share.nonce(), tampered);
      assertEquals(Reason.AUTHENTICATION_FAILED, openFailure(forged), "byte " + i);
    }
  }

  @Test
  void open_rejectsTruncatedCiphertext() throws Exception {
    EncryptedShare share = seal(1, new byte[48]);
    byte[] ciphertext = share.ciphertext();
    byte[] shorter = java.util.Arrays.copyOf(ciphertext, ciphertext.length - 1);
    assertEquals(
        Reason.AUTHENTICATION_FAILED, openFailure(new EncryptedShare(1, share.nonce(), shorter)));
  }

  @Test
  void open_rejectsEveryFlippedNonceByte() throws Exception {
    EncryptedShare share = seal(1, new byte[48]);
    for (int i = 0; i < EncryptedShare.NONCE_LENGTH; i++) {
      byte[] nonce = share.nonce();
      nonce[i] ^= (byte) 0x80;
      EncryptedShare forged = new EncryptedShare(1, nonce, share.ciphertext());
      assertEquals(Reason.AUTHENTICATION_FAILED, openFailure(forged), "byte " + i);
    }
  }

  @Test
  void open_rejectsWrongContext() throws Exception {
    EncryptedShare share = seal(2, new byte[32]);
    byte[] otherContext = "dealing-ctY".getBytes(StandardCharsets.US_ASCII);
    assertEquals(
        Reason.AUTHENTICATION_FAILED,
        openFailure(holder, dealer.publicKey(), otherContext, 2, share));
    assertEquals(
        Reason.AUTHENTICATION_FAILED,
        openFailure(holder, dealer.publicKey(), new byte[0], 2, share));
  }

  @Test
  void open_rejectsShareCarryingAnotherIndex() throws Exception {
    EncryptedShare share = seal(2, new byte[32]);
    assertEquals(Reason.INDEX_MISMATCH, openFailure(holder, dealer.publicKey(), CONTEXT, 3, share));
  }

  @Test
  void open_rejectsShareRelabelledWithAnotherIndex() throws Exception {
    EncryptedShare share = seal(2, new byte[32]);
    EncryptedShare relabelled = new EncryptedShare(3, share.nonce(), share.ciphertext());
    assertEquals(Reason.AUTHENTICATION_FAILED, openFailure(relabelled));
  }

  @Test
  void open_rejectsWrongHolder() throws Exception {
    EncryptedShare share = seal(4, new byte[32]);
    AgreementKeyPair otherHolder = AgreementKeyPair.generate(new DeterministicRandom(201));
    assertEquals(
        Reason.AUTHENTICATION_FAILED,
        openFailure(otherHolder, dealer.publicKey(), CONTEXT, 4, share));
  }

  @Test
  void open_rejectsWrongDealerKey() throws Exception {
    EncryptedShare share = seal(4, new byte[32]);
    AgreementPublicKey otherDealer =
        AgreementKeyPair.generate(new DeterministicRandom(101)).publicKey();
    assertEquals(Reason.AUTHENTICATION_FAILED, openFailure(holder, otherDealer, CONTEXT, 4, share));
  }

  @Test
  void open_rejectsLowOrderDealerKey() throws Exception {
    EncryptedShare share = seal(4, new byte[32]);
    AgreementPublicKey lowOrder = AgreementPublicKey.fromBytes(new byte[AgreementPublicKey.LENGTH]);
    assertEquals(Reason.KEY_AGREEMENT_FAILED, openFailure(holder, lowOrder, CONTEXT, 4, share));
  }

  @Test
  void seal_rejectsLowOrderHolderKey() throws Exception {
    AgreementPublicKey lowOrder = AgreementPublicKey.fromBytes(new byte[AgreementPublicKey.LENGTH]);
    assertThrows(KeyAgreementException.class, () -> cipher.seal(lowOrder, CONTEXT, 1, new byte[1]));
  }

  @Test
  void seal_drawsFreshNonceEachTime() throws Exception {
    ShareCipher productionCipher = new ShareCipher(dealer);
    Set<String> nonces = new HashSet<>();
    Set<String> ciphertexts = new HashSet<>();
    for (int i = 0; i < 50; i++) {
      EncryptedShare share = productionCipher.seal(holder.publicKey(), CONTEXT, 1, new byte[32]);
      nonces.add(HEX.formatHex(share.nonce()));
      ciphertexts.add(HEX.formatHex(share.ciphertext()));
    }
    assertEquals(50, nonces.size());
    assertEquals(50, ciphertexts.size());
  }

  @Test
  void seal_rejectsOversizedPlaintextAndNegativeIndex() {
    byte[] tooLong = new byte[EncryptedShare.MAX_PLAINTEXT_LENGTH + 1];
    assertThrows(IllegalArgumentException.class, () -> seal(1, tooLong));
    assertThrows(IllegalArgumentException.class, () -> seal(-1, new byte[1]));
  }

  @Test
  void seal_refusesAfterDealerDestroyedEvenWithCachedSecret() throws Exception {
    AgreementKeyPair doomed = AgreementKeyPair.generate(new DeterministicRandom(102));
    ShareCipher doomedCipher = new ShareCipher(doomed);
    doomedCipher.seal(holder.publicKey(), CONTEXT, 1, new byte[1]);

    doomed.destroy();

    assertThrows(
        IllegalStateException.class,
        () -> doomedCipher.seal(holder.publicKey(), CONTEXT, 1, new byte[1]));
  }

  @Test
  void cache_evictionNeverCorruptsSeals() throws Exception {
    ShareCipher smallCache = new ShareCipher(dealer, new DeterministicRandom(7), 2);
    AgreementKeyPair[] holders = new AgreementKeyPair[5];
    for (int i = 0; i < holders.length; i++) {
      holders[i] = AgreementKeyPair.generate(new DeterministicRandom(500 + i));
    }
    for (int round = 0; round < 3; round++) {
      for (int i = 0; i < holders.length; i++) {
        byte[] plaintext = {(byte) round, (byte) i};
        EncryptedShare share = smallCache.seal(holders[i].publicKey(), CONTEXT, i, plaintext);
        assertArrayEquals(
            plaintext, ShareCipher.open(holders[i], dealer.publicKey(), CONTEXT, i, share, ACCESS));
      }
    }
    assertEquals(2, smallCache.cachedSecrets());
    smallCache.clearCache();
    assertEquals(0, smallCache.cachedSecrets());
  }

  @Test
  void seal_isSafeUnderConcurrentUseWithEvictingCache() throws Exception {
    ShareCipher shared = new ShareCipher(dealer, new SecureRandom(), 2);
    AgreementKeyPair[] holders = new AgreementKeyPair[6];
    for (int i = 0; i < holders.length; i++) {
      holders[i] = AgreementKeyPair.generate(new DeterministicRandom(600 + i));
    }
    Thread[] threads = new Thread[8];
    Throwable[] failures = new Throwable[threads.length];
    for (int t = 0; t < threads.length; t++) {
      int thread = t;
      threads[t] =
          new Thread(
              () -> {
                try {
                  for (int n = 0; n < 60; n++) {
                    AgreementKeyPair target = holders[(thread + n) % holders.length];
                    byte[] plaintext = {(byte) thread, (byte) n};
                    EncryptedShare share = shared.seal(target.publicKey(), CONTEXT, n, plaintext);
                    assertArrayEquals(
                        plaintext,
                        ShareCipher.open(target, dealer.publicKey(), CONTEXT, n, share, ACCESS));
                  }
                } catch (Throwable e) {
                  failures[thread] = e;
                }
              });
      threads[t].start();
    }
    for (Thread thread : threads) {
      thread.join();
    }
    for (Throwable failure : failures) {
      if (failure != null) {
        throw new AssertionError(failure);
      }
    }
  }

  @Test
  void toString_namesDealerPublicKeyOnly() {
    String text = cipher.toString();
    String secretHex = HEX.formatHex(dealer.privateBytes(ACCESS));
    assertFalse(text.contains(secretHex.substring(0, 8)), text);
    assertNotEquals(-1, text.indexOf(dealer.publicKey().toString()));
  }
}
