/**
 * Node identity keys (Ed25519, RFC 8032) and key agreement keys (X25519, RFC 7748) on the JDK's own
 * providers; Ed25519 signing and verification run Bouncy Castle's RFC 8032 arithmetic (ADR 0013).
 *
 * <p>Public keys and signatures are typed values with fixed raw encodings: 32-byte Ed25519 and
 * X25519 public keys, 64-byte signatures. Decoding is strict (exact length, canonical field
 * elements, points the provider accepts) and fails with a typed exception. Secret material is
 * reachable only through methods that take a {@link org.intertrust.crypto.secret.SecretAccess}, key
 * pairs can be destroyed, and nothing here prints a secret.
 */
package org.intertrust.crypto.identity;
