package org.intertrust.crypto.bls;

import org.intertrust.crypto.bls.BlsDecodingException.Reason;
import supranational.blst.P1_Affine;
import supranational.blst.P2_Affine;

/** Checked decoding of compressed points: length, encoding, curve, subgroup, not infinity. */
final class Points {
  static final int G1_COMPRESSED_BYTES = 48;
  static final int G2_COMPRESSED_BYTES = 96;

  private Points() {}

  static P1_Affine decodeG1(byte[] bytes, String what) throws BlsDecodingException {
    P1_Affine point = parseFiniteG1(bytes, G1_COMPRESSED_BYTES, what);
    if (!point.in_group()) {
      throw new BlsDecodingException(Reason.NOT_IN_SUBGROUP, what + " is not in the G1 subgroup");
    }
    return point;
  }

  /**
   * Decodes a 96-byte uncompressed G1 point and checks that it is on the curve and not infinity,
   * without the subgroup check (see {@link UncheckedPartialSignature}).
   */
  static P1_Affine decodeUncompressedG1OnCurve(byte[] bytes) throws BlsDecodingException {
    String what = "uncompressed share";
    P1_Affine point = parseFiniteG1(bytes, 2 * G1_COMPRESSED_BYTES, what);
    if (!point.on_curve()) {
      throw new BlsDecodingException(Reason.NOT_ON_CURVE, what + " is not on the curve");
    }
    return point;
  }

  /** Parses a G1 point of {@code length} bytes (compressed or not) and refuses infinity. */
  private static P1_Affine parseFiniteG1(byte[] bytes, int length, String what)
      throws BlsDecodingException {
    checkLength(bytes, length, what);
    P1_Affine point;
    try {
      point = new P1_Affine(bytes);
    } catch (RuntimeException e) {
      throw encodingFailure(e, what);
    }
    if (point.is_inf()) {
      throw new BlsDecodingException(Reason.INFINITY, what + " is the point at infinity");
    }
    return point;
  }

  static P2_Affine decodeG2(byte[] bytes, String what) throws BlsDecodingException {
    checkLength(bytes, G2_COMPRESSED_BYTES, what);
    P2_Affine point;
    try {
      point = new P2_Affine(bytes);
    } catch (RuntimeException e) {
      throw encodingFailure(e, what);
    }
    if (point.is_inf()) {
      throw new BlsDecodingException(Reason.INFINITY, what + " is the point at infinity");
    }
    if (!point.in_group()) {
      throw new BlsDecodingException(Reason.NOT_IN_SUBGROUP, what + " is not in the G2 subgroup");
    }
    return point;
  }

  private static void checkLength(byte[] bytes, int expected, String what)
      throws BlsDecodingException {
    if (bytes == null || bytes.length != expected) {
      throw new BlsDecodingException(
          Reason.WRONG_LENGTH,
          what + " must be " + expected + " bytes, was " + (bytes == null ? "null" : bytes.length));
    }
  }

  private static BlsDecodingException encodingFailure(RuntimeException e, String what) {
    String message = String.valueOf(e.getMessage());
    Reason reason = message.contains("on curve") ? Reason.NOT_ON_CURVE : Reason.BAD_ENCODING;
    return new BlsDecodingException(reason, what + ": " + message);
  }

  static String hexPrefix(byte[] bytes) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < Math.min(6, bytes.length); i++) {
      out.append(String.format("%02x", bytes[i]));
    }
    return out.append("..").toString();
  }
}
