package org.intertrust.crypto.encoding;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;
import org.intertrust.crypto.encoding.EncodingException.Reason;

/**
 * The envelope shared by every signed statement. Layout (all integers big-endian):
 *
 * <pre>
 *   magic        3 bytes  "ITS" (0x49 0x54 0x53)
 *   version      u8       {@link #VERSION}
 *   domain tag   u8       {@link SigningDomain#tag()}
 *   source AS    u16
 *   destination  u16
 *   body         u32 length || body bytes written by {@link Statement#writeBody}
 * </pre>
 *
 * <p>The domain tag in the signed bytes and the per-domain BLS DST both separate message kinds; the
 * AS ids bind a statement to one pair of chains, so it cannot be replayed between others.
 */
public final class Statements {

  /** Current (and only) envelope version. */
  public static final int VERSION = 1;

  /** Size of the envelope before the body bytes, including the body's length prefix. */
  public static final int HEADER_SIZE = 3 + 1 + 1 + 2 + 2 + 4;

  /** Largest encoded statement, envelope included. */
  public static final int MAX_ENCODED_SIZE = CanonicalWriter.DEFAULT_MAX_SIZE;

  /** Largest statement body. */
  public static final int MAX_BODY_SIZE = MAX_ENCODED_SIZE - HEADER_SIZE;

  private static final byte[] MAGIC = "ITS".getBytes(StandardCharsets.US_ASCII);

  private Statements() {}

  /**
   * The decoded envelope fields that precede the body.
   *
   * @param version the envelope version (always {@link #VERSION} once decoded)
   * @param domain the signing domain
   * @param source the source AS
   * @param destination the destination AS
   */
  public record Header(int version, SigningDomain domain, AsId source, AsId destination) {
    /** Checks that no field is null. */
    public Header {
      Objects.requireNonNull(domain, "domain");
      Objects.requireNonNull(source, "source");
      Objects.requireNonNull(destination, "destination");
    }
  }

  /**
   * Returns the canonical encoding of {@code statement}, the exact bytes to sign.
   *
   * @throws EncodingException if the body cannot be encoded or exceeds {@link #MAX_BODY_SIZE}
   */
  public static byte[] encode(Statement statement) throws EncodingException {
    Objects.requireNonNull(statement, "statement");
    SigningDomain domain = Objects.requireNonNull(statement.domain(), "domain");
    AsId source = Objects.requireNonNull(statement.sourceAs(), "sourceAs");
    AsId destination = Objects.requireNonNull(statement.destinationAs(), "destinationAs");
    CanonicalWriter body = new CanonicalWriter(MAX_BODY_SIZE);
    statement.writeBody(body);
    CanonicalWriter out = new CanonicalWriter(HEADER_SIZE + body.size());
    out.fixedBytes(MAGIC, MAGIC.length)
        .u8(VERSION)
        .u8(Byte.toUnsignedInt(domain.tag()))
        .asId(source)
        .asId(destination)
        .bytes(body.toByteArray());
    return out.toByteArray();
  }

  /**
   * Reads the envelope fields up to, not including, the body's length prefix; follow with {@link
   * #readBody(CanonicalReader)} and {@link CanonicalReader#expectEnd()}.
   *
   * @throws EncodingException {@link Reason#BAD_MAGIC}, {@link Reason#BAD_VERSION}, {@link
   *     Reason#UNKNOWN_DOMAIN} or {@link Reason#TRUNCATED}
   */
  public static Header decodeHeader(CanonicalReader reader) throws EncodingException {
    Objects.requireNonNull(reader, "reader");
    byte[] magic = reader.fixedBytes(MAGIC.length);
    if (!Arrays.equals(magic, MAGIC)) {
      throw new EncodingException(Reason.BAD_MAGIC, "input is not an InterTrust statement");
    }
    int version = reader.u8();
    if (version != VERSION) {
      throw new EncodingException(Reason.BAD_VERSION, "unsupported statement version " + version);
    }
    SigningDomain domain = SigningDomain.fromTag((byte) reader.u8());
    AsId source = reader.asId();
    AsId destination = reader.asId();
    return new Header(version, domain, source, destination);
  }

  /** Reads the length-prefixed body that follows the header, at most {@link #MAX_BODY_SIZE}. */
  public static byte[] readBody(CanonicalReader reader) throws EncodingException {
    return reader.bytes(MAX_BODY_SIZE);
  }
}
