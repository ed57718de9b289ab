package org.intertrust.ledger.state;

import org.intertrust.crypto.encoding.CanonicalWriter;
import org.intertrust.crypto.encoding.EncodingException;

/**
 * Writes a key or value of a state section canonically, for hashing.
 *
 * @param <T> the type written
 */
@FunctionalInterface
public interface ValueCodec<T> {

  /** Writes {@code value}. */
  void write(T value, CanonicalWriter writer) throws EncodingException;
}
