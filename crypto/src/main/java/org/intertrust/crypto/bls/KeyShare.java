package org.intertrust.crypto.bls;

import org.intertrust.crypto.encoding.SigningDomain;
import org.intertrust.crypto.secret.SecretAccess;

/**
 * One holder's share {@code f(i)} of a threshold key. Signs partial signatures; never prints the
 * secret; can be destroyed.
 */
public final class KeyShare {
  private final ShareIndex index;
  private final BlsSecretKey secret;

  KeyShare(ShareIndex index, BlsSecretKey secret) {
    this.index = index;
    this.secret = secret;
  }

  /**
   * Rebuilds a share from its index and big-endian scalar (for example after decrypting a dealt
   * share).
   *
   * @throws BlsDecodingException if the scalar is zero or not below r
   */
  public static KeyShare fromBytes(ShareIndex index, byte[] bigEndian, SecretAccess access)
      throws BlsDecodingException {
    return new KeyShare(index, BlsSecretKey.fromBytes(bigEndian, access));
  }

  public ShareIndex index() {
    return index;
  }

  /** The share's verification key {@code f(i) * g2}. */
  public BlsPublicKey verificationKey() {
    return secret.publicKey();
  }

  /** Signs {@code message} in {@code domain} with this share. */
  public PartialSignature signPartial(SigningDomain domain, byte[] message) {
    return new PartialSignature(index, secret.sign(domain, message));
  }

  /** Signs a message already hashed in its domain: the same share as the method above. */
  public PartialSignature signPartial(HashedMessage hashed) {
    return new PartialSignature(index, secret.sign(hashed));
  }

  /** The big-endian scalar. Each call is a deliberate read of secret material. */
  public byte[] toBytes(SecretAccess access) {
    return secret.toBytes(access);
  }

  public void destroy() {
    secret.destroy();
  }

  public boolean isDestroyed() {
    return secret.isDestroyed();
  }

  @Override
  public String toString() {
    return "KeyShare[" + index + ", secret redacted]";
  }
}
