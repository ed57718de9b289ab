package org.intertrust.ledger.value;

import java.util.Objects;
import org.intertrust.crypto.encoding.CanonicalReader;
import org.intertrust.crypto.encoding.CanonicalWriter;
import org.intertrust.crypto.encoding.EncodingException;

/**
 * Id of a cross-AS transaction, assigned by the gateway protocol (the hash of its terms). The same
 * id names the transaction on the source and the destination AS; each ledger lets an id take effect
 * at most once per role (DESIGN.md section 5, invariant 3).
 *
 * @param hash the 32-byte id
 */
public record CrossAsTxId(Hash32 hash) implements Comparable<CrossAsTxId> {

  /** Checks that the hash is present. */
  public CrossAsTxId {
    Objects.requireNonNull(hash, "hash");
  }

  /** Reads 32 raw bytes. */
  public static CrossAsTxId read(CanonicalReader reader) throws EncodingException {
    return new CrossAsTxId(Hash32.read(reader));
  }

  /** Writes 32 raw bytes. */
  public void write(CanonicalWriter writer) throws EncodingException {
    hash.write(writer);
  }

  @Override
  public int compareTo(CrossAsTxId other) {
    return hash.compareTo(other.hash);
  }

  @Override
  public String toString() {
    return "xtx:" + hash;
  }
}
