package org.intertrust.consensus;

import org.intertrust.crypto.bls.Bls;
import org.intertrust.crypto.bls.BlsPublicKey;
import org.intertrust.crypto.bls.BlsSignature;
import org.intertrust.crypto.encoding.SigningDomain;
import org.intertrust.crypto.identity.IdentityPublicKey;
import org.intertrust.crypto.identity.IdentitySignature;

/**
 * The port through which the replica core checks signatures: Ed25519 signatures of proposals,
 * timeouts and share wraps, and the BLS signatures of quorum certificates. The node uses {@link
 * #DIRECT}, which checks every signature. The simulator, where many replicas of one process check
 * the same signature on the same message under the same key, may share one real check among them.
 *
 * <p>Contract: an implementation returns exactly what the direct check returns for the same
 * arguments. It may not skip, sample or approximate a check; it may only remember results.
 */
public interface SignatureVerifier {
  /** Whether {@code signature} is {@code key}'s Ed25519 signature on {@code message} in domain. */
  boolean verifyIdentity(
      IdentityPublicKey key, SigningDomain domain, byte[] message, IdentitySignature signature);

  /** Whether {@code signature} is a BLS signature by {@code key} on {@code message} in domain. */
  boolean verifyBls(BlsPublicKey key, SigningDomain domain, byte[] message, BlsSignature signature);

  /** Checks every signature, each time: what a real node does. */
  SignatureVerifier DIRECT =
      new SignatureVerifier() {
        @Override
        public boolean verifyIdentity(
            IdentityPublicKey key,
            SigningDomain domain,
            byte[] message,
            IdentitySignature signature) {
          return key.verify(domain, message, signature);
        }

        @Override
        public boolean verifyBls(
            BlsPublicKey key, SigningDomain domain, byte[] message, BlsSignature signature) {
          return Bls.verify(key, domain, message, signature);
        }

        @Override
        public String toString() {
          return "SignatureVerifier.DIRECT";
        }
      };
}
