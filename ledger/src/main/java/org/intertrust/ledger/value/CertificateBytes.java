package org.intertrust.ledger.value;

import org.intertrust.crypto.encoding.CanonicalReader;
import org.intertrust.crypto.encoding.EncodingException;

/**
 * A cross-AS certificate (threshold BLS signature, with a Merkle path when batched) carried as
 * opaque, bounded bytes. The ledger does not interpret it: the gateway verifies it before ordering
 * the transaction, and the ledger records it so that anyone can re-check provenance (DESIGN.md
 * section 5, invariant 6). At most {@link #MAX_LENGTH} bytes; may be empty.
 */
public final class CertificateBytes extends BoundedBytes {

  /** Largest certificate. */
  public static final int MAX_LENGTH = 16 * 1024;

  /** The empty certificate. */
  public static final CertificateBytes EMPTY = new CertificateBytes(new byte[0]);

  private CertificateBytes(byte[] bytes) {
    super(bytes);
  }

  /**
   * Wraps a copy of {@code bytes}.
   *
   * @throws IllegalArgumentException if longer than {@link #MAX_LENGTH}
   */
  public static CertificateBytes of(byte[] bytes) {
    return new CertificateBytes(checkedCopy(bytes, MAX_LENGTH, "certificate"));
  }

  /** Reads a length-prefixed certificate of at most {@link #MAX_LENGTH} bytes. */
  public static CertificateBytes read(CanonicalReader reader) throws EncodingException {
    return new CertificateBytes(reader.bytes(MAX_LENGTH));
  }
}
