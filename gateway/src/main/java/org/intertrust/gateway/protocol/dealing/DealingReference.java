package org.intertrust.gateway.protocol.dealing;

import java.util.Objects;
import org.intertrust.crypto.dealing.DealingRecord;
import org.intertrust.crypto.encoding.CanonicalReader;
import org.intertrust.crypto.encoding.CanonicalWriter;
import org.intertrust.crypto.encoding.EncodingException;
import org.intertrust.ledger.value.Hash32;
import org.intertrust.ledger.value.Sha256;

/**
 * Names the dealing a certificate was signed with: SHA-256 of the dealing context's bytes and the
 * group public key. The gateway that dealt it looks its key up by this reference; anyone holding
 * the dealing record can recompute it.
 *
 * @param hash the reference
 */
public record DealingReference(Hash32 hash) {
  /** Checks the hash is present. */
  public DealingReference {
    Objects.requireNonNull(hash, "hash");
  }

  /** The reference of {@code record}. */
  public static DealingReference of(DealingRecord record) {
    return new DealingReference(
        Sha256.hash(record.context().toBytes(), record.publicKey().groupKey().toBytes()));
  }

  /** Writes the 32 bytes. */
  public void write(CanonicalWriter w) throws EncodingException {
    hash.write(w);
  }

  /** Reads 32 bytes. */
  public static DealingReference read(CanonicalReader r) throws EncodingException {
    return new DealingReference(Hash32.read(r));
  }

  @Override
  public String toString() {
    return "dealing:" + hash;
  }
}
