package org.intertrust.gateway.protocol.attestation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import org.intertrust.crypto.encoding.AsId;
import org.intertrust.crypto.identity.AgreementKeyPair;
import org.intertrust.crypto.identity.IdentityKeyPair;
import org.intertrust.gateway.Fixtures;
import org.intertrust.gateway.Fixtures.SeededRandom;
import org.intertrust.gateway.Fixtures.TestAs;
import org.intertrust.gateway.protocol.attestation.AttestationException.Reason;
import org.intertrust.gateway.protocol.config.AsConfiguration;
import org.intertrust.gateway.tee.Enclave;
import org.intertrust.gateway.tee.Measurement;
import org.intertrust.gateway.tee.Quote;
import org.intertrust.gateway.tee.QuoteRequest;
import org.intertrust.gateway.tee.SoftwarePlatform;
import org.junit.jupiter.api.Test;

class AttestationTest {
  private static final Measurement CODE = Measurement.ofRelease("gateway-1.0");
  private static final long MAX_AGE = 5_000;
  private static final long SKEW = 1_000;
  private static final long NOW = 100_000;

  private final TestAs asX = Fixtures.smallAs(1, 11);
  private final TestAs asY = Fixtures.smallAs(2, 22);
  private final SoftwarePlatform platformX = SoftwarePlatform.init(new SeededRandom(1));
  private final SoftwarePlatform platformY = SoftwarePlatform.init(new SeededRandom(2));
  private final EnclaveKeys keysX = keys(3);
  private final EnclaveKeys keysY = keys(4);
  private final AttestationPolicy policy =
      new AttestationPolicy(
          new SoftwarePlatformTrust(Set.of(platformX.rootKey(), platformY.rootKey())),
          Set.of(CODE),
          MAX_AGE,
          SKEW);

  private static EnclaveKeys keys(long seed) {
    SeededRandom random = new SeededRandom(seed);
    return new EnclaveKeys(
        IdentityKeyPair.generate(random).publicKey(),
        AgreementKeyPair.generate(random).publicKey());
  }

  private static Enclave launch(SoftwarePlatform platform, Measurement code, long time) {
    return platform.launch(code, () -> time, new SeededRandom(7));
  }

  private MutualAttestation endpoint(
      Enclave enclave, EnclaveKeys keys, AsConfiguration configuration, long seed) {
    return new MutualAttestation(
        new Attester(enclave, keys, configuration),
        new AttestationVerifier(configuration.as(), policy, new SplittableRandom(seed)));
  }

  private MutualAttestation gatewayX() {
    return endpoint(launch(platformX, CODE, NOW), keysX, asX.configuration(), 100);
  }

  private MutualAttestation gatewayY() {
    return endpoint(launch(platformY, CODE, NOW), keysY, asY.configuration(), 200);
  }

  @Test
  void handshake_establishesBothPeers() {
    MutualAttestation x = gatewayX();
    MutualAttestation y = gatewayY();
    HandshakeMessage.Reply reply = y.onHello(x.start(asY.as()));
    HandshakeResult.Established atX =
        assertInstanceOf(HandshakeResult.Established.class, x.onReply(reply, NOW + 10));
    assertEquals(asY.configuration(), atX.peer().configuration());
    assertEquals(keysY, atX.peer().keys());
    HandshakeMessage.Finish finish =
        assertInstanceOf(HandshakeMessage.Finish.class, atX.send().orElseThrow());
    HandshakeResult.Established atY =
        assertInstanceOf(HandshakeResult.Established.class, y.onFinish(finish, NOW + 20));
    assertEquals(keysX, atY.peer().keys());
    assertEquals(asX.configuration(), x.peer(asY.as()).map(p -> asX.configuration()).get());
    assertTrue(y.peer(asX.as()).isPresent());
  }

  /** X starts, Y answers with {@code evidence} instead of its honest evidence. */
  private HandshakeResult replyWith(
      MutualAttestation x, HandshakeMessage.Hello hello, AttestationEvidence evidence, long now) {
    return x.onReply(new HandshakeMessage.Reply(asY.as(), evidence, new byte[32]), now);
  }

  private AttestationEvidence honestEvidence(Enclave enclave, byte[] nonce) {
    return new Attester(enclave, keysY, asY.configuration()).evidence(asX.as(), nonce);
  }

  private Reason rejection(HandshakeResult result) {
    return assertInstanceOf(HandshakeResult.Rejected.class, result).reason();
  }

  @Test
  void peerWithoutQuote_isRejectedAsUnattested() {
    MutualAttestation x = gatewayX();
    HandshakeMessage.Hello hello = x.start(asY.as());
    AttestationEvidence none =
        new AttestationEvidence(Optional.empty(), keysY, asY.configuration());
    assertEquals(Reason.UNATTESTED, rejection(replyWith(x, hello, none, NOW)));
  }

  @Test
  void quoteFromUntrustedPlatform_isRejectedAsUnattested() {
    MutualAttestation x = gatewayX();
    HandshakeMessage.Hello hello = x.start(asY.as());
    Enclave rogue = launch(SoftwarePlatform.init(new SeededRandom(99)), CODE, NOW);
    AttestationEvidence evidence = honestEvidence(rogue, hello.challenge());
    assertEquals(Reason.UNATTESTED, rejection(replyWith(x, hello, evidence, NOW)));
  }

  @Test
  void unknownMeasurement_isRejected() {
    MutualAttestation x = gatewayX();
    HandshakeMessage.Hello hello = x.start(asY.as());
    Enclave other = launch(platformY, Measurement.ofRelease("gateway-patched"), NOW);
    assertEquals(
        Reason.UNKNOWN_MEASUREMENT,
        rejection(replyWith(x, hello, honestEvidence(other, hello.challenge()), NOW)));
  }

  @Test
  void oldQuote_isRejectedAsStale() {
    MutualAttestation x = gatewayX();
    HandshakeMessage.Hello hello = x.start(asY.as());
    AttestationEvidence evidence = honestEvidence(launch(platformY, CODE, NOW), hello.challenge());
    assertEquals(Reason.STALE_QUOTE, rejection(replyWith(x, hello, evidence, NOW + MAX_AGE + 1)));
  }

  @Test
  void quoteDatedInTheFuture_isRejectedAsStale() {
    MutualAttestation x = gatewayX();
    HandshakeMessage.Hello hello = x.start(asY.as());
    AttestationEvidence evidence =
        honestEvidence(launch(platformY, CODE, NOW + SKEW + 1), hello.challenge());
    assertEquals(Reason.STALE_QUOTE, rejection(replyWith(x, hello, evidence, NOW)));
  }

  @Test
  void quoteAtTheEdgeOfMaxAge_isAccepted() {
    MutualAttestation x = gatewayX();
    HandshakeMessage.Hello hello = x.start(asY.as());
    AttestationEvidence evidence = honestEvidence(launch(platformY, CODE, NOW), hello.challenge());
    assertInstanceOf(
        HandshakeResult.Established.class, replyWith(x, hello, evidence, NOW + MAX_AGE));
  }

  @Test
  void replayedReply_isRejected() {
    MutualAttestation x = gatewayX();
    MutualAttestation y = gatewayY();
    HandshakeMessage.Reply reply = y.onHello(x.start(asY.as()));
    assertInstanceOf(HandshakeResult.Established.class, x.onReply(reply, NOW));
    assertEquals(Reason.REPLAYED_QUOTE, rejection(x.onReply(reply, NOW)));
  }

  @Test
  void quoteForAChallengeNeverIssued_isRejectedAsReplayed() {
    MutualAttestation x = gatewayX();
    x.start(asY.as());
    AttestationEvidence evidence = honestEvidence(launch(platformY, CODE, NOW), new byte[32]);
    assertEquals(Reason.REPLAYED_QUOTE, rejection(replyWith(x, null, evidence, NOW)));
  }

  @Test
  void tamperedQuoteSignature_isRejected() {
    MutualAttestation x = gatewayX();
    HandshakeMessage.Hello hello = x.start(asY.as());
    Quote honest =
        honestEvidence(launch(platformY, CODE, NOW), hello.challenge()).quote().orElseThrow();
    byte[] signature = honest.signature();
    signature[5] ^= 0x10;
    Quote forged =
        Quote.of(
            new Quote.Body(
                honest.backend(),
                honest.platformKey(),
                honest.measurement(),
                new QuoteRequest(
                    honest.sourceAs(), honest.destinationAs(), honest.callerData(), honest.nonce()),
                honest.counter(),
                honest.timestampMillis()),
            signature);
    AttestationEvidence evidence =
        new AttestationEvidence(Optional.of(forged), keysY, asY.configuration());
    assertEquals(Reason.BAD_SIGNATURE, rejection(replyWith(x, hello, evidence, NOW)));
  }

  @Test
  void evidenceWithOtherKeysThanQuoted_isRejectedAsWrongCallerData() {
    MutualAttestation x = gatewayX();
    HandshakeMessage.Hello hello = x.start(asY.as());
    Quote quote =
        honestEvidence(launch(platformY, CODE, NOW), hello.challenge()).quote().orElseThrow();
    AttestationEvidence swapped =
        new AttestationEvidence(Optional.of(quote), keys(55), asY.configuration());
    assertEquals(Reason.WRONG_CALLER_DATA, rejection(replyWith(x, hello, swapped, NOW)));
  }

  @Test
  void evidenceWithOtherConfigurationThanQuoted_isRejectedAsWrongCallerData() {
    MutualAttestation x = gatewayX();
    HandshakeMessage.Hello hello = x.start(asY.as());
    Quote quote =
        honestEvidence(launch(platformY, CODE, NOW), hello.challenge()).quote().orElseThrow();
    AsConfiguration other = Fixtures.as(2, 4, 1, 3, 22).configuration();
    AttestationEvidence swapped = new AttestationEvidence(Optional.of(quote), keysY, other);
    assertEquals(Reason.WRONG_CALLER_DATA, rejection(replyWith(x, hello, swapped, NOW)));
  }

  @Test
  void quoteAddressedToAnotherAs_isRejectedAsWrongCallerData() {
    MutualAttestation x = gatewayX();
    HandshakeMessage.Hello hello = x.start(asY.as());
    AttestationEvidence evidence =
        new Attester(launch(platformY, CODE, NOW), keysY, asY.configuration())
            .evidence(new AsId(7), hello.challenge());
    assertEquals(Reason.WRONG_CALLER_DATA, rejection(replyWith(x, hello, evidence, NOW)));
  }

  @Test
  void configurationWithThresholdBelowFPlusOne_isRejected() {
    TestAs weak = Fixtures.as(2, 4, 1, 1, 33);
    MutualAttestation x = gatewayX();
    HandshakeMessage.Hello hello = x.start(asY.as());
    AttestationEvidence evidence =
        new Attester(launch(platformY, CODE, NOW), keysY, weak.configuration())
            .evidence(asX.as(), hello.challenge());
    assertEquals(Reason.THRESHOLD_TOO_LOW, rejection(replyWith(x, hello, evidence, NOW)));
  }

  @Test
  void finishFromAnUnattestedInitiator_isRejectedByTheResponder() {
    MutualAttestation y = gatewayY();
    MutualAttestation x = gatewayX();
    y.onHello(x.start(asY.as()));
    HandshakeMessage.Finish finish =
        new HandshakeMessage.Finish(
            asX.as(), new AttestationEvidence(Optional.empty(), keysX, asX.configuration()));
    assertEquals(Reason.UNATTESTED, rejection(y.onFinish(finish, NOW)));
    assertTrue(y.peer(asX.as()).isEmpty());
  }

  @Test
  void malformedEvidence_isRejected() {
    byte[] wire = honestEvidence(launch(platformY, CODE, NOW), new byte[32]).encode();
    assertEquals(
        Reason.MALFORMED,
        assertThrows(
                AttestationException.class,
                () -> AttestationEvidence.decode(java.util.Arrays.copyOf(wire, wire.length - 3)))
            .reason());
    assertEquals(
        Reason.MALFORMED,
        assertThrows(AttestationException.class, () -> AttestationEvidence.decode(new byte[5]))
            .reason());
  }

  @Test
  void everyByteFlipInTheQuote_isRejected() throws Exception {
    byte[] nonce =
        new AttestationVerifier(asX.as(), policy, new SplittableRandom(5)).challenge(asY.as());
    AttestationEvidence honest = honestEvidence(launch(platformY, CODE, NOW), nonce);
    byte[] wire = honest.encode();
    int quoteEnd = 1 + 4 + honest.quote().orElseThrow().encode().length;
    for (int i = 0; i < quoteEnd; i++) {
      byte[] flipped = wire.clone();
      flipped[i] ^= 0x01;
      AttestationVerifier verifier =
          new AttestationVerifier(asX.as(), policy, new SplittableRandom(5));
      verifier.challenge(asY.as());
      try {
        verifier.verify(asY.as(), AttestationEvidence.decode(flipped), NOW);
        throw new AssertionError("byte " + i + " flipped and still accepted");
      } catch (AttestationException expected) {
        // rejected, as it must be
      }
    }
    AttestationVerifier verifier =
        new AttestationVerifier(asX.as(), policy, new SplittableRandom(5));
    verifier.challenge(asY.as());
    assertEquals(keysY, verifier.verify(asY.as(), AttestationEvidence.decode(wire), NOW).keys());
  }
}
