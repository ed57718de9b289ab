package org.intertrust.ledger.value;

import java.util.Arrays;
import java.util.Objects;
import org.intertrust.crypto.encoding.CanonicalReader;
import org.intertrust.crypto.encoding.CanonicalWriter;
import org.intertrust.crypto.encoding.EncodingException;

/**
 * A cross-AS certificate (threshold BLS signature, with a Merkle path when batched) carried as
 * opaque, bounded bytes. The ledger does not interpret it: the gateway verifies it before ordering
 * the transaction, and the ledger records it so that anyone can re-check provenance (DESIGN.md
 * section 5, invariant 6). At most {@link #MAX_LENGTH} bytes; may be empty.
 */
public final class CertificateBytes {

  /** Largest certificate. */
  public static final int MAX_LENGTH = 16 * 1024;

  /** The empty certificate. */
  public static final CertificateBytes EMPTY = new CertificateBytes(new byte[0]);

  private final byte[] bytes;

  private CertificateBytes(byte[] bytes) {
    this.bytes = bytes;
  }

  /**
   * Wraps a copy of {@code bytes}.
   *
   * @throws IllegalArgumentException if longer than {@link #MAX_LENGTH}
   */
  public static CertificateBytes of(byte[] bytes) {
    Objects.requireNonNull(bytes, "bytes");
    if (bytes.length > MAX_LENGTH) {
      throw new IllegalArgumentException("certificate longer than " + MAX_LENGTH + " bytes");
    }
    return new CertificateBytes(bytes.clone());
  }

  /** Reads a length-prefixed certificate of at most {@link #MAX_LENGTH} bytes. */
  public static CertificateBytes read(CanonicalReader reader) throws EncodingException {
    return new CertificateBytes(reader.bytes(MAX_LENGTH));
  }

  /** Writes the certificate length-prefixed. */
  public void write(CanonicalWriter writer) throws EncodingException {
    writer.bytes(bytes);
  }

  /** Returns a copy of the bytes. */
  public byte[] toBytes() {
    return bytes.clone();
  }

  /** Returns the length in bytes. */
  public int length() {
    return bytes.length;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof CertificateBytes that && Arrays.equals(bytes, that.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  @Override
  public String toString() {
    return "CertificateBytes[" + bytes.length + " bytes]";
  }
}
