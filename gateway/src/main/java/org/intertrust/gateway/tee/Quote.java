package org.intertrust.gateway.tee;

import java.util.Arrays;
import java.util.Objects;
import org.intertrust.crypto.encoding.AsId;
import org.intertrust.crypto.encoding.CanonicalReader;
import org.intertrust.crypto.encoding.CanonicalWriter;
import org.intertrust.crypto.encoding.EncodingException;
import org.intertrust.crypto.encoding.EncodingException.Reason;
import org.intertrust.crypto.encoding.SigningDomain;
import org.intertrust.crypto.encoding.Statement;
import org.intertrust.crypto.encoding.Statements;

/**
 * An attestation quote (ADR 0005): the platform's signature over what an enclave attests. The
 * signed part is a canonical statement in {@link SigningDomain#ATTESTATION_QUOTE} from the quoting
 * gateway's AS to the verifier's AS, with body:
 *
 * <pre>
 *   backend        u8        {@link Backend#tag()}
 *   platform key   bytes     the key the verifier checks the signature with (&lt;= 256 bytes)
 *   measurement    32 bytes
 *   caller data    bytes     1..64 bytes
 *   nonce          32 bytes  the verifier's challenge
 *   counter        u64       the enclave's monotonic counter when quoting
 *   timestamp      u64       platform time, milliseconds
 * </pre>
 *
 * Wire form: the statement bytes, length-prefixed, then the signature, length-prefixed (at most 512
 * bytes, so a TPM's RSA or ECDSA signature fits). Immutable.
 */
public final class Quote implements Statement {
  /** Largest caller data. */
  public static final int MAX_CALLER_DATA = 64;

  /** Length of the challenge nonce. */
  public static final int NONCE_LENGTH = 32;

  /** Largest platform key. */
  public static final int MAX_PLATFORM_KEY = 256;

  /** Largest signature. */
  public static final int MAX_SIGNATURE = 512;

  /** Largest encoded quote. */
  public static final int MAX_ENCODED = 2048;

  private final Backend backend;
  private final byte[] platformKey;
  private final Measurement measurement;
  private final AsId self;
  private final AsId peer;
  private final byte[] callerData;
  private final byte[] nonce;
  private final long counter;
  private final long timestampMillis;
  private final byte[] signature;

  private Quote(Body body, byte[] signature) {
    this.backend = body.backend;
    this.platformKey = body.platformKey;
    this.measurement = body.measurement;
    this.self = body.request.self();
    this.peer = body.request.peer();
    this.callerData = body.request.callerData();
    this.nonce = body.request.nonce();
    this.counter = body.counter;
    this.timestampMillis = body.timestampMillis;
    this.signature = signature;
  }

  /** The fields a backend fills in before it signs. */
  public record Body(
      Backend backend,
      byte[] platformKey,
      Measurement measurement,
      QuoteRequest request,
      long counter,
      long timestampMillis) {
    /** Checks the fields. */
    public Body {
      Objects.requireNonNull(backend, "backend");
      Objects.requireNonNull(platformKey, "platformKey");
      Objects.requireNonNull(measurement, "measurement");
      Objects.requireNonNull(request, "request");
      if (platformKey.length < 1 || platformKey.length > MAX_PLATFORM_KEY) {
        throw new IllegalArgumentException("platform key must be 1.." + MAX_PLATFORM_KEY);
      }
      if (counter < 0 || timestampMillis < 0) {
        throw new IllegalArgumentException("counter and timestamp must be >= 0");
      }
      platformKey = platformKey.clone();
    }

    /** The exact bytes the platform signs. */
    public byte[] signedBytes() {
      return new Quote(this, new byte[0]).signedBytes();
    }
  }

  /**
   * Assembles a quote from its body and the platform's signature over {@link Body#signedBytes()}.
   */
  public static Quote of(Body body, byte[] signature) {
    Objects.requireNonNull(signature, "signature");
    if (signature.length < 1 || signature.length > MAX_SIGNATURE) {
      throw new IllegalArgumentException("signature must be 1.." + MAX_SIGNATURE + " bytes");
    }
    return new Quote(body, signature.clone());
  }

  public Backend backend() {
    return backend;
  }

  public byte[] platformKey() {
    return platformKey.clone();
  }

  public Measurement measurement() {
    return measurement;
  }

  public byte[] callerData() {
    return callerData.clone();
  }

  public byte[] nonce() {
    return nonce.clone();
  }

  public long counter() {
    return counter;
  }

  public long timestampMillis() {
    return timestampMillis;
  }

  public byte[] signature() {
    return signature.clone();
  }

  @Override
  public SigningDomain domain() {
    return SigningDomain.ATTESTATION_QUOTE;
  }

  @Override
  public AsId sourceAs() {
    return self;
  }

  @Override
  public AsId destinationAs() {
    return peer;
  }

  @Override
  public void writeBody(CanonicalWriter w) throws EncodingException {
    w.u8(backend.tag());
    w.bytes(platformKey);
    w.fixedBytes(measurement.toBytes(), Measurement.LENGTH);
    w.bytes(callerData);
    w.fixedBytes(nonce, NONCE_LENGTH);
    w.u64(counter);
    w.u64(timestampMillis);
  }

  /** The exact bytes the platform signed. */
  public byte[] signedBytes() {
    try {
      return Statements.encode(this);
    } catch (EncodingException e) {
      throw new IllegalStateException("a validated quote always encodes", e);
    }
  }

  /** The wire form. */
  public byte[] encode() {
    try {
      CanonicalWriter w = new CanonicalWriter(MAX_ENCODED);
      w.bytes(signedBytes());
      w.bytes(signature);
      return w.toByteArray();
    } catch (EncodingException e) {
      throw new IllegalStateException("a validated quote always fits", e);
    }
  }

  /**
   * Parses the wire form; checks shape and bounds only, not the signature.
   *
   * @throws EncodingException on any malformed, oversized or trailing input
   */
  public static Quote decode(byte[] bytes) throws EncodingException {
    if (bytes == null || bytes.length > MAX_ENCODED) {
      throw new EncodingException(Reason.LENGTH_TOO_LARGE, "quote missing or too long");
    }
    CanonicalReader outer = new CanonicalReader(bytes);
    byte[] statement = outer.bytes(MAX_ENCODED);
    byte[] signature = outer.bytes(MAX_SIGNATURE);
    outer.expectEnd();
    CanonicalReader reader = new CanonicalReader(statement);
    Statements.Header header = Statements.decodeHeader(reader);
    if (header.domain() != SigningDomain.ATTESTATION_QUOTE) {
      throw new EncodingException(Reason.INVALID_VALUE, "not a quote: " + header.domain());
    }
    CanonicalReader body = new CanonicalReader(Statements.readBody(reader));
    reader.expectEnd();
    int tag = body.u8();
    Backend backend =
        Backend.fromTag(tag)
            .orElseThrow(() -> new EncodingException(Reason.INVALID_VALUE, "backend " + tag));
    byte[] platformKey = body.bytes(MAX_PLATFORM_KEY);
    Measurement measurement = Measurement.of(body.fixedBytes(Measurement.LENGTH));
    byte[] callerData = body.bytes(MAX_CALLER_DATA);
    byte[] nonce = body.fixedBytes(NONCE_LENGTH);
    long counter = body.u64();
    long timestamp = body.u64();
    body.expectEnd();
    try {
      QuoteRequest request =
          new QuoteRequest(header.source(), header.destination(), callerData, nonce);
      return of(
          new Body(backend, platformKey, measurement, request, counter, timestamp), signature);
    } catch (IllegalArgumentException e) {
      throw new EncodingException(Reason.INVALID_VALUE, e.getMessage());
    }
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Quote that && Arrays.equals(encode(), that.encode());
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(signature);
  }

  @Override
  public String toString() {
    return "Quote[" + backend + " " + measurement + " " + self + "->" + peer + "]";
  }
}
