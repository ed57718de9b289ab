package org.intertrust.ledger.value;

import java.util.Objects;
import java.util.Optional;
import org.intertrust.crypto.encoding.AsId;
import org.intertrust.crypto.encoding.CanonicalReader;
import org.intertrust.crypto.encoding.CanonicalWriter;
import org.intertrust.crypto.encoding.EncodingException;

/**
 * An asset denomination: 1 to 64 characters from {@code [A-Za-z0-9/._-]}.
 *
 * <p>Native assets are created at genesis on their home AS. A voucher is the claim, held on one AS,
 * to an asset escrowed on another; its denomination traces its origin as in ICS-20: {@code
 * voucher/AS-<source>/<denomination on the source>}, so {@code GOLD} from AS 1 becomes {@code
 * voucher/AS-1/GOLD}, and sending that onwards from AS 2 gives {@code
 * voucher/AS-2/voucher/AS-1/GOLD}. A denomination that would exceed 64 characters cannot be minted.
 *
 * @param name the denomination
 */
public record AssetId(String name) implements Comparable<AssetId> {

  /** Longest denomination. */
  public static final int MAX_LENGTH = 64;

  /** Prefix of every voucher denomination. */
  public static final String VOUCHER_PREFIX = "voucher/";

  /**
   * Validates the denomination.
   *
   * @throws IllegalArgumentException if it is empty, too long or uses other characters
   */
  public AssetId {
    Objects.requireNonNull(name, "name");
    if (!isValid(name)) {
      throw new IllegalArgumentException("invalid asset denomination: " + name);
    }
  }

  /** Returns the asset named {@code name}. */
  public static AssetId of(String name) {
    return new AssetId(name);
  }

  /** Returns whether {@code name} is a valid denomination. */
  public static boolean isValid(String name) {
    if (name.isEmpty() || name.length() > MAX_LENGTH) {
      return false;
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      boolean ok =
          (c >= 'A' && c <= 'Z')
              || (c >= 'a' && c <= 'z')
              || (c >= '0' && c <= '9')
              || c == '/'
              || c == '.'
              || c == '_'
              || c == '-';
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  /** Returns whether this is a voucher denomination. */
  public boolean isVoucher() {
    return name.startsWith(VOUCHER_PREFIX);
  }

  /**
   * Returns the voucher denomination for this asset arriving from {@code source}, or empty if it
   * would be too long.
   */
  public Optional<AssetId> voucherFrom(AsId source) {
    String voucher = VOUCHER_PREFIX + source + "/" + name;
    return isValid(voucher) ? Optional.of(new AssetId(voucher)) : Optional.empty();
  }

  /**
   * If this is a voucher minted from {@code origin}'s asset, returns that asset: {@code
   * voucher/AS-1/GOLD} with origin AS 1 gives {@code GOLD}. Used when a voucher returns home.
   */
  public Optional<AssetId> unwrapVoucherOf(AsId origin) {
    String prefix = VOUCHER_PREFIX + origin + "/";
    if (!name.startsWith(prefix) || name.length() == prefix.length()) {
      return Optional.empty();
    }
    return Optional.of(new AssetId(name.substring(prefix.length())));
  }

  /** Reads a length-prefixed denomination and validates it. */
  public static AssetId read(CanonicalReader reader) throws EncodingException {
    String name = reader.string(MAX_LENGTH);
    if (!isValid(name)) {
      throw new EncodingException(EncodingException.Reason.INVALID_VALUE, "bad asset " + name);
    }
    return new AssetId(name);
  }

  /** Writes the denomination as a length-prefixed string. */
  public void write(CanonicalWriter writer) throws EncodingException {
    writer.string(name);
  }

  @Override
  public int compareTo(AssetId other) {
    return name.compareTo(other.name);
  }

  @Override
  public String toString() {
    return name;
  }
}
