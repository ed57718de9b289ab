package org.intertrust.ledger.state;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import org.intertrust.crypto.encoding.CanonicalWriter;
import org.intertrust.crypto.encoding.EncodingException;
import org.intertrust.ledger.value.Hash32;
import org.intertrust.ledger.value.Sha256;

/**
 * The state hash: SHA-256 over
 *
 * <pre>
 *   "ITSTATE" || u8 version
 *   for each section in {@link Section#ALL} order:
 *     u8 section index || u64 entry count
 *     for each entry in ascending key order: u32 length || (key || value), canonically encoded
 * </pre>
 *
 * The result depends only on the contents, so two replicas with equal states get equal hashes. Cost
 * is linear in the state size; an incrementally maintained commitment (a Merkle-ized state) is
 * future work.
 */
public final class StateHasher {

  /** Version of the hashing format. */
  public static final int VERSION = 1;

  private static final byte[] DOMAIN = "ITSTATE".getBytes(StandardCharsets.US_ASCII);

  private StateHasher() {}

  /** Returns the hash of {@code state}. */
  public static Hash32 hash(LedgerState state) {
    MessageDigest digest = Sha256.newDigest();
    digest.update(DOMAIN);
    digest.update((byte) VERSION);
    try {
      for (Section<?, ?> section : Section.ALL) {
        hashSection(digest, state, section);
      }
    } catch (EncodingException e) {
      throw new IllegalStateException("state entry cannot be encoded", e);
    }
    return Sha256.finish(digest);
  }

  private static <K extends Comparable<K>, V> void hashSection(
      MessageDigest digest, LedgerState state, Section<K, V> section) throws EncodingException {
    Map<K, V> entries = state.entries(section);
    CanonicalWriter header = new CanonicalWriter();
    header.u8(section.index()).u64(entries.size());
    digest.update(header.toByteArray());
    for (Map.Entry<K, V> entry : entries.entrySet()) {
      CanonicalWriter body = new CanonicalWriter();
      section.writeEntry(entry.getKey(), entry.getValue(), body);
      CanonicalWriter framed = new CanonicalWriter();
      framed.bytes(body.toByteArray());
      digest.update(framed.toByteArray());
    }
  }
}
