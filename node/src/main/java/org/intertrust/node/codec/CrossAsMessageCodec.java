package org.intertrust.node.codec;

import java.util.Arrays;
import java.util.Optional;
import org.intertrust.crypto.encoding.CanonicalReader;
import org.intertrust.crypto.encoding.CanonicalWriter;
import org.intertrust.crypto.encoding.EncodingException;
import org.intertrust.gateway.protocol.core.GatewayMessage;
import org.intertrust.gateway.protocol.replica.TransferTerms;
import org.intertrust.gateway.protocol.wire.GatewayCodec;
import org.intertrust.gateway.protocol.wire.GatewayDecodingException;
import org.intertrust.ledger.tx.TransactionCodec;
import org.intertrust.node.runtime.WireCodec;
import org.intertrust.node.runtime.WireDecodingException;
import org.intertrust.sim.crossas.CrossAsMessage;

/**
 * The canonical bytes of the messages of a cross-AS system: u8 version (1) | u8 kind | body.
 *
 * <ul>
 *   <li>1 local (inside one AS): the {@link AsMessageCodec} bytes;
 *   <li>2 protocol (gateway and replicas of one AS): the {@link GatewayCodec} bytes;
 *   <li>3 between gateways: u8 has-terms | [terms (u32, bytes)] | {@link GatewayCodec} bytes (u32,
 *       bytes);
 *   <li>4 client request: signed lock (u32, bytes, at most {@link
 *       TransactionCodec#MAX_ENCODED_SIZE}) | terms (u32, bytes).
 * </ul>
 *
 * Every length is bounded before allocation; anything malformed is a {@link WireDecodingException}.
 */
public final class CrossAsMessageCodec implements WireCodec<CrossAsMessage> {
  static final int VERSION = 1;
  static final int LOCAL = 1;
  static final int PROTOCOL = 2;
  static final int BETWEEN_GATEWAYS = 3;
  static final int REQUEST = 4;

  private final AsMessageCodec local;
  private final GatewayCodec gateway;
  private final int maxMessageBytes;

  /**
   * @param maxMessageBytes the largest encoded message accepted
   * @param gatewayLimits the gateway codec's bounds
   */
  public CrossAsMessageCodec(int maxMessageBytes, GatewayCodec.Limits gatewayLimits) {
    this.local = new AsMessageCodec(maxMessageBytes);
    this.gateway = new GatewayCodec(gatewayLimits);
    this.maxMessageBytes = maxMessageBytes;
  }

  @Override
  public byte[] encode(CrossAsMessage message) {
    try {
      if (message instanceof CrossAsMessage.Local l) {
        return withHeader(LOCAL, local.encode(l.message()));
      } else if (message instanceof CrossAsMessage.Protocol p) {
        return withHeader(PROTOCOL, gateway.encode(p.message()));
      } else if (message instanceof CrossAsMessage.BetweenGateways b) {
        CanonicalWriter w = writer(BETWEEN_GATEWAYS);
        w.bool(b.terms().isPresent());
        if (b.terms().isPresent()) {
          w.bytes(b.terms().get().encode());
        }
        w.bytes(gateway.encode(b.message()));
        return w.toByteArray();
      } else {
        CrossAsMessage.Request r = (CrossAsMessage.Request) message;
        CanonicalWriter w = writer(REQUEST);
        w.bytes(r.encodedLock());
        w.bytes(r.terms().encode());
        return w.toByteArray();
      }
    } catch (EncodingException e) {
      throw new IllegalArgumentException("cannot encode " + message, e);
    }
  }

  private CanonicalWriter writer(int kind) throws EncodingException {
    CanonicalWriter w = new CanonicalWriter(maxMessageBytes);
    w.u8(VERSION).u8(kind);
    return w;
  }

  private static byte[] withHeader(int kind, byte[] body) {
    byte[] out = new byte[body.length + 2];
    out[0] = (byte) VERSION;
    out[1] = (byte) kind;
    System.arraycopy(body, 0, out, 2, body.length);
    return out;
  }

  @Override
  public CrossAsMessage decode(byte[] bytes) throws WireDecodingException {
    if (bytes.length < 2 || bytes.length > maxMessageBytes) {
      throw new WireDecodingException("size", bytes.length + " bytes");
    }
    if (bytes[0] != VERSION) {
      throw new WireDecodingException("version", "version " + (bytes[0] & 0xff));
    }
    try {
      switch (bytes[1]) {
        case LOCAL:
          return new CrossAsMessage.Local(local.decode(Arrays.copyOfRange(bytes, 2, bytes.length)));
        case PROTOCOL:
          return new CrossAsMessage.Protocol(
              gateway.decode(Arrays.copyOfRange(bytes, 2, bytes.length)));
        case BETWEEN_GATEWAYS:
          return decodeBetweenGateways(bytes);
        case REQUEST:
          return decodeRequest(bytes);
        default:
          throw new WireDecodingException("kind", "kind " + bytes[1]);
      }
    } catch (EncodingException e) {
      throw new WireDecodingException("malformed", e.getMessage());
    } catch (GatewayDecodingException e) {
      throw new WireDecodingException("gateway-" + e.reason(), e.getMessage());
    }
  }

  private CrossAsMessage decodeBetweenGateways(byte[] bytes)
      throws EncodingException, GatewayDecodingException {
    CanonicalReader r = reader(bytes);
    Optional<TransferTerms> terms =
        r.bool()
            ? Optional.of(TransferTerms.decode(r.bytes(TransferTerms.MAX_ENCODED)))
            : Optional.empty();
    GatewayMessage message = gateway.decode(r.bytes(gateway.limits().maxMessageBytes()));
    r.expectEnd();
    return new CrossAsMessage.BetweenGateways(message, terms);
  }

  private CrossAsMessage decodeRequest(byte[] bytes) throws EncodingException {
    CanonicalReader r = reader(bytes);
    byte[] lock = r.bytes(TransactionCodec.MAX_ENCODED_SIZE);
    TransferTerms terms = TransferTerms.decode(r.bytes(TransferTerms.MAX_ENCODED));
    r.expectEnd();
    return new CrossAsMessage.Request(lock, terms);
  }

  private CanonicalReader reader(byte[] bytes) throws EncodingException {
    CanonicalReader r = new CanonicalReader(bytes, maxMessageBytes);
    r.u8();
    r.u8();
    return r;
  }
}
