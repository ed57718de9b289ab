package org.intertrust.gateway.protocol.wire;

import java.util.Objects;
import org.intertrust.crypto.bls.BlsDecodingException;
import org.intertrust.crypto.bls.PartialSignature;
import org.intertrust.crypto.dealing.DealingContext;
import org.intertrust.crypto.dealing.DealingException;
import org.intertrust.crypto.dealing.DealingRecord;
import org.intertrust.crypto.encoding.CanonicalReader;
import org.intertrust.crypto.encoding.CanonicalWriter;
import org.intertrust.crypto.encoding.EncodingException;
import org.intertrust.crypto.encoding.Statements;
import org.intertrust.crypto.identity.IdentityPublicKey;
import org.intertrust.crypto.identity.IdentitySignature;
import org.intertrust.crypto.identity.KeyDecodingException;
import org.intertrust.crypto.identity.SignatureDecodingException;
import org.intertrust.gateway.protocol.certificate.CertificateException;
import org.intertrust.gateway.protocol.certificate.CrossAsStatement;
import org.intertrust.gateway.protocol.certificate.TransactionProof;
import org.intertrust.gateway.protocol.collect.WrappedShare;
import org.intertrust.gateway.protocol.core.GatewayMessage;
import org.intertrust.gateway.protocol.core.GatewayMessage.DealingDelivery;
import org.intertrust.gateway.protocol.core.GatewayMessage.DealingNotice;
import org.intertrust.gateway.protocol.core.GatewayMessage.DealingRequest;
import org.intertrust.gateway.protocol.core.GatewayMessage.DecisionQuery;
import org.intertrust.gateway.protocol.core.GatewayMessage.DecisionReply;
import org.intertrust.gateway.protocol.core.GatewayMessage.LockRelay;
import org.intertrust.gateway.protocol.core.GatewayMessage.ShareSubmission;
import org.intertrust.gateway.protocol.dealing.DealingReference;
import org.intertrust.gateway.protocol.replica.CrossAsTerms;
import org.intertrust.gateway.protocol.replica.TransferTerms;
import org.intertrust.gateway.protocol.wire.GatewayDecodingException.Reason;
import org.intertrust.ledger.tx.MessagePayload;
import org.intertrust.ledger.tx.MessageTerms;
import org.intertrust.ledger.tx.SwapTerms;
import org.intertrust.ledger.value.CertificateBytes;
import org.intertrust.ledger.value.ConsensusTime;
import org.intertrust.ledger.value.CrossAsTxId;

/**
 * The wire encoding of {@link GatewayMessage}s, between gateways and between a gateway and the
 * replicas of its AS. Canonical: one message has exactly one encoding, and decoding accepts exactly
 * the encodings this class writes (golden vectors in GatewayCodecTest pin the bytes).
 *
 * <p>Layout, big-endian, built from {@link CanonicalWriter} fields: {@code version u8 (=1) | kind
 * u8 | body}. A value that already has a canonical encoding travels as that encoding,
 * length-prefixed ({@code u32}), never re-encoded field by field: a dealing record as {@link
 * DealingRecord#toBytes()}, a proof as {@link TransactionProof#encode()}, a statement as {@link
 * CrossAsStatement#encode()}, terms as {@link #encodeTerms}. Bodies:
 *
 * <ul>
 *   <li>1 dealing request: {@code tx [32]}
 *   <li>2 dealing notice: {@code tx [32], record (u32, bytes)}
 *   <li>3 lock relay: {@code lock proof (u32, bytes), lock dealing (u32, bytes), decision dealing
 *       (u32, bytes)}
 *   <li>4 decision query: {@code tx [32], source AS u16, deadline u64, decision dealing (u32,
 *       bytes)}
 *   <li>5 decision reply: {@code decision proof (u32, bytes)}
 *   <li>6 share submission: {@code statement (u32, bytes), dealing reference [32], sender key [32],
 *       partial signature [50], wrap [64]}
 *   <li>7 dealing delivery: {@code tx [32], record (u32, bytes)}
 * </ul>
 *
 * <p>Bounded: the whole message ({@link Limits#maxMessageBytes}, checked before parsing), each
 * dealing record ({@link Limits#maxDealingBytes}), each proof ({@link Limits#maxProofBytes}), each
 * statement ({@link CrossAsStatement#MAX_ENCODED}). A length prefix is checked against its bound
 * and the remaining input before anything is allocated. A decoded message is well formed, not
 * authentic: points are on their curves and in their subgroups, but no signature has been checked
 * (the gateway core, the share collector and the replicas do that, as before).
 */
public final class GatewayCodec {
  /** The wire version this codec writes and reads. */
  public static final int VERSION = 1;

  static final int DEALING_REQUEST = 1;
  static final int DEALING_NOTICE = 2;
  static final int LOCK_RELAY = 3;
  static final int DECISION_QUERY = 4;
  static final int DECISION_REPLY = 5;
  static final int SHARE_SUBMISSION = 6;
  static final int DEALING_DELIVERY = 7;

  /**
   * The bounds a decoder enforces.
   *
   * @param maxMessageBytes the largest message accepted, in bytes
   * @param maxDealingBytes the largest dealing record ({@link DealingRecord#toBytes()})
   * @param maxProofBytes the largest transaction proof ({@link TransactionProof#encode()})
   */
  public record Limits(int maxMessageBytes, int maxDealingBytes, int maxProofBytes) {
    /**
     * Records as large as {@link DealingRecord#MAX_RECORD_BYTES} (1 MiB, up to 2048 holders),
     * proofs as large as {@link CertificateBytes#MAX_LENGTH} (16 KiB), messages as large as the
     * largest kind, a lock relay with two records and a proof: 2 MiB + 16 KiB + 14 bytes.
     */
    public static final Limits DEFAULT =
        of(DealingRecord.MAX_RECORD_BYTES, CertificateBytes.MAX_LENGTH);

    /** Checks the bounds are within what the carried values' own decoders accept. */
    public Limits {
      if (maxMessageBytes < 1
          || maxDealingBytes < 1
          || maxDealingBytes > DealingRecord.MAX_RECORD_BYTES
          || maxProofBytes < 1
          || maxProofBytes > CertificateBytes.MAX_LENGTH) {
        throw new IllegalArgumentException("limits out of range");
      }
    }

    /** Bounds for records up to {@code maxDealingBytes} and proofs up to {@code maxProofBytes}. */
    public static Limits of(int maxDealingBytes, int maxProofBytes) {
      long largest = 2L + 3 * 4L + 2L * maxDealingBytes + maxProofBytes;
      return new Limits((int) largest, maxDealingBytes, maxProofBytes);
    }

    /**
     * Bounds for ASs of at most {@code maxReplicas} replicas: a record dealt by an honest enclave
     * for that many holders (at most as many commitments as holders, 48-byte share ciphertexts) and
     * {@link CertificateBytes#MAX_LENGTH} proofs. Parsing a record costs one G2 point check per
     * commitment and holder, so this bound also bounds a hostile record's decoding time.
     */
    public static Limits forReplicas(int maxReplicas) {
      if (maxReplicas < 1 || maxReplicas > DealingRecord.MAX_HOLDERS) {
        throw new IllegalArgumentException("1.." + DealingRecord.MAX_HOLDERS + " replicas");
      }
      return of(dealingBytes(maxReplicas), CertificateBytes.MAX_LENGTH);
    }

    /** The wire size of an honest record for {@code holders} holders and k = holders. */
    static int dealingBytes(int holders) {
      int context = 1 + 2 + 2 + 4 + DealingContext.MAX_ID_BYTES;
      int share = 4 + 12 + 4 + 32 + 16;
      int body = context + 2 + 2 + 2 * holders * 96 + holders * share + 32 + 32;
      return 4 + Statements.HEADER_SIZE + body + IdentitySignature.LENGTH;
    }
  }

  private final Limits limits;

  public GatewayCodec(Limits limits) {
    this.limits = Objects.requireNonNull(limits, "limits");
  }

  /** A codec with {@link Limits#DEFAULT}. */
  public GatewayCodec() {
    this(Limits.DEFAULT);
  }

  public Limits limits() {
    return limits;
  }

  // ---- encoding ----------------------------------------------------------------------------

  /**
   * Encodes {@code message}.
   *
   * @throws IllegalArgumentException if the message breaks this codec's limits (this node's own
   *     message: a bug or a misconfiguration, not an input)
   */
  public byte[] encode(GatewayMessage message) {
    CanonicalWriter writer = new CanonicalWriter(limits.maxMessageBytes());
    try {
      writer.u8(VERSION);
      write(writer, Objects.requireNonNull(message, "message"));
    } catch (EncodingException e) {
      throw new IllegalArgumentException("message does not fit the wire limits: " + message, e);
    }
    return writer.toByteArray();
  }

  private void write(CanonicalWriter w, GatewayMessage message) throws EncodingException {
    if (message instanceof DealingRequest request) {
      request.tx().write(w.u8(DEALING_REQUEST));
    } else if (message instanceof DealingNotice notice) {
      notice.tx().write(w.u8(DEALING_NOTICE));
      writeDealing(w, notice.record());
    } else if (message instanceof LockRelay relay) {
      writeProof(w.u8(LOCK_RELAY), relay.lock());
      writeDealing(w, relay.lockDealing());
      writeDealing(w, relay.decisionDealing());
    } else if (message instanceof DecisionQuery query) {
      query.tx().write(w.u8(DECISION_QUERY));
      w.asId(query.source());
      query.deadline().write(w);
      writeDealing(w, query.decisionDealing());
    } else if (message instanceof DecisionReply reply) {
      writeProof(w.u8(DECISION_REPLY), reply.decision());
    } else if (message instanceof ShareSubmission submission) {
      writeSubmission(w.u8(SHARE_SUBMISSION), submission);
    } else if (message instanceof DealingDelivery delivery) {
      delivery.tx().write(w.u8(DEALING_DELIVERY));
      writeDealing(w, delivery.record());
    } else {
      throw new EncodingException(
          EncodingException.Reason.INVALID_VALUE, "no wire kind for " + message.getClass());
    }
  }

  private static void writeSubmission(CanonicalWriter w, ShareSubmission submission)
      throws EncodingException {
    w.bytes(submission.statement().encode());
    submission.dealing().write(w);
    WrappedShare share = submission.share();
    w.fixedBytes(share.sender().toBytes(), IdentityPublicKey.LENGTH);
    w.fixedBytes(share.share().toBytes(), PartialSignature.BYTES);
    w.fixedBytes(share.wrap().toBytes(), IdentitySignature.LENGTH);
  }

  private void writeDealing(CanonicalWriter w, DealingRecord record) throws EncodingException {
    w.bytes(atMost(record.toBytes(), limits.maxDealingBytes(), "dealing record"));
  }

  private void writeProof(CanonicalWriter w, TransactionProof proof) throws EncodingException {
    w.bytes(atMost(proof.encode(), limits.maxProofBytes(), "proof"));
  }

  private static byte[] atMost(byte[] bytes, int max, String what) throws EncodingException {
    if (bytes.length > max) {
      throw new EncodingException(
          EncodingException.Reason.LENGTH_TOO_LARGE, what + " " + bytes.length + " over " + max);
    }
    return bytes;
  }

  // ---- decoding ----------------------------------------------------------------------------

  /**
   * Decodes one message.
   *
   * @throws GatewayDecodingException with the reason the bytes are not a message
   */
  public GatewayMessage decode(byte[] bytes) throws GatewayDecodingException {
    if (bytes.length > limits.maxMessageBytes()) {
      throw new GatewayDecodingException(
          Reason.TOO_LARGE, bytes.length + " bytes, limit " + limits.maxMessageBytes());
    }
    CanonicalReader reader = new CanonicalReader(bytes, 0);
    try {
      if (reader.remaining() == 0) {
        throw new GatewayDecodingException(Reason.TRUNCATED, "empty message");
      }
      int version = reader.u8();
      if (version != VERSION) {
        throw new GatewayDecodingException(Reason.UNSUPPORTED_VERSION, "version " + version);
      }
      GatewayMessage message = readKind(reader);
      reader.expectEnd();
      return message;
    } catch (EncodingException e) {
      throw new GatewayDecodingException(reasonOf(e.reason()), e.getMessage());
    } catch (IllegalArgumentException e) {
      throw new GatewayDecodingException(Reason.INVALID_VALUE, e.getMessage());
    }
  }

  private GatewayMessage readKind(CanonicalReader r)
      throws EncodingException, GatewayDecodingException {
    int kind = r.u8();
    switch (kind) {
      case DEALING_REQUEST:
        return new DealingRequest(CrossAsTxId.read(r));
      case DEALING_NOTICE:
        return new DealingNotice(CrossAsTxId.read(r), readDealing(r));
      case LOCK_RELAY:
        return new LockRelay(readProof(r), readDealing(r), readDealing(r));
      case DECISION_QUERY:
        return new DecisionQuery(
            CrossAsTxId.read(r), r.asId(), ConsensusTime.read(r), readDealing(r));
      case DECISION_REPLY:
        return new DecisionReply(readProof(r));
      case SHARE_SUBMISSION:
        return readSubmission(r);
      case DEALING_DELIVERY:
        return new DealingDelivery(CrossAsTxId.read(r), readDealing(r));
      default:
        throw new GatewayDecodingException(Reason.UNKNOWN_KIND, "kind " + kind);
    }
  }

  private static ShareSubmission readSubmission(CanonicalReader r)
      throws EncodingException, GatewayDecodingException {
    CrossAsStatement statement = readStatement(r);
    DealingReference dealing = DealingReference.read(r);
    byte[] sender = r.fixedBytes(IdentityPublicKey.LENGTH);
    byte[] share = r.fixedBytes(PartialSignature.BYTES);
    byte[] wrap = r.fixedBytes(IdentitySignature.LENGTH);
    try {
      return new ShareSubmission(
          statement,
          dealing,
          new WrappedShare(
              IdentityPublicKey.fromBytes(sender),
              PartialSignature.fromBytes(share),
              IdentitySignature.fromBytes(wrap)));
    } catch (KeyDecodingException | BlsDecodingException | SignatureDecodingException e) {
      throw new GatewayDecodingException(Reason.BAD_KEY_OR_SIGNATURE_ENCODING, e.getMessage());
    }
  }

  private static CrossAsStatement readStatement(CanonicalReader r)
      throws EncodingException, GatewayDecodingException {
    byte[] bytes = r.bytes(CrossAsStatement.MAX_ENCODED);
    try {
      return CrossAsStatement.decode(bytes);
    } catch (EncodingException | IllegalArgumentException e) {
      throw new GatewayDecodingException(Reason.MALFORMED_STATEMENT, e.getMessage());
    }
  }

  private TransactionProof readProof(CanonicalReader r)
      throws EncodingException, GatewayDecodingException {
    byte[] bytes = r.bytes(limits.maxProofBytes());
    try {
      return TransactionProof.decode(bytes);
    } catch (CertificateException | IllegalArgumentException e) {
      throw new GatewayDecodingException(Reason.MALFORMED_PROOF, e.getMessage());
    }
  }

  private DealingRecord readDealing(CanonicalReader r)
      throws EncodingException, GatewayDecodingException {
    byte[] bytes = r.bytes(limits.maxDealingBytes());
    try {
      return DealingRecord.parse(bytes);
    } catch (DealingException | IllegalArgumentException e) {
      throw new GatewayDecodingException(Reason.MALFORMED_DEALING, e.getMessage());
    }
  }

  // ---- cross-AS terms ------------------------------------------------------------------------

  static final int TERMS_TRANSFER = 1;
  static final int TERMS_SWAP = 2;
  static final int TERMS_MESSAGE = 3;

  /**
   * Largest {@link #encodeTerms} encoding: a message's terms with a payload of the largest size.
   */
  public static final int MAX_TERMS_BYTES = MessagePayload.MAX_LENGTH + 1024;

  /**
   * The terms' canonical encoding, for carriers of terms: {@code kind u8 | body}, where a
   * transfer's body is {@link TransferTerms#encode()} (u32-prefixed), a swap's is {@link
   * SwapTerms#write} followed by Bob's signature [64], a message's is {@link MessageTerms#write}
   * followed by the payload (u32-prefixed, at most {@link MessagePayload#MAX_LENGTH}).
   */
  public static byte[] encodeTerms(CrossAsTerms terms) {
    CanonicalWriter w = new CanonicalWriter(MAX_TERMS_BYTES);
    try {
      if (terms instanceof TransferTerms transfer) {
        w.u8(TERMS_TRANSFER).bytes(transfer.encode());
      } else if (terms instanceof CrossAsTerms.Swap swap) {
        w.u8(TERMS_SWAP);
        swap.terms().write(w);
        w.fixedBytes(swap.counterpartySignature().toBytes(), IdentitySignature.LENGTH);
      } else {
        CrossAsTerms.Message message = (CrossAsTerms.Message) terms;
        w.u8(TERMS_MESSAGE);
        message.terms().write(w);
        w.bytes(message.payload().toBytes());
      }
    } catch (EncodingException e) {
      throw new IllegalArgumentException("terms do not fit " + MAX_TERMS_BYTES + " bytes", e);
    }
    return w.toByteArray();
  }

  /**
   * Parses {@link #encodeTerms}.
   *
   * @throws GatewayDecodingException MALFORMED_TERMS, or TRUNCATED, TRAILING_BYTES, OVER_LIMIT
   */
  public static CrossAsTerms decodeTerms(byte[] bytes) throws GatewayDecodingException {
    if (bytes.length > MAX_TERMS_BYTES) {
      throw new GatewayDecodingException(
          Reason.TOO_LARGE, bytes.length + " bytes of terms > " + MAX_TERMS_BYTES);
    }
    CanonicalReader r = new CanonicalReader(bytes);
    try {
      int kind = r.u8();
      CrossAsTerms terms;
      switch (kind) {
        case TERMS_TRANSFER:
          terms = TransferTerms.decode(r.bytes(TransferTerms.MAX_ENCODED));
          break;
        case TERMS_SWAP:
          terms =
              new CrossAsTerms.Swap(
                  SwapTerms.read(r),
                  IdentitySignature.fromBytes(r.fixedBytes(IdentitySignature.LENGTH)));
          break;
        case TERMS_MESSAGE:
          terms =
              new CrossAsTerms.Message(
                  MessageTerms.read(r), MessagePayload.of(r.bytes(MessagePayload.MAX_LENGTH)));
          break;
        default:
          throw new GatewayDecodingException(Reason.MALFORMED_TERMS, "terms kind " + kind);
      }
      r.expectEnd();
      return terms;
    } catch (EncodingException e) {
      throw new GatewayDecodingException(reasonOf(e.reason()), e.getMessage());
    } catch (SignatureDecodingException | IllegalArgumentException e) {
      throw new GatewayDecodingException(Reason.MALFORMED_TERMS, e.getMessage());
    }
  }

  static Reason reasonOf(EncodingException.Reason reason) {
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
