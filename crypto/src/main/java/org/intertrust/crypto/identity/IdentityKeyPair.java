package org.intertrust.crypto.identity;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.interfaces.EdECPrivateKey;
import java.security.interfaces.EdECPublicKey;
import java.security.spec.NamedParameterSpec;
import java.util.Arrays;
import java.util.Objects;
import org.bouncycastle.math.ec.rfc8032.Ed25519;
import org.intertrust.crypto.encoding.SigningDomain;
import org.intertrust.crypto.secret.SecretAccess;

/**
 * An Ed25519 key pair (RFC 8032) identifying a node. The secret is the 32-byte RFC 8032 private key
 * ("seed").
 *
 * <p><b>Domain separation.</b> {@link #sign} signs {@code domain.tag() || message}, not {@code
 * message}: a signature made in one {@link SigningDomain} never verifies in another, even if the
 * message bytes coincide. Use {@link IdentityPublicKey#verify} with the same domain.
 *
 * <p>Signing runs the RFC 8032 arithmetic of Bouncy Castle's {@code Ed25519} on the seed (ADR
 * 0013): the same deterministic signatures as the JDK provider, about ten times faster. The JDK
 * derives the public key from the seed.
 *
 * <p><b>Lifecycle.</b> {@link #destroy()} zeroes the seed held here and drops the JDK key object;
 * afterwards every method that needs the secret throws {@link IllegalStateException}. The JDK's own
 * private key object cannot be wiped (it does not support {@code destroy()}), so its copy lives
 * until garbage collection. Thread-safe.
 */
public final class IdentityKeyPair {

  /** Length of the secret seed. */
  public static final int SEED_LENGTH = 32;

  private final IdentityPublicKey publicKey;
  private final Object lock = new Object();
  private byte[] seed; // guarded by lock; null once destroyed
  private volatile PrivateKey privateKey; // null once destroyed

  private IdentityKeyPair(byte[] seed, PrivateKey privateKey, IdentityPublicKey publicKey) {
    this.seed = seed;
    this.privateKey = privateKey;
    this.publicKey = publicKey;
  }

  /** Generates a fresh key pair with a seed drawn from {@code random}. */
  public static IdentityKeyPair generate(SecureRandom random) {
    Objects.requireNonNull(random, "random");
    byte[] seed = new byte[SEED_LENGTH];
    random.nextBytes(seed);
    try {
      return create(seed);
    } finally {
      Arrays.fill(seed, (byte) 0);
    }
  }

  /**
   * Recreates the key pair whose RFC 8032 private key is {@code seed}. The caller keeps ownership
   * of {@code seed} (it is copied) and should zero it.
   *
   * @throws IllegalArgumentException if {@code seed} is not 32 bytes
   */
  public static IdentityKeyPair fromSeed(byte[] seed, SecretAccess access) {
    Objects.requireNonNull(seed, "seed");
    Objects.requireNonNull(access, "access");
    if (seed.length != SEED_LENGTH) {
      throw new IllegalArgumentException("Ed25519 seed must be " + SEED_LENGTH + " bytes");
    }
    return create(seed);
  }

  private static IdentityKeyPair create(byte[] seed) {
    FixedSeedRandom source = new FixedSeedRandom(seed);
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance(IdentityPublicKey.ALGORITHM);
      generator.initialize(NamedParameterSpec.ED25519, source);
      KeyPair pair = generator.generateKeyPair();
      EdECPrivateKey privateKey = (EdECPrivateKey) pair.getPrivate();
      byte[] derived = privateKey.getBytes().orElseThrow();
      boolean matches = MessageDigest.isEqual(derived, seed);
      Arrays.fill(derived, (byte) 0);
      if (!matches) {
        throw new IllegalStateException("JDK key generator did not use the given seed");
      }
      IdentityPublicKey publicKey = IdentityPublicKey.fromJdk((EdECPublicKey) pair.getPublic());
      return new IdentityKeyPair(seed.clone(), privateKey, publicKey);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK must provide Ed25519", e);
    } finally {
      source.wipe();
    }
  }

  /** Returns the public key. Available after {@link #destroy()}. */
  public IdentityPublicKey publicKey() {
    return publicKey;
  }

  /**
   * Signs {@code domain.tag() || message} with Ed25519 (deterministic, RFC 8032 section 5.1.6).
   *
   * @throws IllegalStateException if the key pair was destroyed
   */
  public IdentitySignature sign(SigningDomain domain, byte[] message) {
    Objects.requireNonNull(domain, "domain");
    return sign(new byte[] {domain.tag()}, message);
  }

  /** Plain RFC 8032 Ed25519 over {@code message}, without domain tag; for known-answer tests. */
  IdentitySignature signRaw(byte[] message) {
    return sign(new byte[0], message);
  }

  private IdentitySignature sign(byte[] prefix, byte[] message) {
    Objects.requireNonNull(message, "message");
    byte[] input = Ed25519Codec.concat(prefix, message);
    byte[] signature = new byte[IdentitySignature.LENGTH];
    synchronized (lock) {
      if (seed == null) {
        throw new IllegalStateException("identity key pair was destroyed");
      }
      Ed25519.sign(seed, 0, publicKey.encodedUnsafe(), 0, input, 0, input.length, signature, 0);
    }
    return IdentitySignature.ofTrusted(signature);
  }

  /**
   * Returns a copy of the 32-byte seed, for sealing. The caller must zero it when done.
   *
   * @throws IllegalStateException if the key pair was destroyed
   */
  public byte[] seed(SecretAccess access) {
    Objects.requireNonNull(access, "access");
    synchronized (lock) {
      if (seed == null) {
        throw new IllegalStateException("identity key pair was destroyed");
      }
      return seed.clone();
    }
  }

  /** Zeroes the seed and drops the private key. Idempotent. */
  public void destroy() {
    synchronized (lock) {
      if (seed != null) {
        Arrays.fill(seed, (byte) 0);
        seed = null;
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
    return "IdentityKeyPair[public=" + publicKey + (isDestroyed() ? ", destroyed]" : "]");
  }
}
