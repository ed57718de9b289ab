package org.intertrust.gateway.enclave;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.intertrust.crypto.dealing.Dealer;
import org.intertrust.crypto.dealing.DealingContext;
import org.intertrust.crypto.dealing.DealingException;
import org.intertrust.crypto.dealing.DealingRecord;
import org.intertrust.crypto.dealing.DealingSeed;
import org.intertrust.crypto.encoding.CanonicalReader;
import org.intertrust.crypto.encoding.CanonicalWriter;
import org.intertrust.crypto.encoding.EncodingException;
import org.intertrust.crypto.encoding.SigningDomain;
import org.intertrust.crypto.identity.AgreementKeyPair;
import org.intertrust.crypto.identity.AgreementPublicKey;
import org.intertrust.crypto.identity.IdentityKeyPair;
import org.intertrust.crypto.identity.IdentitySignature;
import org.intertrust.crypto.secret.SecretAccess;
import org.intertrust.gateway.protocol.attestation.Attester;
import org.intertrust.gateway.protocol.attestation.EnclaveKeys;
import org.intertrust.gateway.protocol.config.AsConfiguration;
import org.intertrust.gateway.protocol.dealing.DealingPort;
import org.intertrust.gateway.tee.Enclave;
import org.intertrust.gateway.tee.EnclaveException;

/**
 * The gateway's secret-handling part (DESIGN.md §6), running behind an {@link Enclave}: the
 * enclave's Ed25519 identity (signs dealing records and relays), its X25519 key (the dealer's share
 * encryption key) and the {@link DealingSeed}. Dealings are HKDF-derived from the seed and the
 * context, so a restarted enclave re-creates identical dealings from its sealed state.
 *
 * <p>Sealed state: version, counter, identity seed, X25519 scalar, dealing seed, sealed under label
 * {@value #SEAL_LABEL}. Each {@link #seal()} increments the enclave's monotonic counter and records
 * the new value; {@link #restore} refuses a blob whose counter is below the enclave's current
 * counter (ROLLED_BACK), so only the most recent sealed state opens.
 */
public final class GatewayEnclave implements DealingPort {
  /** The label the state is sealed under. */
  public static final String SEAL_LABEL = "gateway-state";

  private static final int VERSION = 1;

  private final Enclave enclave;
  private final IdentityKeyPair identity;
  private final AgreementKeyPair agreement;
  private final DealingSeed seed;
  private final Dealer dealer;

  private GatewayEnclave(
      Enclave enclave,
      IdentityKeyPair identity,
      AgreementKeyPair agreement,
      DealingSeed seed,
      SecureRandom nonces) {
    this.enclave = enclave;
    this.identity = identity;
    this.agreement = agreement;
    this.seed = seed;
    this.dealer = new Dealer(seed, identity, agreement, nonces);
  }

  /** First start: fresh keys and seed from {@code random}. Seal the result before using it. */
  public static GatewayEnclave create(Enclave enclave, SecureRandom random) {
    Objects.requireNonNull(enclave, "enclave");
    return new GatewayEnclave(
        enclave,
        IdentityKeyPair.generate(random),
        AgreementKeyPair.generate(random),
        DealingSeed.generate(random),
        random);
  }

  /**
   * Restart: opens the most recent sealed state.
   *
   * @throws EnclaveException UNSEAL_FAILED (tampered, other platform or code), MALFORMED, or
   *     ROLLED_BACK (an older sealed state than the last one sealed)
   */
  public static GatewayEnclave restore(Enclave enclave, byte[] sealed) throws EnclaveException {
    return restore(enclave, sealed, new SecureRandom());
  }

  /**
   * As {@link #restore(Enclave, byte[])}, drawing share-encryption nonces from {@code nonces} (a
   * seeded one in the simulator, so a run replays).
   */
  public static GatewayEnclave restore(Enclave enclave, byte[] sealed, SecureRandom nonces)
      throws EnclaveException {
    byte[] plain = enclave.unseal(SEAL_LABEL, sealed, SecretAccess.get());
    try {
      CanonicalReader r = new CanonicalReader(plain);
      if (r.u8() != VERSION) {
        throw new EnclaveException(EnclaveException.Reason.MALFORMED, "sealed state version");
      }
      long counter = r.u64();
      if (counter < enclave.readCounter()) {
        throw new EnclaveException(
            EnclaveException.Reason.ROLLED_BACK,
            "sealed at counter " + counter + ", enclave is at " + enclave.readCounter());
      }
      byte[] identitySeed = r.fixedBytes(IdentityKeyPair.SEED_LENGTH);
      byte[] scalar = r.fixedBytes(AgreementKeyPair.PRIVATE_KEY_LENGTH);
      byte[] dealingSeed = r.fixedBytes(DealingSeed.BYTES);
      r.expectEnd();
      try {
        return new GatewayEnclave(
            enclave,
            IdentityKeyPair.fromSeed(identitySeed, SecretAccess.get()),
            AgreementKeyPair.fromPrivateBytes(scalar, SecretAccess.get()),
            DealingSeed.fromBytes(dealingSeed, SecretAccess.get()),
            nonces);
      } finally {
        Arrays.fill(identitySeed, (byte) 0);
        Arrays.fill(scalar, (byte) 0);
        Arrays.fill(dealingSeed, (byte) 0);
      }
    } catch (EncodingException e) {
      throw new EnclaveException(EnclaveException.Reason.MALFORMED, e.getMessage(), e);
    } finally {
      Arrays.fill(plain, (byte) 0);
    }
  }

  /** Seals the state for the next restart; increments the monotonic counter. */
  public byte[] seal() {
    long counter = enclave.incrementCounter();
    byte[] identitySeed = identity.seed(SecretAccess.get());
    byte[] scalar = agreement.privateBytes(SecretAccess.get());
    byte[] dealingSeed = seed.toBytes(SecretAccess.get());
    CanonicalWriter w = new CanonicalWriter(256);
    try {
      w.u8(VERSION).u64(counter);
      w.fixedBytes(identitySeed, IdentityKeyPair.SEED_LENGTH);
      w.fixedBytes(scalar, AgreementKeyPair.PRIVATE_KEY_LENGTH);
      w.fixedBytes(dealingSeed, DealingSeed.BYTES);
      byte[] plain = w.toByteArray();
      try {
        return enclave.seal(SEAL_LABEL, plain, SecretAccess.get());
      } finally {
        Arrays.fill(plain, (byte) 0);
      }
    } catch (EncodingException e) {
      throw new IllegalStateException("sealed state always encodes", e);
    } finally {
      Arrays.fill(identitySeed, (byte) 0);
      Arrays.fill(scalar, (byte) 0);
      Arrays.fill(dealingSeed, (byte) 0);
    }
  }

  /** The enclave's public keys, as bound into its quotes. */
  public EnclaveKeys publicKeys() {
    return new EnclaveKeys(identity.publicKey(), agreement.publicKey());
  }

  /** An attester for this enclave serving the AS of {@code configuration}. */
  public Attester attester(AsConfiguration configuration) {
    return new Attester(enclave, publicKeys(), configuration);
  }

  @Override
  public DealingRecord deal(DealingContext context, int threshold, List<AgreementPublicKey> holders)
      throws DealingException {
    return dealer.deal(context, threshold, holders);
  }

  /** Signs a relay message in {@link SigningDomain#GATEWAY_RELAY} with the enclave's identity. */
  public IdentitySignature signRelay(byte[] statement) {
    return identity.sign(SigningDomain.GATEWAY_RELAY, statement);
  }

  @Override
  public String toString() {
    return "GatewayEnclave[" + identity.publicKey() + ", secrets redacted]";
  }
}
