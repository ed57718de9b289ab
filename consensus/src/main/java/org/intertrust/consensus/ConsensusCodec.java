package org.intertrust.consensus;

import java.util.ArrayList;
import java.util.List;
import org.intertrust.consensus.ConsensusDecodingException.Reason;
import org.intertrust.consensus.ConsensusMessage.BlockRequest;
import org.intertrust.consensus.ConsensusMessage.BlockResponse;
import org.intertrust.consensus.ConsensusMessage.Proposal;
import org.intertrust.consensus.ConsensusMessage.Timeout;
import org.intertrust.consensus.ConsensusMessage.Vote;
import org.intertrust.crypto.bls.BlsDecodingException;
import org.intertrust.crypto.bls.BlsSignature;
import org.intertrust.crypto.bls.PartialSignature;
import org.intertrust.crypto.encoding.AsId;
import org.intertrust.crypto.encoding.CanonicalReader;
import org.intertrust.crypto.encoding.CanonicalWriter;
import org.intertrust.crypto.encoding.EncodingException;
import org.intertrust.crypto.identity.IdentitySignature;
import org.intertrust.crypto.identity.SignatureDecodingException;

/**
 * The wire encoding of {@link ConsensusMessage}s: what replicas send each other (the node carries
 * these bytes over gRPC). Canonical: one message has exactly one encoding, and decoding accepts
 * exactly the encodings this class writes.
 *
 * <p>Layout, big-endian, built from {@link CanonicalWriter} fields: {@code version u8 (=1) | kind
 * u8 | body}. Kinds: 1 proposal, 2 vote, 3 timeout, 4 block request, 5 block response. Bodies:
 *
 * <ul>
 *   <li>block: {@code as u16, round u64, height u64, parent [32], proposer u16, time u64, payload
 *       (u32 length, bytes), justify QC} (the genesis block, without a QC, is never sent)
 *   <li>QC: {@code as u16, round u64, height u64, block [32], has-signature bool, [signature 48]}
 *   <li>TC: {@code as u16, round u64, count u16, count x (sender u16, high-QC round u64, signature
 *       [64])}
 *   <li>proposal: {@code block, has-TC bool, [TC], sender u16, signature [64]}
 *   <li>vote: {@code round u64, height u64, block [32], share [50], sender u16, wrap [64]}
 *   <li>timeout: {@code round u64, QC, sender u16, signature [64]}
 *   <li>block request: {@code round u64, block [32], known height u64, sender u16}
 *   <li>block response: {@code round u64, count u16, count x block, sender u16}
 * </ul>
 *
 * <p>Bounded: the whole message ({@link Limits#maxMessageBytes}, checked before parsing), each
 * payload, the entries of a timeout certificate and the blocks of a response. Rounds, heights and
 * times are below 2^63. BLS points are validated (on the curve, in the subgroup) while decoding; a
 * decoded message is well formed, not yet authentic: the replica core checks the signatures.
 */
public final class ConsensusCodec {
  /** The wire version this codec writes and reads. */
  public static final int VERSION = 1;

  static final int PROPOSAL = 1;
  static final int VOTE = 2;
  static final int TIMEOUT = 3;
  static final int BLOCK_REQUEST = 4;
  static final int BLOCK_RESPONSE = 5;

  /**
   * The bounds a decoder enforces.
   *
   * @param maxMessageBytes the largest message accepted, in bytes
   * @param maxPayloadBytes the largest block payload
   * @param maxTimeoutEntries the most entries of a timeout certificate (at most n)
   * @param maxResponseBlocks the most blocks in one block response
   */
  public record Limits(
      int maxMessageBytes, int maxPayloadBytes, int maxTimeoutEntries, int maxResponseBlocks) {
    /**
     * Payloads up to {@link Block#MAX_PAYLOAD_BYTES}, 1024 replicas, responses as large as {@link
     * ConsensusMessage.BlockResponse} allows: its block count and payload bytes, plus room for the
     * blocks' headers and certificates.
     */
    public static final Limits DEFAULT =
        new Limits(
            ConsensusMessage.BlockResponse.MAX_PAYLOAD_BYTES + Block.MAX_PAYLOAD_BYTES,
            Block.MAX_PAYLOAD_BYTES,
            1024,
            ConsensusMessage.BlockResponse.MAX_BLOCKS);

    public Limits {
      if (maxMessageBytes < 1
          || maxPayloadBytes < 0
          || maxPayloadBytes > Block.MAX_PAYLOAD_BYTES
          || maxTimeoutEntries < 1
          || maxTimeoutEntries > 0xFFFF
          || maxResponseBlocks < 1
          || maxResponseBlocks > 0xFFFF) {
        throw new IllegalArgumentException("limits out of range");
      }
    }
  }

  private final Limits limits;

  public ConsensusCodec(Limits limits) {
    this.limits = java.util.Objects.requireNonNull(limits, "limits");
  }

  /** A codec with {@link Limits#DEFAULT}. */
  public ConsensusCodec() {
    this(Limits.DEFAULT);
  }

  public Limits limits() {
    return limits;
  }

  // ---- encoding ----------------------------------------------------------------------------

  /**
   * Encodes {@code message}.
   *
   * @throws IllegalArgumentException if the message breaks this codec's limits (this replica's own
   *     message: a bug, not an input)
   */
  public byte[] encode(ConsensusMessage message) {
    CanonicalWriter writer = new CanonicalWriter(limits.maxMessageBytes());
    try {
      writer.u8(VERSION);
      if (message instanceof Proposal proposal) {
        writeProposal(writer.u8(PROPOSAL), proposal);
      } else if (message instanceof Vote vote) {
        writeVote(writer.u8(VOTE), vote);
      } else if (message instanceof Timeout timeout) {
        writer.u8(TIMEOUT).u64(timeout.round());
        writeQc(writer, timeout.highQc());
        writeOptionalTc(writer, timeout.lastRoundTc());
        writer.u16(timeout.sender()).fixedBytes(timeout.signature().toBytes(), 64);
      } else if (message instanceof BlockRequest request) {
        writer.u8(BLOCK_REQUEST).u64(request.round());
        writer.fixedBytes(request.blockHash().toBytes(), BlockHash.BYTES);
        writer.u64(request.knownHeight()).u16(request.sender());
      } else if (message instanceof BlockResponse response) {
        writeResponse(writer.u8(BLOCK_RESPONSE), response);
      }
    } catch (EncodingException e) {
      throw new IllegalArgumentException("message does not fit the wire limits: " + message, e);
    }
    return writer.toByteArray();
  }

  private void writeProposal(CanonicalWriter writer, Proposal proposal) throws EncodingException {
    writeBlock(writer, proposal.block());
    writeOptionalTc(writer, proposal.timeoutCertificate());
    writer.u16(proposal.sender());
    writer.fixedBytes(proposal.signature().toBytes(), IdentitySignature.LENGTH);
  }

  /** A presence flag, then the certificate if present. */
  private void writeOptionalTc(CanonicalWriter writer, TimeoutCertificate tc)
      throws EncodingException {
    writer.bool(tc != null);
    if (tc != null) {
      requireAtMost(tc.entries().size(), limits.maxTimeoutEntries(), "timeout entries");
      writer.asId(tc.as()).u64(tc.round()).u16(tc.entries().size());
      for (TimeoutCertificate.Entry entry : tc.entries()) {
        writer.u16(entry.sender()).u64(entry.highQcRound());
        writer.fixedBytes(entry.signature().toBytes(), IdentitySignature.LENGTH);
      }
    }
  }

  private static void writeVote(CanonicalWriter writer, Vote vote) throws EncodingException {
    writer.u64(vote.round()).u64(vote.height());
    writer.fixedBytes(vote.blockHash().toBytes(), BlockHash.BYTES);
    writer.fixedBytes(vote.share().toBytes(), PartialSignature.BYTES);
    writer.u16(vote.sender()).fixedBytes(vote.wrap().toBytes(), IdentitySignature.LENGTH);
  }

  private void writeResponse(CanonicalWriter writer, BlockResponse response)
      throws EncodingException {
    requireAtMost(response.blocks().size(), limits.maxResponseBlocks(), "response blocks");
    writer.u64(response.round()).u16(response.blocks().size());
    for (Block block : response.blocks()) {
      writeBlock(writer, block);
    }
    writer.u16(response.sender());
  }

  private void writeBlock(CanonicalWriter writer, Block block) throws EncodingException {
    byte[] payload = block.payload();
    requireAtMost(payload.length, limits.maxPayloadBytes(), "payload bytes");
    writer.asId(block.as()).u64(block.round()).u64(block.height());
    writer.fixedBytes(block.parent().toBytes(), BlockHash.BYTES);
    writer.u16(block.proposer()).u64(block.time()).bytes(payload);
    if (block.justify() == null) {
      throw new EncodingException(
          EncodingException.Reason.INVALID_VALUE, "the genesis block is never sent");
    }
    writeQc(writer, block.justify());
  }

  private static void writeQc(CanonicalWriter writer, QuorumCertificate qc)
      throws EncodingException {
    writer.asId(qc.as()).u64(qc.round()).u64(qc.height());
    writer.fixedBytes(qc.blockHash().toBytes(), BlockHash.BYTES);
    writer.bool(!qc.isGenesis());
    if (!qc.isGenesis()) {
      writer.fixedBytes(qc.signature().toBytes(), BlsSignature.BYTES);
    }
  }

  private static void requireAtMost(int count, int max, String what) throws EncodingException {
    if (count > max) {
      throw new EncodingException(
          EncodingException.Reason.LENGTH_TOO_LARGE, what + " " + count + " over " + max);
    }
  }

  // ---- decoding ----------------------------------------------------------------------------

  /**
   * Decodes one message.
   *
   * @throws ConsensusDecodingException with the reason the bytes are not a message
   */
  public ConsensusMessage decode(byte[] bytes) throws ConsensusDecodingException {
    if (bytes.length > limits.maxMessageBytes()) {
      throw new ConsensusDecodingException(
          Reason.TOO_LARGE, bytes.length + " bytes, limit " + limits.maxMessageBytes());
    }
    CanonicalReader reader = new CanonicalReader(bytes, limits.maxPayloadBytes());
    try {
      if (reader.remaining() == 0) {
        throw new ConsensusDecodingException(Reason.TRUNCATED, "empty message");
      }
      int version = reader.u8();
      if (version != VERSION) {
        throw new ConsensusDecodingException(Reason.UNSUPPORTED_VERSION, "version " + version);
      }
      ConsensusMessage message = readKind(reader);
      reader.expectEnd();
      return message;
    } catch (EncodingException e) {
      throw new ConsensusDecodingException(reasonOf(e.reason()), e.getMessage());
    } catch (BlsDecodingException | SignatureDecodingException e) {
      throw new ConsensusDecodingException(Reason.BAD_SIGNATURE_ENCODING, e.getMessage());
    }
  }

  private ConsensusMessage readKind(CanonicalReader reader)
      throws EncodingException,
          ConsensusDecodingException,
          BlsDecodingException,
          SignatureDecodingException {
    int kind = reader.u8();
    switch (kind) {
      case PROPOSAL:
        return readProposal(reader);
      case VOTE:
        return new Vote(
            nonNegative(reader.u64(), "round"),
            nonNegative(reader.u64(), "height"),
            readHash(reader),
            PartialSignature.fromBytes(reader.fixedBytes(PartialSignature.BYTES)),
            reader.u16(),
            readIdentitySignature(reader));
      case TIMEOUT:
        return new Timeout(
            nonNegative(reader.u64(), "round"),
            readQc(reader),
            readOptionalTc(reader),
            reader.u16(),
            readIdentitySignature(reader));
      case BLOCK_REQUEST:
        return new BlockRequest(
            nonNegative(reader.u64(), "round"),
            readHash(reader),
            nonNegative(reader.u64(), "known height"),
            reader.u16());
      case BLOCK_RESPONSE:
        return readResponse(reader);
      default:
        throw new ConsensusDecodingException(Reason.UNKNOWN_KIND, "kind " + kind);
    }
  }

  private Proposal readProposal(CanonicalReader reader)
      throws EncodingException,
          ConsensusDecodingException,
          BlsDecodingException,
          SignatureDecodingException {
    Block block = readBlock(reader);
    TimeoutCertificate tc = readOptionalTc(reader);
    return new Proposal(block, tc, reader.u16(), readIdentitySignature(reader));
  }

  /** A presence flag, then the certificate if present; null if absent. */
  private TimeoutCertificate readOptionalTc(CanonicalReader reader)
      throws EncodingException, ConsensusDecodingException, SignatureDecodingException {
    if (!reader.bool()) {
      return null;
    }
    AsId as = reader.asId();
    long round = nonNegative(reader.u64(), "timeout round");
    int count = atMost(reader.u16(), limits.maxTimeoutEntries(), "timeout entries");
    List<TimeoutCertificate.Entry> entries = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      entries.add(
          new TimeoutCertificate.Entry(
              reader.u16(),
              nonNegative(reader.u64(), "high QC round"),
              readIdentitySignature(reader)));
    }
    return new TimeoutCertificate(as, round, entries);
  }

  private BlockResponse readResponse(CanonicalReader reader)
      throws EncodingException, ConsensusDecodingException, BlsDecodingException {
    long round = nonNegative(reader.u64(), "round");
    int count = atMost(reader.u16(), limits.maxResponseBlocks(), "response blocks");
    List<Block> blocks = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      blocks.add(readBlock(reader));
    }
    return new BlockResponse(round, blocks, reader.u16());
  }

  private Block readBlock(CanonicalReader reader)
      throws EncodingException, ConsensusDecodingException, BlsDecodingException {
    AsId as = reader.asId();
    long round = nonNegative(reader.u64(), "block round");
    long height = nonNegative(reader.u64(), "block height");
    BlockHash parent = readHash(reader);
    int proposer = reader.u16();
    long time = nonNegative(reader.u64(), "block time");
    byte[] payload = reader.bytes(limits.maxPayloadBytes());
    return new Block(as, round, height, parent, proposer, time, payload, readQc(reader));
  }

  private static QuorumCertificate readQc(CanonicalReader reader)
      throws EncodingException, ConsensusDecodingException, BlsDecodingException {
    AsId as = reader.asId();
    long round = nonNegative(reader.u64(), "QC round");
    long height = nonNegative(reader.u64(), "QC height");
    BlockHash block = readHash(reader);
    BlsSignature signature =
        reader.bool() ? BlsSignature.fromBytes(reader.fixedBytes(BlsSignature.BYTES)) : null;
    return new QuorumCertificate(as, round, height, block, signature);
  }

  private static BlockHash readHash(CanonicalReader reader) throws EncodingException {
    return BlockHash.of(reader.fixedBytes(BlockHash.BYTES));
  }

  private static IdentitySignature readIdentitySignature(CanonicalReader reader)
      throws EncodingException, SignatureDecodingException {
    return IdentitySignature.fromBytes(reader.fixedBytes(IdentitySignature.LENGTH));
  }

  private static long nonNegative(long value, String what) throws ConsensusDecodingException {
    if (value < 0) {
      throw new ConsensusDecodingException(Reason.INVALID_VALUE, what + " at or above 2^63");
    }
    return value;
  }

  private static int atMost(int count, int max, String what) throws ConsensusDecodingException {
    if (count > max) {
      throw new ConsensusDecodingException(Reason.OVER_LIMIT, what + " " + count + " over " + max);
    }
    return count;
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
