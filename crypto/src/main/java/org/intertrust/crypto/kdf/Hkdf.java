package org.intertrust.crypto.kdf;

import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HKDF with HMAC-SHA256, RFC 5869. Stateless and thread-safe.
 *
 * <p>Inputs and outputs are key material: callers own the returned arrays and should zero them when
 * done. Intermediate blocks are zeroed before returning.
 */
public final class Hkdf {

  /** Output length of SHA-256 in bytes ({@code HashLen} in RFC 5869). */
  public static final int HASH_LENGTH = 32;

  /** Largest output {@link #expand} can produce: {@code 255 * HashLen} (RFC 5869 section 2.3). */
  public static final int MAX_OUTPUT_LENGTH = 255 * HASH_LENGTH;

  private static final String HMAC = "HmacSHA256";

  private Hkdf() {}

  /**
   * HKDF-Extract (RFC 5869 section 2.2): {@code PRK = HMAC-SHA256(salt, ikm)}.
   *
   * @param salt optional salt; an empty array means "not provided" and is replaced by {@code
   *     HashLen} zero bytes, as the RFC specifies
   * @param ikm input keying material, possibly empty
   * @return a 32-byte pseudorandom key
   */
  public static byte[] extract(byte[] salt, byte[] ikm) {
    Objects.requireNonNull(salt, "salt");
    Objects.requireNonNull(ikm, "ikm");
    byte[] key = salt.length == 0 ? new byte[HASH_LENGTH] : salt;
    Mac mac = newMac(key);
    return mac.doFinal(ikm);
  }

  /**
   * HKDF-Expand (RFC 5869 section 2.3): {@code T(i) = HMAC(PRK, T(i-1) || info || i)}, output the
   * first {@code length} bytes of {@code T(1) || T(2) || ...}.
   *
   * @param prk pseudorandom key of at least {@link #HASH_LENGTH} bytes, usually from {@link
   *     #extract}
   * @param info context and application specific information, possibly empty
   * @param length output length in {@code 0..}{@link #MAX_OUTPUT_LENGTH}
   * @throws IllegalArgumentException if {@code length} is out of range or {@code prk} is shorter
   *     than {@link #HASH_LENGTH}
   */
  public static byte[] expand(byte[] prk, byte[] info, int length) {
    Objects.requireNonNull(prk, "prk");
    Objects.requireNonNull(info, "info");
    if (length < 0 || length > MAX_OUTPUT_LENGTH) {
      throw new IllegalArgumentException(
          "length must be in 0.." + MAX_OUTPUT_LENGTH + ", got " + length);
    }
    if (prk.length < HASH_LENGTH) {
      throw new IllegalArgumentException("prk must be at least " + HASH_LENGTH + " bytes");
    }
    Mac mac = newMac(prk);
    byte[] output = new byte[length];
    byte[] block = new byte[0];
    for (int offset = 0, counter = 1; offset < length; offset += HASH_LENGTH, counter++) {
      mac.update(block);
      mac.update(info);
      mac.update((byte) counter);
      Arrays.fill(block, (byte) 0);
      block = mac.doFinal();
      System.arraycopy(block, 0, output, offset, Math.min(HASH_LENGTH, length - offset));
    }
    Arrays.fill(block, (byte) 0);
    return output;
  }

  /**
   * Extract then expand: {@code expand(extract(salt, ikm), info, length)}. The intermediate PRK is
   * zeroed.
   *
   * @throws IllegalArgumentException if {@code length} is outside {@code 0..}{@link
   *     #MAX_OUTPUT_LENGTH}
   */
  public static byte[] derive(byte[] salt, byte[] ikm, byte[] info, int length) {
    byte[] prk = extract(salt, ikm);
    try {
      return expand(prk, info, length);
    } finally {
      Arrays.fill(prk, (byte) 0);
    }
  }

  private static Mac newMac(byte[] key) {
    try {
      Mac mac = Mac.getInstance(HMAC);
      mac.init(new SecretKeySpec(key, HMAC));
      return mac;
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("the JDK must provide " + HMAC, e);
    }
  }
}
