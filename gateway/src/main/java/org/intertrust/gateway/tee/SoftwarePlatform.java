package org.intertrust.gateway.tee;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.LongSupplier;
import org.intertrust.crypto.encoding.CanonicalReader;
import org.intertrust.crypto.encoding.CanonicalWriter;
import org.intertrust.crypto.encoding.EncodingException;
import org.intertrust.crypto.encoding.SigningDomain;
import org.intertrust.crypto.identity.IdentityKeyPair;
import org.intertrust.crypto.identity.IdentityPublicKey;
import org.intertrust.crypto.identity.IdentitySignature;
import org.intertrust.crypto.kdf.Hkdf;
import org.intertrust.crypto.secret.SecretAccess;

/**
 * The "hardware" of the software backend: a platform Ed25519 key created at {@code init} (its
 * public half is the root of trust peers configure), a 32-byte platform secret from which sealing
 * keys are derived per measurement, and the monotonic counters, one per measurement.
 *
 * <p><b>This protects nothing.</b> The platform key and secret are ordinary bytes in the host's
 * memory and in the persisted form; whoever can read them can forge quotes and unseal everything.
 * It exists so the gateway runs, with the same code paths, where no TEE is available.
 *
 * <p>The host persists the platform ({@link #persist}) after every counter increment, as a TPM
 * keeps its NV counters; the counters are part of the persisted form, not of any sealed blob, so
 * loading an old sealed blob never takes a counter back. Thread-safe.
 */
public final class SoftwarePlatform {
  private static final int VERSION = 1;
  private static final int SECRET_LENGTH = 32;
  private static final int MAX_COUNTERS = 1024;
  private static final byte[] SEAL_SALT =
      "intertrust/v1/software-seal".getBytes(StandardCharsets.US_ASCII);

  private final IdentityKeyPair platformKey;
  private final byte[] secret;
  private final Map<Measurement, Long> counters = new HashMap<>();

  private SoftwarePlatform(IdentityKeyPair platformKey, byte[] secret) {
    this.platformKey = platformKey;
    this.secret = secret;
  }

  /** Creates a new platform: a fresh platform key and secret from {@code random}. */
  public static SoftwarePlatform init(SecureRandom random) {
    byte[] secret = new byte[SECRET_LENGTH];
    random.nextBytes(secret);
    return new SoftwarePlatform(IdentityKeyPair.generate(random), secret);
  }

  /** The root of trust: peers accept quotes signed by this key. */
  public IdentityPublicKey rootKey() {
    return platformKey.publicKey();
  }

  /**
   * Starts an enclave with {@code measurement} on this platform.
   *
   * @param clock platform time in milliseconds, written into quotes
   * @param random source of sealing nonces
   */
  public SoftwareEnclave launch(Measurement measurement, LongSupplier clock, SecureRandom random) {
    return new SoftwareEnclave(this, measurement, clock, random);
  }

  /** The persisted form: version, platform key seed, secret, counters (by measurement). */
  public synchronized byte[] persist(SecretAccess access) {
    byte[] seed = platformKey.seed(access);
    try {
      CanonicalWriter w = new CanonicalWriter();
      w.u8(VERSION).fixedBytes(seed, IdentityKeyPair.SEED_LENGTH);
      w.fixedBytes(secret, SECRET_LENGTH);
      List<Map.Entry<Measurement, Long>> sorted =
          counters.entrySet().stream()
              .sorted(
                  (a, b) ->
                      HexFormat.of()
                          .formatHex(a.getKey().toBytes())
                          .compareTo(HexFormat.of().formatHex(b.getKey().toBytes())))
              .toList();
      w.u32(sorted.size());
      for (Map.Entry<Measurement, Long> entry : sorted) {
        w.fixedBytes(entry.getKey().toBytes(), Measurement.LENGTH).u64(entry.getValue());
      }
      return w.toByteArray();
    } catch (EncodingException e) {
      throw new IllegalStateException("platform state always encodes", e);
    } finally {
      Arrays.fill(seed, (byte) 0);
    }
  }

  /**
   * Restores a platform from {@link #persist}.
   *
   * @throws EnclaveException MALFORMED if the bytes do not parse
   */
  public static SoftwarePlatform restore(byte[] persisted, SecretAccess access)
      throws EnclaveException {
    Objects.requireNonNull(persisted, "persisted");
    try {
      CanonicalReader r = new CanonicalReader(persisted);
      if (r.u8() != VERSION) {
        throw new EnclaveException(EnclaveException.Reason.MALFORMED, "unknown platform version");
      }
      byte[] seed = r.fixedBytes(IdentityKeyPair.SEED_LENGTH);
      IdentityKeyPair key = IdentityKeyPair.fromSeed(seed, access);
      Arrays.fill(seed, (byte) 0);
      SoftwarePlatform platform = new SoftwarePlatform(key, r.fixedBytes(SECRET_LENGTH));
      long count = r.u32();
      if (count > MAX_COUNTERS) {
        throw new EnclaveException(EnclaveException.Reason.MALFORMED, count + " counters");
      }
      for (long i = 0; i < count; i++) {
        Measurement measurement = Measurement.of(r.fixedBytes(Measurement.LENGTH));
        long value = r.u64();
        if (value < 0) {
          throw new EnclaveException(EnclaveException.Reason.MALFORMED, "counter overflow");
        }
        platform.counters.put(measurement, value);
      }
      r.expectEnd();
      return platform;
    } catch (EncodingException e) {
      throw new EnclaveException(EnclaveException.Reason.MALFORMED, e.getMessage(), e);
    }
  }

  synchronized long increment(Measurement measurement) {
    long next = Math.addExact(counters.getOrDefault(measurement, 0L), 1L);
    counters.put(measurement, next);
    return next;
  }

  synchronized long read(Measurement measurement) {
    return counters.getOrDefault(measurement, 0L);
  }

  IdentitySignature sign(byte[] quoteStatement) {
    return platformKey.sign(SigningDomain.ATTESTATION_QUOTE, quoteStatement);
  }

  /** The AES-256 sealing key of {@code measurement}: HKDF(secret, measurement). */
  byte[] sealingKey(Measurement measurement) {
    return Hkdf.derive(SEAL_SALT, secret, measurement.toBytes(), 32);
  }

  @Override
  public String toString() {
    return "SoftwarePlatform[root=" + rootKey() + ", protects nothing]";
  }
}
