package org.intertrust.consensus;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

/** SHA-256 of a block's canonical header encoding. Immutable. */
public final class BlockHash {
  /** Length in bytes. */
  public static final int BYTES = 32;

  /** The parent of the genesis block. */
  public static final BlockHash ZERO = new BlockHash(new byte[BYTES]);

  private final byte[] bytes;

  private BlockHash(byte[] bytes) {
    this.bytes = bytes;
  }

  /** Wraps 32 bytes (copied). */
  public static BlockHash of(byte[] bytes) {
    if (bytes == null || bytes.length != BYTES) {
      throw new IllegalArgumentException("block hash must be 32 bytes");
    }
    return new BlockHash(bytes.clone());
  }

  static BlockHash digest(byte[] encoding) {
    try {
      return new BlockHash(MessageDigest.getInstance("SHA-256").digest(encoding));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK must provide SHA-256", e);
    }
  }

  public byte[] toBytes() {
    return bytes.clone();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof BlockHash && Arrays.equals(bytes, ((BlockHash) other).bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  @Override
  public String toString() {
    return HexFormat.of().formatHex(bytes, 0, 6);
  }
}
