package org.intertrust.gateway.tee;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.intertrust.crypto.secret.SecretAccess;

/**
 * The software backend of the {@link Enclave} port. <b>It protects nothing</b>: the "enclave" is
 * ordinary code in the host process, its secrets are readable by anyone with access to the process
 * or to the persisted {@link SoftwarePlatform}, and its quotes prove only possession of the
 * platform key. It logs that at start, in plain words. Use it for development, tests and the
 * simulator; production needs the TPM 2.0 backend.
 *
 * <p>The warning is logged once per process, when the first software enclave starts.
 *
 * <p>Quotes are signed by the platform's Ed25519 key; sealing is AES-256-GCM under a key derived
 * from the platform secret and the measurement, with the label and measurement as associated data;
 * the counter is the platform's counter for this measurement.
 */
public final class SoftwareEnclave implements Enclave {
  private static final System.Logger LOG = System.getLogger(SoftwareEnclave.class.getName());
  private static final AtomicBoolean WARNED = new AtomicBoolean();
  private static final int SEALED_VERSION = 1;
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;
  private static final int MAX_SEALED = 1 << 20;

  private final SoftwarePlatform platform;
  private final Measurement measurement;
  private final LongSupplier clock;
  private final SecureRandom random;

  SoftwareEnclave(
      SoftwarePlatform platform, Measurement measurement, LongSupplier clock, SecureRandom random) {
    this.platform = Objects.requireNonNull(platform, "platform");
    this.measurement = Objects.requireNonNull(measurement, "measurement");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.random = Objects.requireNonNull(random, "random");
    if (WARNED.compareAndSet(false, true)) {
      LOG.log(
          System.Logger.Level.WARNING,
          "SOFTWARE ENCLAVE: this backend protects nothing. Keys, sealed data and the dealing seed"
              + " are readable by the host, and quotes can be forged by anyone holding the platform"
              + " file. Use it for development and tests only. Measurement {0}",
          measurement);
    }
  }

  @Override
  public Backend backend() {
    return Backend.SOFTWARE;
  }

  @Override
  public Measurement measurement() {
    return measurement;
  }

  @Override
  public Quote quote(QuoteRequest request) {
    Quote.Body body =
        new Quote.Body(
            Backend.SOFTWARE,
            platform.rootKey().toBytes(),
            measurement,
            request,
            readCounter(),
            clock.getAsLong());
    return Quote.of(body, platform.sign(body.signedBytes()).toBytes());
  }

  @Override
  public byte[] seal(String label, byte[] plaintext, SecretAccess access) {
    Objects.requireNonNull(plaintext, "plaintext");
    byte[] nonce = new byte[NONCE_BYTES];
    random.nextBytes(nonce);
    byte[] ciphertext = crypt(Cipher.ENCRYPT_MODE, label, nonce, plaintext);
    byte[] out = new byte[1 + NONCE_BYTES + ciphertext.length];
    out[0] = SEALED_VERSION;
    System.arraycopy(nonce, 0, out, 1, NONCE_BYTES);
    System.arraycopy(ciphertext, 0, out, 1 + NONCE_BYTES, ciphertext.length);
    return out;
  }

  @Override
  public byte[] unseal(String label, byte[] sealed, SecretAccess access) throws EnclaveException {
    Objects.requireNonNull(sealed, "sealed");
    if (sealed.length < 1 + NONCE_BYTES + TAG_BITS / 8 || sealed.length > MAX_SEALED) {
      throw new EnclaveException(EnclaveException.Reason.MALFORMED, "sealed blob length");
    }
    if (sealed[0] != SEALED_VERSION) {
      throw new EnclaveException(EnclaveException.Reason.MALFORMED, "sealed blob version");
    }
    byte[] nonce = Arrays.copyOfRange(sealed, 1, 1 + NONCE_BYTES);
    byte[] ciphertext = Arrays.copyOfRange(sealed, 1 + NONCE_BYTES, sealed.length);
    try {
      return crypt(Cipher.DECRYPT_MODE, label, nonce, ciphertext);
    } catch (UnsealException e) {
      throw new EnclaveException(
          EnclaveException.Reason.UNSEAL_FAILED, "sealed blob does not open here", e);
    }
  }

  @Override
  public long incrementCounter() {
    return platform.increment(measurement);
  }

  @Override
  public long readCounter() {
    return platform.read(measurement);
  }

  private byte[] crypt(int mode, String label, byte[] nonce, byte[] input) {
    byte[] key = platform.sealingKey(measurement);
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(
          mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BITS, nonce.clone()));
      cipher.updateAAD(associatedData(label));
      return cipher.doFinal(input);
    } catch (AEADBadTagException e) {
      throw new UnsealException(e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK must provide AES-GCM", e);
    } finally {
      Arrays.fill(key, (byte) 0);
    }
  }

  private byte[] associatedData(String label) {
    byte[] prefix = ("intertrust/v1/sealed/" + label + "/").getBytes(StandardCharsets.UTF_8);
    byte[] digest = measurement.toBytes();
    byte[] out = Arrays.copyOf(prefix, prefix.length + digest.length);
    System.arraycopy(digest, 0, out, prefix.length, digest.length);
    return out;
  }

  /** A GCM tag mismatch, carried out of {@link #crypt} and turned into UNSEAL_FAILED. */
  private static final class UnsealException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UnsealException(Throwable cause) {
      super(cause);
    }
  }

  @Override
  public String toString() {
    return "SoftwareEnclave[" + measurement + ", protects nothing]";
  }
}
