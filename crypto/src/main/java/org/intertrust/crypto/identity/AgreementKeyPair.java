package org.intertrust.crypto.identity;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.KeyFactory;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.spec.NamedParameterSpec;
import java.security.spec.XECPrivateKeySpec;
import java.util.Arrays;
import java.util.Objects;
import javax.crypto.KeyAgreement;
import org.intertrust.crypto.secret.SecretAccess;

/**
 * An X25519 key pair (RFC 7748) for deriving shared secrets, used to encrypt dealt shares to their
 * holders. The secret is the 32-byte scalar as given; X25519 clamps it on use.
 *
 * <p>{@link #destroy()} zeroes the scalar held here and drops the JDK key object (which itself
 * cannot be wiped); afterwards secret-using methods throw {@link IllegalStateException}.
 * Thread-safe.
 */
public final class AgreementKeyPair {

  /** Length of the secret scalar. */
  public static final int PRIVATE_KEY_LENGTH = 32;

  private static final BigInteger BASE_POINT_U = BigInteger.valueOf(9);

  private final AgreementPublicKey publicKey;
  private final Object lock = new Object();
  private byte[] scalar; // guarded by lock; null once destroyed
  private volatile PrivateKey privateKey; // null once destroyed

  private AgreementKeyPair(byte[] scalar, PrivateKey privateKey, AgreementPublicKey publicKey) {
    this.scalar = scalar;
    this.privateKey = privateKey;
    this.publicKey = publicKey;
  }

  /** Generates a fresh key pair with a scalar drawn from {@code random}. */
  public static AgreementKeyPair generate(SecureRandom random) {
    Objects.requireNonNull(random, "random");
    byte[] scalar = new byte[PRIVATE_KEY_LENGTH];
    random.nextBytes(scalar);
    try {
      return create(scalar);
    } finally {
      Arrays.fill(scalar, (byte) 0);
    }
  }

  /**
   * Recreates the key pair with the given 32-byte private scalar (copied; the caller should zero
   * its array).
   *
   * @throws IllegalArgumentException if {@code privateKey} is not 32 bytes
   */
  public static AgreementKeyPair fromPrivateBytes(byte[] privateKey, SecretAccess access) {
    Objects.requireNonNull(privateKey, "privateKey");
    Objects.requireNonNull(access, "access");
    if (privateKey.length != PRIVATE_KEY_LENGTH) {
      throw new IllegalArgumentException(
          "X25519 private key must be " + PRIVATE_KEY_LENGTH + " bytes");
    }
    return create(privateKey);
  }

  private static AgreementKeyPair create(byte[] scalar) {
    try {
      PrivateKey privateKey =
          KeyFactory.getInstance(AgreementPublicKey.ALGORITHM)
              .generatePrivate(new XECPrivateKeySpec(NamedParameterSpec.X25519, scalar));
      PublicKey basePoint = AgreementPublicKey.toJdkKey(BASE_POINT_U);
      byte[] publicBytes = rawAgreement(privateKey, basePoint);
      AgreementPublicKey publicKey = AgreementPublicKey.fromBytes(publicBytes);
      return new AgreementKeyPair(scalar.clone(), privateKey, publicKey);
    } catch (GeneralSecurityException | KeyDecodingException e) {
      throw new IllegalStateException("X25519 public key derivation failed", e);
    }
  }

  private static byte[] rawAgreement(PrivateKey privateKey, PublicKey peer)
      throws InvalidKeyException {
    try {
      KeyAgreement agreement = KeyAgreement.getInstance(AgreementPublicKey.ALGORITHM);
      agreement.init(privateKey);
      agreement.doPhase(peer, true);
      return agreement.generateSecret();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK must provide X25519", e);
    }
  }

  /** Returns the public key. Available after {@link #destroy()}. */
  public AgreementPublicKey publicKey() {
    return publicKey;
  }

  /**
   * Computes the raw X25519 shared secret {@code X25519(this private key, peer)} (RFC 7748 section
   * 6.1). Feed it to a KDF; never use it as a key directly. The caller must zero it.
   *
   * @throws KeyAgreementException if {@code peer} is a low-order point (all-zero secret)
   * @throws IllegalStateException if the key pair was destroyed
   */
  public byte[] agree(AgreementPublicKey peer, SecretAccess access) throws KeyAgreementException {
    Objects.requireNonNull(peer, "peer");
    Objects.requireNonNull(access, "access");
    PrivateKey key = privateKey;
    if (key == null) {
      throw new IllegalStateException("agreement key pair was destroyed");
    }
    byte[] secret;
    try {
      secret = rawAgreement(key, peer.jdkKey());
    } catch (InvalidKeyException e) {
      throw new KeyAgreementException("peer public key has small order", e);
    }
    if (isAllZero(secret)) {
      throw new KeyAgreementException("shared secret is all zeros: peer key has small order");
    }
    return secret;
  }

  /** Constant-time test for an all-zero array. */
  private static boolean isAllZero(byte[] bytes) {
    int accumulator = 0;
    for (byte b : bytes) {
      accumulator |= b;
    }
    return accumulator == 0;
  }

  /**
   * Returns a copy of the 32-byte private scalar, for sealing. The caller must zero it.
   *
   * @throws IllegalStateException if the key pair was destroyed
   */
  public byte[] privateBytes(SecretAccess access) {
    Objects.requireNonNull(access, "access");
    synchronized (lock) {
      if (scalar == null) {
        throw new IllegalStateException("agreement key pair was destroyed");
      }
      return scalar.clone();
    }
  }

  /** Zeroes the scalar and drops the private key. Idempotent. */
  public void destroy() {
    synchronized (lock) {
      if (scalar != null) {
        Arrays.fill(scalar, (byte) 0);
        scalar = null;
      }
      privateKey = null;
    }
  }

  /** Returns whether {@link #destroy()} was called. */
  public boolean isDestroyed() {
    return privateKey == null;
  }

  /** Names the public key only; never the secret. */
  @Override
  public String toString() {
    return "AgreementKeyPair[public=" + publicKey + (isDestroyed() ? ", destroyed]" : "]");
  }
}
