package org.intertrust.ledger.value;

import java.util.Objects;
import org.intertrust.crypto.encoding.CanonicalReader;
import org.intertrust.crypto.encoding.CanonicalWriter;
import org.intertrust.crypto.encoding.EncodingException;

/**
 * Name of an application inbox that receives cross-AS messages; same alphabet and length bound as
 * {@link AssetId}.
 *
 * @param name the inbox name
 */
public record InboxId(String name) implements Comparable<InboxId> {

  /**
   * Validates the name.
   *
   * @throws IllegalArgumentException if it is empty, too long or uses other characters
   */
  public InboxId {
    Objects.requireNonNull(name, "name");
    if (!AssetId.isValid(name)) {
      throw new IllegalArgumentException("invalid inbox name: " + name);
    }
  }

  /** Reads a length-prefixed name and validates it. */
  public static InboxId read(CanonicalReader reader) throws EncodingException {
    String name = reader.string(AssetId.MAX_LENGTH);
    if (!AssetId.isValid(name)) {
      throw new EncodingException(EncodingException.Reason.INVALID_VALUE, "bad inbox " + name);
    }
    return new InboxId(name);
  }

  /** Writes the name as a length-prefixed string. */
  public void write(CanonicalWriter writer) throws EncodingException {
    writer.string(name);
  }

  @Override
  public int compareTo(InboxId other) {
    return name.compareTo(other.name);
  }
}
