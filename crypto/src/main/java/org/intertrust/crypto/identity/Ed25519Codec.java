package org.intertrust.crypto.identity;

/** Small helpers for the Ed25519 inputs: the signed bytes are {@code prefix || message}. */
final class Ed25519Codec {
  private Ed25519Codec() {}

  /** {@code prefix || message} in one new array. */
  static byte[] concat(byte[] prefix, byte[] message) {
    byte[] input = new byte[prefix.length + message.length];
    System.arraycopy(prefix, 0, input, 0, prefix.length);
    System.arraycopy(message, 0, input, prefix.length, message.length);
    return input;
  }
}
