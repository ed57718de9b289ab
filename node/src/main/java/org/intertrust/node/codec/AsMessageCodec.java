package org.intertrust.node.codec;

import org.intertrust.consensus.ConsensusCodec;
import org.intertrust.crypto.bls.BlsDecodingException;
import org.intertrust.crypto.bls.PartialSignature;
import org.intertrust.crypto.encoding.CanonicalReader;
import org.intertrust.crypto.encoding.CanonicalWriter;
import org.intertrust.crypto.encoding.EncodingException;
import org.intertrust.ledger.block.ExecutionCertificate;
import org.intertrust.ledger.block.ExecutionStatement;
import org.intertrust.ledger.replication.ExecutionShare;
import org.intertrust.ledger.value.Hash32;
import org.intertrust.ledger.value.Height;
import org.intertrust.node.runtime.WireCodec;
import org.intertrust.node.runtime.WireDecodingException;
import org.intertrust.sim.consensus.AsMessage;

/**
 * The canonical bytes of the messages inside one AS: u8 version (1) | u8 kind | body.
 *
 * <ul>
 *   <li>1 consensus: the {@link ConsensusCodec} bytes, decoded as {@link AsMessage.Wire} so that
 *       the replica decodes them with its own bounded codec (and counts what does not decode);
 *   <li>2 client transaction: u32-length-prefixed transaction encoding, at most {@link
 *       #MAX_TRANSACTION_BYTES};
 *   <li>3 execution share: u16 AS | u64 height | block hash | state hash | partial signature (50
 *       bytes) | u32 signer;
 *   <li>4 execution certificate: {@link ExecutionCertificate#encode()}.
 * </ul>
 */
public final class AsMessageCodec implements WireCodec<AsMessage> {
  static final int VERSION = 1;
  static final int CONSENSUS = 1;
  static final int CLIENT_TRANSACTION = 2;
  static final int SHARE = 3;
  static final int CERTIFICATE = 4;

  /** The largest client transaction accepted. */
  public static final int MAX_TRANSACTION_BYTES =
      org.intertrust.ledger.tx.TransactionCodec.MAX_ENCODED_SIZE;

  private final ConsensusCodec consensus;
  private final int maxMessageBytes;

  /**
   * @param maxMessageBytes the largest encoded message accepted
   */
  public AsMessageCodec(int maxMessageBytes) {
    this.consensus = new ConsensusCodec();
    this.maxMessageBytes = maxMessageBytes;
  }

  @Override
  public byte[] encode(AsMessage message) {
    try {
      if (message instanceof AsMessage.Consensus c) {
        return withHeader(CONSENSUS, consensus.encode(c.message()));
      } else if (message instanceof AsMessage.Wire wire) {
        return withHeader(CONSENSUS, wire.bytes());
      } else if (message instanceof AsMessage.ClientTransaction tx) {
        CanonicalWriter w = writer(CLIENT_TRANSACTION);
        w.bytes(tx.encoded());
        return w.toByteArray();
      } else if (message instanceof AsMessage.Share share) {
        return encodeShare(share.share());
      } else {
        return withHeader(CERTIFICATE, ((AsMessage.Certificate) message).certificate().encode());
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

  private byte[] encodeShare(ExecutionShare share) throws EncodingException {
    CanonicalWriter w = writer(SHARE);
    ExecutionStatement statement = share.statement();
    w.asId(statement.as());
    statement.height().write(w);
    statement.blockHash().write(w);
    statement.stateHash().write(w);
    w.fixedBytes(share.share().toBytes(), PartialSignature.BYTES);
    w.u32(share.signer());
    return w.toByteArray();
  }

  @Override
  public AsMessage decode(byte[] bytes) throws WireDecodingException {
    if (bytes.length < 2 || bytes.length > maxMessageBytes) {
      throw new WireDecodingException("size", bytes.length + " bytes");
    }
    if (bytes[0] != VERSION) {
      throw new WireDecodingException("version", "version " + (bytes[0] & 0xff));
    }
    try {
      switch (bytes[1]) {
        case CONSENSUS:
          return new AsMessage.Wire(java.util.Arrays.copyOfRange(bytes, 2, bytes.length));
        case CLIENT_TRANSACTION:
          return decodeTransaction(bytes);
        case SHARE:
          return new AsMessage.Share(decodeShare(bytes));
        case CERTIFICATE:
          return new AsMessage.Certificate(
              ExecutionCertificate.decode(java.util.Arrays.copyOfRange(bytes, 2, bytes.length)));
        default:
          throw new WireDecodingException("kind", "kind " + bytes[1]);
      }
    } catch (EncodingException e) {
      throw new WireDecodingException("malformed", e.getMessage());
    }
  }

  private static AsMessage decodeTransaction(byte[] bytes) throws EncodingException {
    CanonicalReader r = reader(bytes);
    byte[] encoded = r.bytes(MAX_TRANSACTION_BYTES);
    r.expectEnd();
    return new AsMessage.ClientTransaction(encoded);
  }

  private static ExecutionShare decodeShare(byte[] bytes)
      throws EncodingException, WireDecodingException {
    CanonicalReader r = reader(bytes);
    ExecutionStatement statement =
        new ExecutionStatement(r.asId(), Height.read(r), Hash32.read(r), Hash32.read(r));
    byte[] partial = r.fixedBytes(PartialSignature.BYTES);
    long signer = r.u32();
    r.expectEnd();
    if (signer > Integer.MAX_VALUE) {
      throw new WireDecodingException("malformed", "signer " + signer);
    }
    try {
      return new ExecutionShare(statement, PartialSignature.fromBytes(partial), (int) signer);
    } catch (BlsDecodingException e) {
      throw new WireDecodingException("malformed", e.getMessage());
    }
  }

  private static CanonicalReader reader(byte[] bytes) throws EncodingException {
    CanonicalReader r = new CanonicalReader(bytes, MAX_TRANSACTION_BYTES);
    r.u8();
    r.u8();
    return r;
  }
}
