package org.intertrust.crypto.bls;

import java.util.Arrays;

/**
 * A signature share: {@code f(i) * H(m)} from the holder of share {@code i}. Encoded as the
 * two-byte big-endian index followed by the 48-byte compressed signature.
 */
public record PartialSignature(ShareIndex index, BlsSignature signature) {
  /** Length of {@link #toBytes()}. */
  public static final int BYTES = 2 + BlsSignature.BYTES;

  public PartialSignature {
    if (index == null || signature == null) {
      throw new IllegalArgumentException("index and signature are required");
    }
  }

  public byte[] toBytes() {
    byte[] out = new byte[BYTES];
    out[0] = (byte) (index.value() >>> 8);
    out[1] = (byte) index.value();
    System.arraycopy(signature.toBytes(), 0, out, 2, BlsSignature.BYTES);
    return out;
  }

  /**
   * Decodes {@link #toBytes()}.
   *
   * @throws BlsDecodingException on a wrong length, an index of zero, or an invalid point
   */
  public static PartialSignature fromBytes(byte[] bytes) throws BlsDecodingException {
    if (bytes == null || bytes.length != BYTES) {
      throw new BlsDecodingException(
          BlsDecodingException.Reason.WRONG_LENGTH,
          "partial signature must be " + BYTES + " bytes");
    }
    ShareIndex index = ShareIndex.decode(((bytes[0] & 0xff) << 8) | (bytes[1] & 0xff));
    return new PartialSignature(
        index, BlsSignature.fromBytes(Arrays.copyOfRange(bytes, 2, bytes.length)));
  }
}
