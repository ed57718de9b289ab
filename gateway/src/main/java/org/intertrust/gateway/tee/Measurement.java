package org.intertrust.gateway.tee;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;
import org.intertrust.ledger.value.Sha256;

/**
 * The code measurement of an enclave: a 32-byte digest of the code it runs (MRENCLAVE for SGX, a
 * PCR digest for a TPM, a digest the host declares for the software backend). Peers accept a quote
 * only if its measurement is on their allowlist. Immutable.
 */
public final class Measurement {
  /** Length in bytes. */
  public static final int LENGTH = 32;

  private final byte[] digest;

  private Measurement(byte[] digest) {
    this.digest = digest;
  }

  /**
   * Wraps a copy of a 32-byte digest.
   *
   * @throws IllegalArgumentException if {@code digest} is not 32 bytes
   */
  public static Measurement of(byte[] digest) {
    Objects.requireNonNull(digest, "digest");
    if (digest.length != LENGTH) {
      throw new IllegalArgumentException("a measurement is " + LENGTH + " bytes");
    }
    return new Measurement(digest.clone());
  }

  /** The measurement of a named code release: SHA-256 of {@code "intertrust-code/" + name}. */
  public static Measurement ofRelease(String name) {
    return new Measurement(
        Sha256.hash(("intertrust-code/" + name).getBytes(StandardCharsets.UTF_8)).toBytes());
  }

  /** Returns a copy of the digest. */
  public byte[] toBytes() {
    return digest.clone();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Measurement that && Arrays.equals(digest, that.digest);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(digest);
  }

  @Override
  public String toString() {
    return "Measurement[" + HexFormat.of().formatHex(digest, 0, 8) + "..]";
  }
}
