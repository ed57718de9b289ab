package org.intertrust.ledger.value;

import java.util.Objects;
import org.intertrust.crypto.encoding.CanonicalReader;
import org.intertrust.crypto.encoding.CanonicalWriter;
import org.intertrust.crypto.encoding.EncodingException;

/**
 * Id of a ledger transaction: SHA-256 of its complete canonical encoding, signature included.
 *
 * @param hash the digest
 */
public record TxId(Hash32 hash) implements Comparable<TxId> {

  /** Checks that the hash is present. */
  public TxId {
    Objects.requireNonNull(hash, "hash");
  }

  /** Returns the id of the transaction whose canonical encoding is {@code encoded}. */
  public static TxId ofEncoding(byte[] encoded) {
    return new TxId(Sha256.hash(encoded));
  }

  /** Reads 32 raw bytes. */
  public static TxId read(CanonicalReader reader) throws EncodingException {
    return new TxId(Hash32.read(reader));
  }

  /** Writes 32 raw bytes. */
  public void write(CanonicalWriter writer) throws EncodingException {
    hash.write(writer);
  }

  @Override
  public int compareTo(TxId other) {
    return hash.compareTo(other.hash);
  }

  @Override
  public String toString() {
    return "tx:" + hash;
  }
}
