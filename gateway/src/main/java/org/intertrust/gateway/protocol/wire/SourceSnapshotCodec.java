package org.intertrust.gateway.protocol.wire;

import java.util.Objects;
import java.util.Optional;
import org.intertrust.crypto.dealing.DealingRecord;
import org.intertrust.crypto.encoding.CanonicalReader;
import org.intertrust.crypto.encoding.CanonicalWriter;
import org.intertrust.crypto.encoding.EncodingException;
import org.intertrust.gateway.protocol.certificate.TransactionProof;
import org.intertrust.gateway.protocol.core.GatewayMessage;
import org.intertrust.gateway.protocol.core.SourceSnapshot;
import org.intertrust.gateway.protocol.lifecycle.CrossAsPhase;
import org.intertrust.gateway.protocol.wire.GatewayDecodingException.Reason;
import org.intertrust.ledger.value.ConsensusTime;
import org.intertrust.ledger.value.CrossAsTxId;

/**
 * The stored form of a {@link SourceSnapshot} (ADR 0015), what a gateway writes to its node
 * storage: {@code version u8 (=1) | tx [32] | deadline u64 | phase u8 (REQUESTED 0 .. FINAL 4)},
 * then four optional parts, each {@code present bool [, bytes (u32, gateway message)]}: the lock
 * dealing as a {@link GatewayMessage.DealingNotice}, the decision dealing as a {@link
 * GatewayMessage.DealingDelivery}, the relay as a {@link GatewayMessage.LockRelay} and the decision
 * as a {@link GatewayMessage.DecisionReply}, each in its {@link GatewayCodec} encoding. Decoding is
 * bounded by the codec's limits and checks that the parts fit together.
 */
public final class SourceSnapshotCodec {
  /** The version this codec writes and reads. */
  public static final int VERSION = 1;

  private final GatewayCodec codec;

  /** A codec nesting gateway messages in {@code codec}'s encoding and limits. */
  public SourceSnapshotCodec(GatewayCodec codec) {
    this.codec = Objects.requireNonNull(codec, "codec");
  }

  /** Encodes {@code snapshot}. */
  public byte[] encode(SourceSnapshot snapshot) {
    CrossAsTxId tx = snapshot.tx();
    CanonicalWriter w = new CanonicalWriter(4 * codec.limits().maxMessageBytes() + 64);
    try {
      w.u8(VERSION);
      tx.write(w);
      snapshot.deadline().write(w);
      w.u8(snapshot.phase().ordinal());
      part(w, snapshot.lockDealing().map(d -> new GatewayMessage.DealingNotice(tx, d)));
      part(w, snapshot.decisionDealing().map(d -> new GatewayMessage.DealingDelivery(tx, d)));
      part(w, snapshot.relay());
      part(w, snapshot.decision().map(GatewayMessage.DecisionReply::new));
    } catch (EncodingException e) {
      throw new IllegalArgumentException("snapshot of " + tx + " does not fit the limits", e);
    }
    return w.toByteArray();
  }

  private void part(CanonicalWriter w, Optional<? extends GatewayMessage> message)
      throws EncodingException {
    w.bool(message.isPresent());
    if (message.isPresent()) {
      w.bytes(codec.encode(message.get()));
    }
  }

  /**
   * Decodes a stored snapshot.
   *
   * @throws GatewayDecodingException with the reason the bytes are not a snapshot
   */
  public SourceSnapshot decode(byte[] bytes) throws GatewayDecodingException {
    CanonicalReader r = new CanonicalReader(bytes, codec.limits().maxMessageBytes());
    try {
      int version = r.u8();
      if (version != VERSION) {
        throw new GatewayDecodingException(Reason.UNSUPPORTED_VERSION, "version " + version);
      }
      CrossAsTxId tx = CrossAsTxId.read(r);
      ConsensusTime deadline = ConsensusTime.read(r);
      int phase = r.u8();
      if (phase >= CrossAsPhase.values().length) {
        throw new GatewayDecodingException(Reason.INVALID_VALUE, "phase " + phase);
      }
      Optional<DealingRecord> lock =
          part(r, GatewayMessage.DealingNotice.class).map(GatewayMessage.DealingNotice::record);
      Optional<DealingRecord> decisionDealing =
          part(r, GatewayMessage.DealingDelivery.class).map(GatewayMessage.DealingDelivery::record);
      Optional<GatewayMessage.LockRelay> relay = part(r, GatewayMessage.LockRelay.class);
      Optional<TransactionProof> decision =
          part(r, GatewayMessage.DecisionReply.class).map(GatewayMessage.DecisionReply::decision);
      r.expectEnd();
      return new SourceSnapshot(
          tx, deadline, CrossAsPhase.values()[phase], lock, decisionDealing, relay, decision);
    } catch (EncodingException e) {
      throw new GatewayDecodingException(GatewayCodec.reasonOf(e.reason()), e.getMessage());
    } catch (IllegalArgumentException e) {
      throw new GatewayDecodingException(Reason.INVALID_VALUE, e.getMessage());
    }
  }

  private <M extends GatewayMessage> Optional<M> part(CanonicalReader r, Class<M> kind)
      throws EncodingException, GatewayDecodingException {
    if (!r.bool()) {
      return Optional.empty();
    }
    GatewayMessage message = codec.decode(r.bytes());
    if (!kind.isInstance(message)) {
      throw new GatewayDecodingException(
          Reason.UNKNOWN_KIND, "expected " + kind.getSimpleName() + ", got " + message);
    }
    return Optional.of(kind.cast(message));
  }
}
