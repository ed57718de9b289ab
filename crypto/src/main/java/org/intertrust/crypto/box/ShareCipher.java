package org.intertrust.crypto.box;

import java.security.SecureRandom;
import java.util.Objects;
import java.util.Optional;
import javax.crypto.AEADBadTagException;
import org.intertrust.crypto.box.ShareDecryptionException.Reason;
import org.intertrust.crypto.identity.AgreementKeyPair;
import org.intertrust.crypto.identity.AgreementPublicKey;
import org.intertrust.crypto.identity.KeyAgreementException;
import org.intertrust.crypto.secret.SecretAccess;

/**
 * Encrypts dealt shares from one dealer to their holders, and opens them on the holder's side. The
 * construction: X25519 between the dealer's and the holder's long-term agreement keys, HKDF-SHA256
 * with salt {@code SHA-256(context)} and info {@code "intertrust/v1/share" || dealer pk || holder
 * pk || u32 shareIndex}, then AES-256-GCM with a fresh random 12-byte nonce, associated data {@code
 * u32 shareIndex || context} and a 128-bit tag. The context (for example the encoded dealing
 * session id) and the index are thus bound twice, in the key and in the associated data, so a share
 * cannot be replayed into another dealing or presented as another holder's share.
 *
 * <p><b>Why static-static Diffie-Hellman.</b> The dealer uses its long-term key rather than a fresh
 * ephemeral key per dealing. An ephemeral key would buy forward secrecy only if compromising the
 * dealer later did not reveal the shares anyway; but dealing randomness is derived inside the
 * enclave from the dealer's sealed seed (and the transaction hash or session id), so whoever
 * obtains that seed can re-derive every share directly. Static keys therefore lose nothing, and let
 * the dealer cache the X25519 result per holder: it deals repeatedly to the same replicas. Nonces
 * are random; with 96 bits, a collision under one derived key stays negligible far beyond the
 * number of times one share is ever re-sealed.
 *
 * <p>Thread-safe. The shared-secret cache is bounded (least recently used entries are evicted and
 * zeroed); call {@link #clearCache()} when the dealer key is retired.
 */
public final class ShareCipher {

  static final int DEFAULT_CACHE_CAPACITY = 1024;

  private final AgreementKeyPair dealer;
  private final SecureRandom random;
  private final SharedSecretCache cache;

  /** Creates a cipher for {@code dealer}, drawing nonces from a new {@link SecureRandom}. */
  public ShareCipher(AgreementKeyPair dealer) {
    this(dealer, new SecureRandom());
  }

  /** Creates a cipher for {@code dealer} drawing nonces from {@code random} (tests, simulator). */
  public ShareCipher(AgreementKeyPair dealer, SecureRandom random) {
    this(dealer, random, DEFAULT_CACHE_CAPACITY);
  }

  ShareCipher(AgreementKeyPair dealer, SecureRandom random, int cacheCapacity) {
    this.dealer = Objects.requireNonNull(dealer, "dealer");
    this.random = Objects.requireNonNull(random, "random");
    this.cache = new SharedSecretCache(cacheCapacity);
  }

  /**
   * Encrypts {@code plaintext} (share {@code shareIndex} of the dealing identified by {@code
   * context}) to {@code holder}.
   *
   * @param context bytes identifying the dealing, e.g. its canonical encoding; the holder must pass
   *     the same bytes to {@link #open}
   * @param shareIndex non-negative index of the share
   * @param plaintext at most {@link EncryptedShare#MAX_PLAINTEXT_LENGTH} bytes
   * @throws KeyAgreementException if {@code holder} is a low-order point
   * @throws IllegalArgumentException if the index is negative or the plaintext too long
   * @throws IllegalStateException if the dealer key pair was destroyed
   */
  public EncryptedShare seal(
      AgreementPublicKey holder, byte[] context, int shareIndex, byte[] plaintext)
      throws KeyAgreementException {
    Objects.requireNonNull(holder, "holder");
    Objects.requireNonNull(context, "context");
    Objects.requireNonNull(plaintext, "plaintext");
    checkIndex(shareIndex);
    if (plaintext.length > EncryptedShare.MAX_PLAINTEXT_LENGTH) {
      throw new IllegalArgumentException(
          "plaintext longer than " + EncryptedShare.MAX_PLAINTEXT_LENGTH + " bytes");
    }
    if (dealer.isDestroyed()) {
      throw new IllegalStateException("dealer key pair was destroyed");
    }
    byte[] shared = sharedSecretWith(holder);
    byte[] key = ShareKeys.deriveKey(shared, context, dealer.publicKey(), holder, shareIndex);
    ShareKeys.zero(shared);
    byte[] nonce = new byte[EncryptedShare.NONCE_LENGTH];
    random.nextBytes(nonce);
    try {
      byte[] aad = ShareKeys.associatedData(shareIndex, context);
      return new EncryptedShare(shareIndex, nonce, ShareKeys.encrypt(key, nonce, aad, plaintext));
    } finally {
      ShareKeys.zero(key);
    }
  }

  private byte[] sharedSecretWith(AgreementPublicKey holder) throws KeyAgreementException {
    Optional<byte[]> cached = cache.get(holder);
    if (cached.isPresent()) {
      return cached.get();
    }
    // The dealer's own cipher uses its secret internally; nothing secret leaves this class.
    byte[] shared = dealer.agree(holder, SecretAccess.get());
    cache.put(holder, shared);
    return shared;
  }

  /**
   * Decrypts a share sealed by {@code dealer} to {@code holder}. All inputs must equal those given
   * to {@link #seal}; any difference, and any modification of the share, is rejected.
   *
   * @return the plaintext share; the caller must zero it when done
   * @throws ShareDecryptionException {@code INDEX_MISMATCH} if {@code share} carries another index;
   *     {@code KEY_AGREEMENT_FAILED} for a low-order dealer key; {@code AUTHENTICATION_FAILED} for
   *     every other mismatch or tampering
   * @throws IllegalStateException if the holder key pair was destroyed
   */
  public static byte[] open(
      AgreementKeyPair holder,
      AgreementPublicKey dealer,
      byte[] context,
      int shareIndex,
      EncryptedShare share,
      SecretAccess access)
      throws ShareDecryptionException {
    Objects.requireNonNull(holder, "holder");
    Objects.requireNonNull(dealer, "dealer");
    Objects.requireNonNull(context, "context");
    Objects.requireNonNull(share, "share");
    Objects.requireNonNull(access, "access");
    checkIndex(shareIndex);
    if (share.shareIndex() != shareIndex) {
      throw new ShareDecryptionException(
          Reason.INDEX_MISMATCH,
          "expected share " + shareIndex + ", got " + share.shareIndex(),
          null);
    }
    byte[] key = holderKey(holder, dealer, context, shareIndex, access);
    try {
      byte[] aad = ShareKeys.associatedData(shareIndex, context);
      return ShareKeys.decrypt(key, share.nonce(), aad, share.ciphertext());
    } catch (AEADBadTagException e) {
      throw new ShareDecryptionException(
          Reason.AUTHENTICATION_FAILED, "share does not authenticate", e);
    } finally {
      ShareKeys.zero(key);
    }
  }

  private static byte[] holderKey(
      AgreementKeyPair holder,
      AgreementPublicKey dealer,
      byte[] context,
      int shareIndex,
      SecretAccess access)
      throws ShareDecryptionException {
    byte[] shared;
    try {
      shared = holder.agree(dealer, access);
    } catch (KeyAgreementException e) {
      throw new ShareDecryptionException(
          Reason.KEY_AGREEMENT_FAILED, "dealer key has small order", e);
    }
    try {
      return ShareKeys.deriveKey(shared, context, dealer, holder.publicKey(), shareIndex);
    } finally {
      ShareKeys.zero(shared);
    }
  }

  private static void checkIndex(int shareIndex) {
    if (shareIndex < 0) {
      throw new IllegalArgumentException("shareIndex must be >= 0, got " + shareIndex);
    }
  }

  /** Zeroes and forgets every cached shared secret. */
  public void clearCache() {
    cache.clear();
  }

  int cachedSecrets() {
    return cache.size();
  }

  @Override
  public String toString() {
    return "ShareCipher[dealer=" + dealer.publicKey() + "]";
  }
}
