package org.intertrust.crypto.box;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.intertrust.crypto.identity.AgreementPublicKey;
import org.intertrust.crypto.kdf.Hkdf;

/**
 * The share-encryption construction shared by sealing and opening:
 *
 * <pre>
 *   key   = HKDF-SHA256(salt = SHA-256(context), ikm = X25519(dealer, holder),
 *                       info = "intertrust/v1/share" || dealer pk || holder pk || u32 index, 32)
 *   aad   = u32 index || context
 *   c     = AES-256-GCM(key, nonce (12 bytes), aad, plaintext), 128-bit tag appended
 * </pre>
 *
 * Integers are big-endian. Both public keys are the 32-byte raw X25519 encodings.
 */
final class ShareKeys {

  static final int KEY_LENGTH = 32;
  private static final int TAG_BITS = 8 * EncryptedShare.TAG_LENGTH;
  private static final byte[] INFO_LABEL =
      "intertrust/v1/share".getBytes(StandardCharsets.US_ASCII);
  private static final String TRANSFORMATION = "AES/GCM/NoPadding";

  private ShareKeys() {}

  /** Derives the AES-256 key; the caller zeroes {@code sharedSecret} and the result. */
  static byte[] deriveKey(
      byte[] sharedSecret,
      byte[] context,
      AgreementPublicKey dealer,
      AgreementPublicKey holder,
      int shareIndex) {
    byte[] info =
        ByteBuffer.allocate(INFO_LABEL.length + 2 * AgreementPublicKey.LENGTH + Integer.BYTES)
            .put(INFO_LABEL)
            .put(dealer.toBytes())
            .put(holder.toBytes())
            .putInt(shareIndex)
            .array();
    return Hkdf.derive(sha256(context), sharedSecret, info, KEY_LENGTH);
  }

  static byte[] associatedData(int shareIndex, byte[] context) {
    return ByteBuffer.allocate(Integer.BYTES + context.length)
        .putInt(shareIndex)
        .put(context)
        .array();
  }

  static byte[] encrypt(byte[] key, byte[] nonce, byte[] aad, byte[] plaintext) {
    try {
      return cipher(Cipher.ENCRYPT_MODE, key, nonce, aad).doFinal(plaintext);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM encryption failed", e);
    }
  }

  /**
   * Decrypts and authenticates.
   *
   * @throws AEADBadTagException if the tag does not verify
   */
  static byte[] decrypt(byte[] key, byte[] nonce, byte[] aad, byte[] ciphertext)
      throws AEADBadTagException {
    try {
      return cipher(Cipher.DECRYPT_MODE, key, nonce, aad).doFinal(ciphertext);
    } catch (AEADBadTagException e) {
      throw e;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM decryption failed", e);
    }
  }

  private static Cipher cipher(int mode, byte[] key, byte[] nonce, byte[] aad)
      throws GeneralSecurityException {
    Cipher cipher = Cipher.getInstance(TRANSFORMATION);
    cipher.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BITS, nonce));
    cipher.updateAAD(aad);
    return cipher;
  }

  private static byte[] sha256(byte[] data) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(data);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK must provide SHA-256", e);
    }
  }

  static void zero(byte[] bytes) {
    Arrays.fill(bytes, (byte) 0);
  }
}
