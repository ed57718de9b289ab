package org.intertrust.crypto.bls;

import java.util.Arrays;
import org.intertrust.crypto.bls.BlsDecodingException.Reason;
import supranational.blst.P1_Affine;

/**
 * A signature share decoded on the collector's fast path: its 96-byte uncompressed point is on the
 * curve and not infinity, but has <em>not</em> been checked to lie in the prime-order subgroup (ADR
 * 0007).
 *
 * <p>Skipping the per-share subgroup check is sound only because such shares are accepted solely by
 * {@link ThresholdCombiner#combineUnchecked}, which checks the combined signature in full (subgroup
 * and pairing) before returning it, and subgroup-checks every share before it blames anyone.
 * Anything else must first turn the share into a {@link PartialSignature} with {@link #check()}.
 *
 * <p>Encoding: the two-byte big-endian index followed by the 96-byte uncompressed G1 point (x, y
 * big-endian), twice the compressed size, in exchange for a decode without a square root.
 */
public final class UncheckedPartialSignature {
  /** Length of the encoding. */
  public static final int BYTES = 2 + 2 * Points.G1_COMPRESSED_BYTES;

  private final ShareIndex index;
  private final P1_Affine point;
  private final byte[] encoded;

  private UncheckedPartialSignature(ShareIndex index, P1_Affine point, byte[] encoded) {
    this.index = index;
    this.point = point;
    this.encoded = encoded;
  }

  /** The uncompressed encoding of a checked share: what an honest signer sends to the collector. */
  public static byte[] encode(PartialSignature partial) {
    byte[] out = new byte[BYTES];
    out[0] = (byte) (partial.index().value() >>> 8);
    out[1] = (byte) partial.index().value();
    byte[] point = partial.signature().point().serialize();
    System.arraycopy(point, 0, out, 2, point.length);
    return out;
  }

  /**
   * Decodes {@link #encode}: length, index, coordinates below p, on the curve, not infinity.
   *
   * @throws BlsDecodingException if any of these fails
   */
  public static UncheckedPartialSignature fromBytes(byte[] bytes) throws BlsDecodingException {
    if (bytes == null || bytes.length != BYTES) {
      throw new BlsDecodingException(
          Reason.WRONG_LENGTH, "unchecked partial signature must be " + BYTES + " bytes");
    }
    ShareIndex index = ShareIndex.decode(((bytes[0] & 0xff) << 8) | (bytes[1] & 0xff));
    byte[] copy = bytes.clone();
    P1_Affine point = Points.decodeUncompressedG1OnCurve(Arrays.copyOfRange(copy, 2, BYTES));
    return new UncheckedPartialSignature(index, point, copy);
  }

  public ShareIndex index() {
    return index;
  }

  /**
   * The full check this share skipped: subgroup membership.
   *
   * @throws BlsDecodingException if the point is not in the G1 subgroup
   */
  public PartialSignature check() throws BlsDecodingException {
    if (!point.in_group()) {
      throw new BlsDecodingException(
          Reason.NOT_IN_SUBGROUP, "share " + index + " is not in the G1 subgroup");
    }
    return new PartialSignature(index, BlsSignature.fromCheckedPoint(point));
  }

  /** The on-curve point. blst points mutate themselves: callers must {@code dup()} first. */
  P1_Affine point() {
    return point;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof UncheckedPartialSignature
        && Arrays.equals(encoded, ((UncheckedPartialSignature) other).encoded);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(encoded);
  }

  @Override
  public String toString() {
    return "UncheckedPartialSignature[" + index + ", " + Points.hexPrefix(encoded) + "]";
  }
}
