package org.intertrust.gateway.tee;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import org.intertrust.crypto.encoding.AsId;
import org.intertrust.crypto.encoding.EncodingException;
import org.intertrust.crypto.encoding.SigningDomain;
import org.intertrust.crypto.identity.IdentityPublicKey;
import org.intertrust.crypto.identity.IdentitySignature;
import org.intertrust.crypto.secret.SecretAccess;
import org.intertrust.gateway.Fixtures.SeededRandom;
import org.junit.jupiter.api.Test;

class SoftwareEnclaveTest {
  private static final Measurement CODE = Measurement.ofRelease("gateway-1.0");
  private final AtomicLong clock = new AtomicLong(1_000);
  private final SoftwarePlatform platform = SoftwarePlatform.init(new SeededRandom(1));
  private final SoftwareEnclave enclave = platform.launch(CODE, clock::get, new SeededRandom(2));

  private static QuoteRequest request() {
    return new QuoteRequest(new AsId(1), new AsId(2), new byte[] {1, 2, 3}, new byte[32]);
  }

  @Test
  void quote_isSignedByThePlatformKeyOverItsStatement() throws Exception {
    Quote quote = enclave.quote(request());
    IdentityPublicKey root = IdentityPublicKey.fromBytes(quote.platformKey());
    assertEquals(platform.rootKey(), root);
    assertTrue(
        root.verify(
            SigningDomain.ATTESTATION_QUOTE,
            quote.signedBytes(),
            IdentitySignature.fromBytes(quote.signature())));
    assertEquals(CODE, quote.measurement());
    assertEquals(1_000, quote.timestampMillis());
    assertEquals(Backend.SOFTWARE, quote.backend());
  }

  @Test
  void quote_roundTripsThroughItsWireForm() throws Exception {
    Quote quote = enclave.quote(request());
    Quote decoded = Quote.decode(quote.encode());
    assertArrayEquals(quote.encode(), decoded.encode());
    assertEquals(new AsId(1), decoded.sourceAs());
    assertEquals(new AsId(2), decoded.destinationAs());
  }

  @Test
  void quoteDecode_rejectsTrailingAndTruncatedBytes() {
    byte[] wire = enclave.quote(request()).encode();
    byte[] longer = java.util.Arrays.copyOf(wire, wire.length + 1);
    assertThrows(EncodingException.class, () -> Quote.decode(longer));
    byte[] shorter = java.util.Arrays.copyOf(wire, wire.length - 1);
    assertThrows(EncodingException.class, () -> Quote.decode(shorter));
    assertThrows(EncodingException.class, () -> Quote.decode(new byte[Quote.MAX_ENCODED + 1]));
  }

  @Test
  void seal_opensOnlyWithTheSameLabelMeasurementAndPlatform() throws Exception {
    byte[] secret = "dealing seed".getBytes(StandardCharsets.UTF_8);
    byte[] sealed = enclave.seal("keys", secret, SecretAccess.get());
    assertArrayEquals(secret, enclave.unseal("keys", sealed, SecretAccess.get()));

    EnclaveException wrongLabel =
        assertThrows(
            EnclaveException.class, () -> enclave.unseal("other", sealed, SecretAccess.get()));
    assertEquals(EnclaveException.Reason.UNSEAL_FAILED, wrongLabel.reason());

    Enclave otherCode =
        platform.launch(Measurement.ofRelease("evil"), clock::get, new SeededRandom(3));
    assertEquals(
        EnclaveException.Reason.UNSEAL_FAILED,
        assertThrows(
                EnclaveException.class, () -> otherCode.unseal("keys", sealed, SecretAccess.get()))
            .reason());

    Enclave otherPlatform =
        SoftwarePlatform.init(new SeededRandom(9)).launch(CODE, clock::get, new SeededRandom(3));
    assertThrows(
        EnclaveException.class, () -> otherPlatform.unseal("keys", sealed, SecretAccess.get()));
  }

  @Test
  void unseal_rejectsEveryBitFlip() {
    byte[] sealed = enclave.seal("keys", new byte[] {7, 7, 7}, SecretAccess.get());
    for (int bit = 0; bit < sealed.length * 8; bit++) {
      byte[] flipped = sealed.clone();
      flipped[bit / 8] ^= (byte) (1 << (bit % 8));
      assertThrows(
          EnclaveException.class,
          () -> enclave.unseal("keys", flipped, SecretAccess.get()),
          "bit " + bit);
    }
  }

  @Test
  void counter_isMonotonicAcrossPlatformReload() throws Exception {
    assertEquals(0, enclave.readCounter());
    assertEquals(1, enclave.incrementCounter());
    assertEquals(2, enclave.incrementCounter());
    byte[] persisted = platform.persist(SecretAccess.get());
    SoftwarePlatform reloaded = SoftwarePlatform.restore(persisted, SecretAccess.get());
    Enclave again = reloaded.launch(CODE, clock::get, new SeededRandom(4));
    assertEquals(2, again.readCounter());
    assertEquals(3, again.incrementCounter());
    assertEquals(platform.rootKey(), reloaded.rootKey());
    assertEquals(
        0,
        reloaded.launch(Measurement.ofRelease("x"), clock::get, new SeededRandom(5)).readCounter());
  }

  @Test
  void reloadedPlatform_unsealsWhatTheOldOneSealed() throws Exception {
    byte[] sealed = enclave.seal("keys", new byte[] {42}, SecretAccess.get());
    SoftwarePlatform reloaded =
        SoftwarePlatform.restore(platform.persist(SecretAccess.get()), SecretAccess.get());
    Enclave again = reloaded.launch(CODE, clock::get, new SeededRandom(4));
    assertArrayEquals(new byte[] {42}, again.unseal("keys", sealed, SecretAccess.get()));
  }

  @Test
  void restore_rejectsMalformedPlatformState() {
    byte[] persisted = platform.persist(SecretAccess.get());
    byte[] truncated = java.util.Arrays.copyOf(persisted, persisted.length - 1);
    assertEquals(
        EnclaveException.Reason.MALFORMED,
        assertThrows(
                EnclaveException.class,
                () -> SoftwarePlatform.restore(truncated, SecretAccess.get()))
            .reason());
  }

  @Test
  void sealing_usesAFreshNonceEachTime() {
    byte[] first = enclave.seal("keys", new byte[] {1}, SecretAccess.get());
    byte[] second = enclave.seal("keys", new byte[] {1}, SecretAccess.get());
    assertNotEquals(
        java.util.HexFormat.of().formatHex(first), java.util.HexFormat.of().formatHex(second));
  }

  @Test
  void toString_saysItProtectsNothing() {
    assertTrue(enclave.toString().contains("protects nothing"));
    assertTrue(platform.toString().contains("protects nothing"));
  }
}
