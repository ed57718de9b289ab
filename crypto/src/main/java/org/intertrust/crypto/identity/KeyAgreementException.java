package org.intertrust.crypto.identity;

/**
 * An X25519 key agreement was refused because the peer's public key is a low-order point: the
 * shared secret would be all zeros (RFC 7748 section 6.1), known to anyone, and so no secret.
 */
public class KeyAgreementException extends Exception {

  KeyAgreementException(String message) {
    super(message);
  }

  KeyAgreementException(String message, Throwable cause) {
    super(message, cause);
  }
}
