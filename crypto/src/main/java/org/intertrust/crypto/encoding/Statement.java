package org.intertrust.crypto.encoding;

/**
 * Something a replica, gateway or client signs. {@link Statements#encode(Statement)} turns it into
 * the bytes that are actually signed: the common envelope (version, domain, AS ids) followed by the
 * body written by {@link #writeBody(CanonicalWriter)}.
 *
 * <p>Contract for implementations: {@link #writeBody} writes every field that the signature must
 * cover, in a fixed order, using only the canonical writer methods, and depends on nothing but the
 * statement's own values (no iteration over unordered collections, no clock, no locale), so that
 * all honest replicas produce identical bytes.
 */
public interface Statement {

  /** Returns the signing domain; also selects the BLS DST used to sign the encoding. */
  SigningDomain domain();

  /** Returns the AS on whose behalf the statement is made. */
  AsId sourceAs();

  /** Returns the AS the statement is addressed to (equal to the source for AS-internal ones). */
  AsId destinationAs();

  /**
   * Writes the domain-specific fields.
   *
   * @throws EncodingException if a value cannot be encoded or the body exceeds the size bound
   */
  void writeBody(CanonicalWriter w) throws EncodingException;
}
