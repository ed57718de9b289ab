package org.intertrust.ledger.value;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import org.intertrust.crypto.encoding.CanonicalReader;
import org.intertrust.crypto.encoding.CanonicalWriter;
import org.intertrust.crypto.encoding.EncodingException;
import org.intertrust.crypto.identity.IdentityPublicKey;
import org.intertrust.crypto.identity.KeyDecodingException;

/**
 * An account: the 32-byte Ed25519 public key (RFC 8032 section 5.1.2) of its owner. The owner
 * proves control by signing with the matching private key, so no registry maps names to keys. Any
 * 32 bytes decode as an account id; whether they form a valid key is checked where it matters (a
 * signature check, or the recipient of a transfer) through {@link #publicKey()}.
 *
 * <p>Ordered by unsigned lexicographic bytes, the order used in state hashing.
 */
public final class AccountId implements Comparable<AccountId> {

  /** Length of an encoded account id. */
  public static final int LENGTH = IdentityPublicKey.LENGTH;

  private final byte[] key;
  private volatile Optional<IdentityPublicKey> decoded;

  private AccountId(byte[] key) {
    this.key = key;
  }

  /** Returns the account owned by {@code key}. */
  public static AccountId of(IdentityPublicKey key) {
    return new AccountId(key.toBytes());
  }

  /**
   * Wraps a copy of 32 raw bytes.
   *
   * @throws IllegalArgumentException if {@code bytes} is not 32 bytes long
   */
  public static AccountId fromBytes(byte[] bytes) {
    Objects.requireNonNull(bytes, "bytes");
    if (bytes.length != LENGTH) {
      throw new IllegalArgumentException("an account id is " + LENGTH + " bytes");
    }
    return new AccountId(bytes.clone());
  }

  /** Reads 32 raw bytes. */
  public static AccountId read(CanonicalReader reader) throws EncodingException {
    return new AccountId(reader.fixedBytes(LENGTH));
  }

  /** Writes the 32 raw bytes. */
  public void write(CanonicalWriter writer) throws EncodingException {
    writer.fixedBytes(key, LENGTH);
  }

  /**
   * Returns the owner's public key, or empty if the bytes are not a valid Ed25519 key. Decoded once
   * per instance.
   */
  public Optional<IdentityPublicKey> publicKey() {
    Optional<IdentityPublicKey> result = decoded;
    if (result == null) {
      result = decode(key);
      decoded = result;
    }
    return result;
  }

  private static Optional<IdentityPublicKey> decode(byte[] key) {
    try {
      return Optional.of(IdentityPublicKey.fromBytes(key));
    } catch (KeyDecodingException e) {
      return Optional.empty();
    }
  }

  /** Returns a copy of the 32 bytes. */
  public byte[] toBytes() {
    return key.clone();
  }

  @Override
  public int compareTo(AccountId other) {
    return Arrays.compareUnsigned(key, other.key);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof AccountId that && Arrays.equals(key, that.key);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(key);
  }

  /** Returns the first 6 bytes in hex. */
  @Override
  public String toString() {
    return "acct:" + HexFormat.of().formatHex(key, 0, 6);
  }
}
