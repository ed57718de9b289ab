package org.intertrust.gateway.protocol.attestation;

import java.util.Objects;
import java.util.Optional;
import org.intertrust.crypto.encoding.CanonicalReader;
import org.intertrust.crypto.encoding.CanonicalWriter;
import org.intertrust.crypto.encoding.EncodingException;
import org.intertrust.crypto.identity.AgreementPublicKey;
import org.intertrust.crypto.identity.IdentityPublicKey;
import org.intertrust.crypto.identity.KeyDecodingException;
import org.intertrust.gateway.protocol.config.AsConfiguration;
import org.intertrust.gateway.tee.Quote;
import org.intertrust.ledger.value.Sha256;

/**
 * What a gateway presents to be attested: its enclave's public keys, its AS configuration, and a
 * quote whose caller data is {@link #callerData} of those two. A gateway without a TEE presents no
 * quote (and is rejected as UNATTESTED).
 *
 * <p>Wire form: u8 has-quote, [quote bytes], identity 32, agreement 32, configuration bytes.
 *
 * @param quote the quote, absent for an unattested gateway
 * @param keys the enclave's public keys
 * @param configuration the gateway's AS configuration
 */
public record AttestationEvidence(
    Optional<Quote> quote, EnclaveKeys keys, AsConfiguration configuration) {
  private static final byte[] BINDING_LABEL = {'I', 'T', 'B', 1};

  /** Checks that no field is null. */
  public AttestationEvidence {
    Objects.requireNonNull(quote, "quote");
    Objects.requireNonNull(keys, "keys");
    Objects.requireNonNull(configuration, "configuration");
  }

  /**
   * The caller data a quote must carry for these keys and this configuration: SHA-256 of "ITB",
   * version 1, the identity key, the agreement key and the configuration hash.
   */
  public static byte[] callerData(EnclaveKeys keys, AsConfiguration configuration) {
    return Sha256.hash(
            BINDING_LABEL,
            keys.identity().toBytes(),
            keys.agreement().toBytes(),
            configuration.hash().toBytes())
        .toBytes();
  }

  /** The wire form. */
  public byte[] encode() {
    try {
      CanonicalWriter w = new CanonicalWriter(maxEncodedSize());
      w.bool(quote.isPresent());
      if (quote.isPresent()) {
        w.bytes(quote.get().encode());
      }
      w.fixedBytes(keys.identity().toBytes(), 32).fixedBytes(keys.agreement().toBytes(), 32);
      w.bytes(configuration.encode());
      return w.toByteArray();
    } catch (EncodingException e) {
      throw new IllegalStateException("validated evidence always encodes", e);
    }
  }

  /**
   * Parses the wire form.
   *
   * @throws AttestationException MALFORMED if anything does not parse or exceeds its bound
   */
  public static AttestationEvidence decode(byte[] bytes) throws AttestationException {
    try {
      if (bytes == null || bytes.length > maxEncodedSize()) {
        throw new AttestationException(
            AttestationException.Reason.MALFORMED, "evidence missing or too long");
      }
      CanonicalReader r = new CanonicalReader(bytes);
      Optional<Quote> quote =
          r.bool() ? Optional.of(Quote.decode(r.bytes(Quote.MAX_ENCODED))) : Optional.empty();
      EnclaveKeys keys =
          new EnclaveKeys(
              IdentityPublicKey.fromBytes(r.fixedBytes(32)),
              AgreementPublicKey.fromBytes(r.fixedBytes(32)));
      AsConfiguration configuration =
          AsConfiguration.decode(r.bytes(AsConfiguration.maxEncodedSize()));
      r.expectEnd();
      return new AttestationEvidence(quote, keys, configuration);
    } catch (EncodingException | KeyDecodingException e) {
      throw new AttestationException(AttestationException.Reason.MALFORMED, e.getMessage());
    }
  }

  /** The largest encoding, for carriers of evidence. */
  public static int maxEncodedSize() {
    return 1 + 4 + Quote.MAX_ENCODED + 64 + 4 + AsConfiguration.maxEncodedSize();
  }
}
