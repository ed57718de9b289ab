package org.intertrust.crypto.bls;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.Arrays;
import org.intertrust.crypto.bls.BlsDecodingException.Reason;
import org.intertrust.crypto.encoding.SigningDomain;
import org.intertrust.crypto.field.Fr;
import org.intertrust.crypto.secret.SecretAccess;
import supranational.blst.P1;
import supranational.blst.P2;
import supranational.blst.SecretKey;

/**
 * A BLS secret key: a scalar in [1, r). Signs in G1 ("minimal-signature-size").
 *
 * <p>The scalar is readable only through {@link #toBytes(SecretAccess)}; {@link #toString()} never
 * shows it; {@link #destroy()} overwrites it, after which every use throws {@link
 * IllegalStateException}. Signing hashes the message to G1 with the domain's pinned DST (RFC 9380
 * hash_to_curve, BLS12381G1_XMD:SHA-256_SSWU_RO_) and multiplies by the scalar, as the IETF BLS
 * draft's CoreSign does.
 */
public final class BlsSecretKey {
  /** Length of the big-endian encoding. */
  public static final int BYTES = 32;

  private final SecretKey key;
  private final BlsPublicKey publicKey;
  private volatile boolean destroyed;

  private BlsSecretKey(SecretKey key) {
    this(key, new P2(key));
  }

  private BlsSecretKey(SecretKey key, P2 publicPoint) {
    this.key = key;
    this.publicKey = BlsPublicKey.fromPoint(publicPoint);
  }

  /** Generates a key with the IETF KeyGen from 32 bytes of the given randomness. */
  public static BlsSecretKey generate(SecureRandom random) {
    byte[] ikm = new byte[32];
    random.nextBytes(ikm);
    SecretKey key = new SecretKey();
    key.keygen(ikm);
    Arrays.fill(ikm, (byte) 0);
    return new BlsSecretKey(key);
  }

  /**
   * Reads a big-endian scalar.
   *
   * @throws BlsDecodingException if the length is not 32, the scalar is zero, or not below r
   */
  public static BlsSecretKey fromBytes(byte[] bigEndian, SecretAccess access)
      throws BlsDecodingException {
    if (bigEndian == null || bigEndian.length != BYTES) {
      throw new BlsDecodingException(Reason.WRONG_LENGTH, "secret key must be 32 bytes");
    }
    BigInteger value = new BigInteger(1, bigEndian);
    if (value.signum() == 0) {
      throw new BlsDecodingException(Reason.ZERO_SECRET, "secret key is zero");
    }
    if (value.compareTo(Fr.MODULUS) >= 0) {
      throw new BlsDecodingException(Reason.SECRET_OUT_OF_RANGE, "secret key is not below r");
    }
    SecretKey key = new SecretKey();
    key.from_bendian(bigEndian);
    return new BlsSecretKey(key);
  }

  /**
   * Builds a key from a canonical, non-zero little-endian scalar computed in this module (a dealt
   * share) and its public point, computed by the caller on a faster path than blst's generic one.
   */
  static BlsSecretKey fromCanonicalLittleEndian(byte[] littleEndian, P2 publicPoint) {
    SecretKey key = new SecretKey();
    key.from_lendian(littleEndian);
    return new BlsSecretKey(key, publicPoint);
  }

  /** The big-endian scalar. Each call is a deliberate read of secret material. */
  public byte[] toBytes(SecretAccess access) {
    checkAlive();
    return key.to_bendian();
  }

  public BlsPublicKey publicKey() {
    return publicKey;
  }

  /** Signs {@code message} in {@code domain}. */
  public BlsSignature sign(SigningDomain domain, byte[] message) {
    checkAlive();
    P1 point = HashToCurve.g1(message, domain.blsDst()).to_jacobian();
    return BlsSignature.fromPoint(point.sign_with(key));
  }

  /** Signs a message already hashed to G1: the same signature as {@link #sign}. */
  public BlsSignature sign(HashedMessage hashed) {
    checkAlive();
    return BlsSignature.fromPoint(hashed.point().to_jacobian().sign_with(key));
  }

  /** Overwrites the scalar. Idempotent. */
  public void destroy() {
    key.from_bendian(new byte[BYTES]);
    destroyed = true;
  }

  public boolean isDestroyed() {
    return destroyed;
  }

  private void checkAlive() {
    if (destroyed) {
      throw new IllegalStateException("secret key was destroyed");
    }
  }

  @Override
  public String toString() {
    return "BlsSecretKey[" + publicKey + ", secret redacted]";
  }
}
