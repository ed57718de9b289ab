package org.intertrust.gateway.protocol.attestation;

import java.security.MessageDigest;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.random.RandomGenerator;
import org.intertrust.crypto.encoding.AsId;
import org.intertrust.gateway.protocol.attestation.AttestationException.Reason;
import org.intertrust.gateway.tee.Quote;

/**
 * Checks a peer gateway's attestation evidence against an {@link AttestationPolicy}, in this order:
 * a quote is present and from a trusted platform (UNATTESTED), its signature (BAD_SIGNATURE), the
 * measurement allowlist (UNKNOWN_MEASUREMENT), that it answers a challenge this verifier issued to
 * that AS and has not been used (REPLAYED_QUOTE), its age against the caller's time (STALE_QUOTE),
 * the caller data and the ASs it names against the presented keys and configuration
 * (WRONG_CALLER_DATA), and {@code k >= f+1} for the presented configuration (THRESHOLD_TOO_LOW).
 *
 * <p>Pure: time is an argument, challenges come from an injected generator (seeded in the
 * simulator, {@code SecureRandom} in the node). A challenge is consumed by the first evidence that
 * answers it, accepted or not. At most {@link #MAX_OUTSTANDING} challenges per peer AS are kept;
 * the oldest is dropped first. Not thread-safe: one event loop owns it.
 */
public final class AttestationVerifier {
  /** Outstanding challenges kept per peer AS. */
  public static final int MAX_OUTSTANDING = 16;

  private final AsId self;
  private final AttestationPolicy policy;
  private final RandomGenerator random;
  private final Map<AsId, Deque<byte[]>> outstanding = new HashMap<>();

  /** A verifier for the gateway of {@code self}. */
  public AttestationVerifier(AsId self, AttestationPolicy policy, RandomGenerator random) {
    this.self = Objects.requireNonNull(self, "self");
    this.policy = Objects.requireNonNull(policy, "policy");
    this.random = Objects.requireNonNull(random, "random");
  }

  /** A fresh challenge nonce for a gateway of {@code peer}; its quote must carry it. */
  public byte[] challenge(AsId peer) {
    byte[] nonce = new byte[Quote.NONCE_LENGTH];
    random.nextBytes(nonce);
    Deque<byte[]> queue = outstanding.computeIfAbsent(peer, as -> new ArrayDeque<>());
    if (queue.size() == MAX_OUTSTANDING) {
      queue.removeFirst();
    }
    queue.addLast(nonce.clone());
    return nonce;
  }

  /**
   * Verifies {@code evidence} from a gateway of {@code peer} at time {@code nowMillis}.
   *
   * @return the attested peer
   * @throws AttestationException with the first reason that applies
   */
  public AttestedPeer verify(AsId peer, AttestationEvidence evidence, long nowMillis)
      throws AttestationException {
    if (evidence.quote().isEmpty()) {
      throw new AttestationException(Reason.UNATTESTED, "no quote from " + peer);
    }
    Quote quote = evidence.quote().get();
    if (!policy.trust().trusts(quote)) {
      throw new AttestationException(Reason.UNATTESTED, "platform not trusted: " + quote);
    }
    if (!policy.trust().signatureValid(quote)) {
      throw new AttestationException(Reason.BAD_SIGNATURE, "platform signature: " + quote);
    }
    if (!policy.allowedMeasurements().contains(quote.measurement())) {
      throw new AttestationException(Reason.UNKNOWN_MEASUREMENT, quote.measurement().toString());
    }
    if (!consumeChallenge(peer, quote.nonce())) {
      throw new AttestationException(Reason.REPLAYED_QUOTE, "no outstanding challenge matches");
    }
    checkFreshness(quote, nowMillis);
    checkBinding(peer, quote, evidence);
    if (!evidence.configuration().thresholdSafe()) {
      throw new AttestationException(
          Reason.THRESHOLD_TOO_LOW, evidence.configuration() + ": need k >= f+1");
    }
    return new AttestedPeer(evidence.keys(), evidence.configuration(), quote.measurement());
  }

  private boolean consumeChallenge(AsId peer, byte[] nonce) {
    Deque<byte[]> queue = outstanding.get(peer);
    if (queue == null) {
      return false;
    }
    return queue.removeIf(candidate -> MessageDigest.isEqual(candidate, nonce));
  }

  private void checkFreshness(Quote quote, long nowMillis) throws AttestationException {
    long timestamp = quote.timestampMillis();
    if (timestamp > nowMillis && timestamp - nowMillis > policy.maxSkewMillis()) {
      throw new AttestationException(Reason.STALE_QUOTE, "dated in the future: " + timestamp);
    }
    if (nowMillis > timestamp && nowMillis - timestamp > policy.maxAgeMillis()) {
      throw new AttestationException(
          Reason.STALE_QUOTE, "age " + (nowMillis - timestamp) + " ms exceeds the maximum");
    }
  }

  private void checkBinding(AsId peer, Quote quote, AttestationEvidence evidence)
      throws AttestationException {
    if (!quote.sourceAs().equals(peer)
        || !evidence.configuration().as().equals(peer)
        || !quote.destinationAs().equals(self)) {
      throw new AttestationException(
          Reason.WRONG_CALLER_DATA,
          "quote names " + quote.sourceAs() + "->" + quote.destinationAs() + ", expected " + peer);
    }
    byte[] expected = AttestationEvidence.callerData(evidence.keys(), evidence.configuration());
    if (!MessageDigest.isEqual(expected, quote.callerData())) {
      throw new AttestationException(
          Reason.WRONG_CALLER_DATA, "caller data does not bind the presented keys and config");
    }
  }
}
