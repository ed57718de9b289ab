package org.intertrust.sim.crossas;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.intertrust.consensus.ConsensusCodec;
import org.intertrust.consensus.ConsensusDecodingException;
import org.intertrust.crypto.bls.BlsDecodingException;
import org.intertrust.crypto.bls.PartialSignature;
import org.intertrust.crypto.encoding.AsId;
import org.intertrust.crypto.encoding.CanonicalReader;
import org.intertrust.crypto.encoding.CanonicalWriter;
import org.intertrust.crypto.encoding.EncodingException;
import org.intertrust.gateway.protocol.attestation.AttestationEvidence;
import org.intertrust.gateway.protocol.attestation.AttestationException;
import org.intertrust.gateway.protocol.attestation.HandshakeMessage;
import org.intertrust.gateway.protocol.certificate.CrossAsStatement;
import org.intertrust.gateway.protocol.core.GatewayMessage;
import org.intertrust.gateway.protocol.replica.CrossAsTerms;
import org.intertrust.gateway.protocol.wire.GatewayCodec;
import org.intertrust.gateway.protocol.wire.GatewayDecodingException;
import org.intertrust.ledger.block.ExecutionCertificate;
import org.intertrust.ledger.block.ExecutionStatement;
import org.intertrust.ledger.replication.ExecutionShare;
import org.intertrust.ledger.tx.TransactionCodec;
import org.intertrust.ledger.value.Hash32;
import org.intertrust.ledger.value.Height;
import org.intertrust.sim.consensus.AsMessage;
import org.intertrust.sim.crossas.CrossAsDecodingException.Reason;

/**
 * The wire encoding of {@link CrossAsMessage}s: what the nodes of a cross-AS deployment send each
 * other. Nested messages travel in their own codecs' encodings, length-prefixed: consensus messages
 * as {@link ConsensusCodec} bytes, gateway messages as {@link GatewayCodec} bytes, terms as {@link
 * GatewayCodec#encodeTerms}, execution certificates as {@link ExecutionCertificate#encode()};
 * client transactions are opaque bytes (the ledger decodes them on admission).
 *
 * <p>Layout: {@code version u8 (=1) | kind u8 | body}. Kinds and bodies:
 *
 * <ul>
 *   <li>1 local consensus: {@code consensus message (u32, bytes)} (an {@link AsMessage.Consensus},
 *       or an {@link AsMessage.Wire}, whose bytes are sent as they are)
 *   <li>2 local client transaction: {@code transaction (u32, bytes <= 128 KiB)}
 *   <li>3 local execution share: {@code as u16, height u64, block [32], state [32], share [50],
 *       signer u16}
 *   <li>4 local execution certificate: {@code certificate [122]}
 *   <li>5 protocol (gateway and replicas of one AS): {@code gateway message (u32, bytes)}
 *   <li>6 between gateways: {@code gateway message (u32, bytes), has-terms bool, [terms (u32, bytes
 *       <= 17 KiB)]}
 *   <li>8 batch share (replica to its gateways, batch mode): {@code share (u32, gateway message
 *       bytes), leaf count u16 (<= 4096), leaves (u32, statement bytes) each}
 *   <li>9 handshake (mutual attestation between gateways): {@code step u8 (1 hello, 2 reply, 3
 *       finish), from AS u16, then hello: challenge (u32, <= 64); reply: evidence (u32), challenge
 *       (u32, <= 64); finish: evidence (u32)}
 *   <li>7 request (client to gateway): {@code lock transaction (u32, bytes <= 128 KiB), terms (u32,
 *       bytes <= 17 KiB)}
 *   <li>10 settled (replica to its gateways, ADR 0015): {@code tx [32], finalized bool}
 * </ul>
 *
 * <p>Decoding decodes the nested messages too (a consensus message that does not decode is refused
 * with {@link Reason#CONSENSUS}, a gateway message with {@link Reason#GATEWAY}), so a decoded
 * message is well formed throughout; nothing is authenticated.
 */
public final class CrossAsWire {
  /** The wire version this codec writes and reads. */
  public static final int VERSION = 1;

  static final int LOCAL_CONSENSUS = 1;
  static final int LOCAL_CLIENT_TRANSACTION = 2;
  static final int LOCAL_EXECUTION_SHARE = 3;
  static final int LOCAL_EXECUTION_CERTIFICATE = 4;
  static final int PROTOCOL = 5;
  static final int BETWEEN_GATEWAYS = 6;
  static final int REQUEST = 7;
  static final int BATCH_SHARE = 8;
  static final int HANDSHAKE = 9;
  static final int SETTLED = 10;

  /** Most leaves a batch share carries: one per cross-AS record of a block. */
  static final int MAX_BATCH_LEAVES = 4096;

  /** Longest attestation challenge a handshake step carries. */
  static final int MAX_CHALLENGE_BYTES = 64;

  static final int HELLO = 1;
  static final int REPLY = 2;
  static final int FINISH = 3;

  /** Room for the envelope, the length prefixes and the terms around the largest nested message. */
  static final int OVERHEAD_BYTES = 1024;

  private final ConsensusCodec consensus;
  private final GatewayCodec gateway;
  private final int maxMessageBytes;

  /** A codec over the AS's consensus codec and a gateway codec. */
  public CrossAsWire(ConsensusCodec consensus, GatewayCodec gateway) {
    this.consensus = Objects.requireNonNull(consensus, "consensus");
    this.gateway = Objects.requireNonNull(gateway, "gateway");
    this.maxMessageBytes =
        Math.max(
                Math.max(consensus.limits().maxMessageBytes(), gateway.limits().maxMessageBytes()),
                TransactionCodec.MAX_ENCODED_SIZE)
            + OVERHEAD_BYTES;
  }

  /** The largest message this codec writes or reads. */
  public int maxMessageBytes() {
    return maxMessageBytes;
  }

  // ---- encoding ----------------------------------------------------------------------------

  /**
   * Encodes {@code message}; a {@link CrossAsMessage.Wire} is already bytes and is returned as is.
   *
   * @throws IllegalArgumentException if the message breaks the codecs' limits (this node's own
   *     message: a bug, not an input)
   */
  public byte[] encode(CrossAsMessage message) {
    if (message instanceof CrossAsMessage.Wire wire) {
      return wire.bytes();
    }
    CanonicalWriter w = new CanonicalWriter(maxMessageBytes);
    try {
      w.u8(VERSION);
      if (message instanceof CrossAsMessage.Local local) {
        writeLocal(w, local.message());
      } else if (message instanceof CrossAsMessage.Protocol protocol) {
        w.u8(PROTOCOL).bytes(gateway.encode(protocol.message()));
      } else if (message instanceof CrossAsMessage.BetweenGateways between) {
        w.u8(BETWEEN_GATEWAYS).bytes(gateway.encode(between.message()));
        w.bool(between.terms().isPresent());
        if (between.terms().isPresent()) {
          w.bytes(GatewayCodec.encodeTerms(between.terms().get()));
        }
      } else if (message instanceof CrossAsMessage.BatchShare batch) {
        w.u8(BATCH_SHARE).bytes(gateway.encode(batch.share()));
        w.u16(batch.leaves().size());
        for (CrossAsStatement.TransactionStatement leaf : batch.leaves()) {
          w.bytes(leaf.encode());
        }
      } else if (message instanceof CrossAsMessage.Handshake handshake) {
        writeHandshake(w.u8(HANDSHAKE), handshake.message());
      } else if (message instanceof CrossAsMessage.Settled settled) {
        settled.tx().write(w.u8(SETTLED));
        w.bool(settled.finalized());
      } else if (message instanceof CrossAsMessage.Request request) {
        w.u8(REQUEST).bytes(request.encodedLock()).bytes(GatewayCodec.encodeTerms(request.terms()));
      } else {
        throw new IllegalArgumentException("no wire kind for " + message.getClass());
      }
    } catch (EncodingException e) {
      throw new IllegalArgumentException("message does not fit the wire limits: " + message, e);
    }
    return w.toByteArray();
  }

  private static void writeHandshake(CanonicalWriter w, HandshakeMessage message)
      throws EncodingException {
    if (message instanceof HandshakeMessage.Hello hello) {
      w.u8(HELLO).asId(hello.from()).bytes(hello.challenge());
    } else if (message instanceof HandshakeMessage.Reply reply) {
      w.u8(REPLY).asId(reply.from()).bytes(reply.evidence().encode()).bytes(reply.challenge());
    } else {
      HandshakeMessage.Finish finish = (HandshakeMessage.Finish) message;
      w.u8(FINISH).asId(finish.from()).bytes(finish.evidence().encode());
    }
  }

  private void writeLocal(CanonicalWriter w, AsMessage message) throws EncodingException {
    if (message instanceof AsMessage.Consensus consensusMessage) {
      w.u8(LOCAL_CONSENSUS).bytes(consensus.encode(consensusMessage.message()));
    } else if (message instanceof AsMessage.Wire wire) {
      w.u8(LOCAL_CONSENSUS).bytes(wire.bytes());
    } else if (message instanceof AsMessage.ClientTransaction tx) {
      w.u8(LOCAL_CLIENT_TRANSACTION).bytes(tx.encoded());
    } else if (message instanceof AsMessage.Share share) {
      ExecutionStatement statement = share.share().statement();
      w.u8(LOCAL_EXECUTION_SHARE).asId(statement.as());
      statement.height().write(w);
      statement.blockHash().write(w);
      statement.stateHash().write(w);
      w.fixedBytes(share.share().share().toBytes(), PartialSignature.BYTES);
      w.u16(share.share().signer());
    } else if (message instanceof AsMessage.Certificate certificate) {
      w.u8(LOCAL_EXECUTION_CERTIFICATE);
      w.fixedBytes(certificate.certificate().encode(), ExecutionCertificate.ENCODED_SIZE);
    } else {
      throw new IllegalArgumentException("no wire kind for " + message.getClass());
    }
  }

  // ---- decoding ----------------------------------------------------------------------------

  /**
   * Decodes one message, nested messages included.
   *
   * @throws CrossAsDecodingException with the reason the bytes are not a message
   */
  public CrossAsMessage decode(byte[] bytes) throws CrossAsDecodingException {
    if (bytes.length > maxMessageBytes) {
      throw new CrossAsDecodingException(
          Reason.TOO_LARGE, bytes.length + " bytes, limit " + maxMessageBytes);
    }
    CanonicalReader r = new CanonicalReader(bytes, 0);
    try {
      if (r.remaining() == 0) {
        throw new CrossAsDecodingException(Reason.TRUNCATED, "empty message");
      }
      int version = r.u8();
      if (version != VERSION) {
        throw new CrossAsDecodingException(Reason.UNSUPPORTED_VERSION, "version " + version);
      }
      CrossAsMessage message = readKind(r);
      r.expectEnd();
      return message;
    } catch (EncodingException e) {
      throw new CrossAsDecodingException(reasonOf(e.reason()), e.getMessage());
    } catch (IllegalArgumentException e) {
      throw new CrossAsDecodingException(Reason.INVALID_VALUE, e.getMessage());
    }
  }

  private CrossAsMessage readKind(CanonicalReader r)
      throws EncodingException, CrossAsDecodingException {
    int kind = r.u8();
    switch (kind) {
      case LOCAL_CONSENSUS:
        return new CrossAsMessage.Local(new AsMessage.Consensus(readConsensus(r)));
      case LOCAL_CLIENT_TRANSACTION:
        return new CrossAsMessage.Local(
            new AsMessage.ClientTransaction(r.bytes(TransactionCodec.MAX_ENCODED_SIZE)));
      case LOCAL_EXECUTION_SHARE:
        return new CrossAsMessage.Local(new AsMessage.Share(readExecutionShare(r)));
      case LOCAL_EXECUTION_CERTIFICATE:
        return new CrossAsMessage.Local(new AsMessage.Certificate(readExecutionCertificate(r)));
      case PROTOCOL:
        return new CrossAsMessage.Protocol(readGateway(r));
      case BETWEEN_GATEWAYS:
        return new CrossAsMessage.BetweenGateways(
            readGateway(r), r.bool() ? Optional.of(readTerms(r)) : Optional.empty());
      case BATCH_SHARE:
        return readBatchShare(r);
      case HANDSHAKE:
        return new CrossAsMessage.Handshake(readHandshake(r));
      case REQUEST:
        return new CrossAsMessage.Request(r.bytes(TransactionCodec.MAX_ENCODED_SIZE), readTerms(r));
      case SETTLED:
        return new CrossAsMessage.Settled(
            org.intertrust.ledger.value.CrossAsTxId.read(r), r.bool());
      default:
        throw new CrossAsDecodingException(Reason.UNKNOWN_KIND, "kind " + kind);
    }
  }

  private org.intertrust.consensus.ConsensusMessage readConsensus(CanonicalReader r)
      throws EncodingException, CrossAsDecodingException {
    byte[] bytes = r.bytes(consensus.limits().maxMessageBytes());
    try {
      return consensus.decode(bytes);
    } catch (ConsensusDecodingException e) {
      throw new CrossAsDecodingException(Reason.CONSENSUS, e.reason(), e.getMessage());
    }
  }

  private org.intertrust.gateway.protocol.core.GatewayMessage readGateway(CanonicalReader r)
      throws EncodingException, CrossAsDecodingException {
    byte[] bytes = r.bytes(gateway.limits().maxMessageBytes());
    try {
      return gateway.decode(bytes);
    } catch (GatewayDecodingException e) {
      throw new CrossAsDecodingException(Reason.GATEWAY, e.reason(), e.getMessage());
    }
  }

  private static CrossAsTerms readTerms(CanonicalReader r)
      throws EncodingException, CrossAsDecodingException {
    byte[] bytes = r.bytes(GatewayCodec.MAX_TERMS_BYTES);
    try {
      return GatewayCodec.decodeTerms(bytes);
    } catch (GatewayDecodingException e) {
      throw new CrossAsDecodingException(Reason.GATEWAY, e.reason(), e.getMessage());
    }
  }

  private CrossAsMessage readBatchShare(CanonicalReader r)
      throws EncodingException, CrossAsDecodingException {
    GatewayMessage share = readGateway(r);
    if (!(share instanceof GatewayMessage.ShareSubmission submission)) {
      throw new CrossAsDecodingException(Reason.INVALID_VALUE, "a batch share carries a share");
    }
    int count = r.u16();
    if (count > MAX_BATCH_LEAVES) {
      throw new CrossAsDecodingException(Reason.OVER_LIMIT, count + " leaves");
    }
    List<CrossAsStatement.TransactionStatement> leaves = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      CrossAsStatement leaf = CrossAsStatement.decode(r.bytes(CrossAsStatement.MAX_ENCODED));
      if (!(leaf instanceof CrossAsStatement.TransactionStatement statement)) {
        throw new CrossAsDecodingException(Reason.INVALID_VALUE, "a leaf is a batch");
      }
      leaves.add(statement);
    }
    return new CrossAsMessage.BatchShare(submission, leaves);
  }

  private static HandshakeMessage readHandshake(CanonicalReader r)
      throws EncodingException, CrossAsDecodingException {
    int step = r.u8();
    AsId from = r.asId();
    try {
      switch (step) {
        case HELLO:
          return new HandshakeMessage.Hello(from, r.bytes(MAX_CHALLENGE_BYTES));
        case REPLY:
          return new HandshakeMessage.Reply(
              from,
              AttestationEvidence.decode(r.bytes(AttestationEvidence.maxEncodedSize())),
              r.bytes(MAX_CHALLENGE_BYTES));
        case FINISH:
          return new HandshakeMessage.Finish(
              from, AttestationEvidence.decode(r.bytes(AttestationEvidence.maxEncodedSize())));
        default:
          throw new CrossAsDecodingException(Reason.UNKNOWN_KIND, "handshake step " + step);
      }
    } catch (AttestationException e) {
      throw new CrossAsDecodingException(Reason.GATEWAY, e.getMessage());
    }
  }

  private static ExecutionShare readExecutionShare(CanonicalReader r)
      throws EncodingException, CrossAsDecodingException {
    ExecutionStatement statement =
        new ExecutionStatement(r.asId(), Height.read(r), Hash32.read(r), Hash32.read(r));
    byte[] share = r.fixedBytes(PartialSignature.BYTES);
    int signer = r.u16();
    try {
      return new ExecutionShare(statement, PartialSignature.fromBytes(share), signer);
    } catch (BlsDecodingException e) {
      throw new CrossAsDecodingException(Reason.EXECUTION, e.getMessage());
    }
  }

  private static ExecutionCertificate readExecutionCertificate(CanonicalReader r)
      throws EncodingException, CrossAsDecodingException {
    byte[] bytes = r.fixedBytes(ExecutionCertificate.ENCODED_SIZE);
    try {
      return ExecutionCertificate.decode(bytes);
    } catch (EncodingException e) {
      throw new CrossAsDecodingException(Reason.EXECUTION, e.getMessage());
    }
  }

  private static Reason reasonOf(EncodingException.Reason reason) {
    switch (reason) {
      case TRUNCATED:
        return Reason.TRUNCATED;
      case TRAILING_BYTES:
        return Reason.TRAILING_BYTES;
      case LENGTH_TOO_LARGE:
        return Reason.OVER_LIMIT;
      default:
        return Reason.INVALID_VALUE;
    }
  }
}
