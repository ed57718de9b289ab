package org.intertrust.crypto.dealing;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.intertrust.crypto.bls.KeyShare;
import org.intertrust.crypto.bls.ThresholdDealer;
import org.intertrust.crypto.bls.ThresholdDealer.DealtKey;
import org.intertrust.crypto.box.EncryptedShare;
import org.intertrust.crypto.box.ShareCipher;
import org.intertrust.crypto.field.Fr;
import org.intertrust.crypto.identity.AgreementKeyPair;
import org.intertrust.crypto.identity.AgreementPublicKey;
import org.intertrust.crypto.identity.IdentityKeyPair;
import org.intertrust.crypto.identity.KeyAgreementException;
import org.intertrust.crypto.kdf.Hkdf;
import org.intertrust.crypto.secret.SecretAccess;

/**
 * Deals threshold keys for the replicas of another AS (DESIGN.md §4, Setup): derives the polynomial
 * from the sealed {@link DealingSeed} and the {@link DealingContext} with HKDF-SHA256, so a
 * restarted dealer re-creates the very same key; encrypts share i to holder i's X25519 key; and
 * signs the resulting {@link DealingRecord} with its Ed25519 identity. The dealer keeps no share:
 * each is destroyed once encrypted.
 */
public final class Dealer {
  private static final byte[] SEED_SALT =
      "intertrust/v1/dealing-seed".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] COEFFICIENT_LABEL =
      "intertrust/v1/dealing-coefficient".getBytes(StandardCharsets.US_ASCII);
  private static final int COEFFICIENT_BYTES = 48;
  private static final int MAX_ATTEMPTS = 8;

  private final byte[] pseudorandomKey;
  private final IdentityKeyPair identity;
  private final AgreementKeyPair agreement;
  private final ShareCipher cipher;

  /** A dealer with the given seed, Ed25519 identity and X25519 share-encryption key. */
  public Dealer(DealingSeed seed, IdentityKeyPair identity, AgreementKeyPair agreement) {
    this(seed, identity, agreement, new java.security.SecureRandom());
  }

  /**
   * As {@link #Dealer(DealingSeed, IdentityKeyPair, AgreementKeyPair)}, drawing the share
   * encryption's nonces from {@code nonces} (a seeded one in the simulator, so a run replays).
   */
  public Dealer(
      DealingSeed seed,
      IdentityKeyPair identity,
      AgreementKeyPair agreement,
      java.security.SecureRandom nonces) {
    this.pseudorandomKey = Hkdf.extract(SEED_SALT, seed.bytes());
    this.identity = identity;
    this.agreement = agreement;
    this.cipher = new ShareCipher(agreement, nonces);
  }

  /**
   * Deals a (threshold, holders.size()) key for {@code context}; share i (1-based) is encrypted to
   * {@code holders.get(i - 1)}.
   *
   * @throws IllegalArgumentException if threshold is outside 1..n or n exceeds {@link
   *     DealingRecord#MAX_HOLDERS}
   * @throws DealingException INVALID_HOLDER_KEY if a holder's X25519 key is a low-order point
   */
  public DealingRecord deal(DealingContext context, int threshold, List<AgreementPublicKey> holders)
      throws DealingException {
    int n = holders.size();
    if (n < 1 || n > DealingRecord.MAX_HOLDERS || threshold < 1 || threshold > n) {
      throw new IllegalArgumentException(
          "need 1 <= k <= n <= " + DealingRecord.MAX_HOLDERS + ", got k=" + threshold + " n=" + n);
    }
    byte[] contextBytes = context.toBytes();
    DealtKey dealt = dealKey(contextBytes, threshold, n);
    List<EncryptedShare> encrypted = new ArrayList<>(n);
    for (KeyShare share : dealt.shares()) {
      int index = share.index().value();
      byte[] plaintext = share.toBytes(SecretAccess.get());
      try {
        encrypted.add(cipher.seal(holders.get(index - 1), contextBytes, index, plaintext));
      } catch (KeyAgreementException e) {
        dealt.shares().forEach(KeyShare::destroy);
        throw new DealingException(
            DealingException.Reason.INVALID_HOLDER_KEY,
            "holder " + index + ": " + e.getMessage(),
            e);
      } finally {
        Arrays.fill(plaintext, (byte) 0);
        share.destroy();
      }
    }
    return DealingRecord.sign(
        context, dealt.publicKey(), encrypted, identity, agreement.publicKey());
  }

  private DealtKey dealKey(byte[] contextBytes, int threshold, int n) {
    for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      long[][] coefficients = coefficients(contextBytes, threshold, n, attempt);
      try {
        if (!Fr.isZero(coefficients[0])) {
          return ThresholdDealer.deal(coefficients, n, SecretAccess.get());
        }
      } catch (ThresholdDealer.DegenerateDealingException zeroShare) {
        // probability about n/r: derive the next attempt's coefficients
      } finally {
        for (long[] coefficient : coefficients) {
          Arrays.fill(coefficient, 0L);
        }
      }
    }
    throw new IllegalStateException("no usable polynomial in " + MAX_ATTEMPTS + " attempts");
  }

  /** Coefficient j = HKDF-Expand(PRK, label || context || k || n || attempt || j, 48) mod r. */
  long[][] coefficients(byte[] contextBytes, int threshold, int n, int attempt) {
    long[][] coefficients = new long[threshold][];
    ByteBuffer info = ByteBuffer.allocate(COEFFICIENT_LABEL.length + contextBytes.length + 16);
    info.put(COEFFICIENT_LABEL).put(contextBytes).putInt(threshold).putInt(n).putInt(attempt);
    int counterOffset = info.position();
    for (int j = 0; j < threshold; j++) {
      info.putInt(counterOffset, j);
      byte[] material = Hkdf.expand(pseudorandomKey, info.array(), COEFFICIENT_BYTES);
      coefficients[j] = Fr.fromWideBytesReduced(material);
      Arrays.fill(material, (byte) 0);
    }
    return coefficients;
  }

  @Override
  public String toString() {
    return "Dealer[" + identity.publicKey() + ", seed redacted]";
  }
}
