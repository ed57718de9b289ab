package org.intertrust.consensus;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import org.intertrust.consensus.ConsensusDecodingException.Reason;
import org.intertrust.consensus.ConsensusMessage.BlockRequest;
import org.intertrust.consensus.ConsensusMessage.BlockResponse;
import org.intertrust.consensus.ConsensusMessage.Proposal;
import org.intertrust.consensus.ConsensusMessage.Timeout;
import org.intertrust.consensus.ConsensusMessage.Vote;
import org.intertrust.crypto.bls.BlsSignature;
import org.intertrust.crypto.bls.PartialSignature;
import org.intertrust.crypto.bls.ShareIndex;
import org.intertrust.crypto.encoding.AsId;
import org.intertrust.crypto.identity.IdentitySignature;
import org.junit.jupiter.api.Test;

class ConsensusCodecTest {
  private static final HexFormat HEX = HexFormat.of();
  private static final AsId AS = new AsId(7);

  /** The compressed generator of G1: a valid BLS signature encoding, fixed for golden vectors. */
  private static final String G1 =
      "97f1d3a73197d7942695638c4fa9ac0fc3688c4f9774b905a14e3a3f171bac58"
          + "6c55e83ff97a1aeffb3af00adb22c6bb";

  private final ConsensusCodec codec = new ConsensusCodec();

  private static BlsSignature bls() throws Exception {
    return BlsSignature.fromBytes(HEX.parseHex(G1));
  }

  private static IdentitySignature ed(int fill) throws Exception {
    byte[] bytes = new byte[IdentitySignature.LENGTH];
    java.util.Arrays.fill(bytes, (byte) fill);
    return IdentitySignature.fromBytes(bytes);
  }

  private static BlockHash hash(int fill) {
    byte[] bytes = new byte[BlockHash.BYTES];
    java.util.Arrays.fill(bytes, (byte) fill);
    return BlockHash.of(bytes);
  }

  private static QuorumCertificate qc(long round) throws Exception {
    return new QuorumCertificate(AS, round, round, hash(0x11), bls());
  }

  private static Block block(long round, int payloadBytes) throws Exception {
    return new Block(
        AS, round, round, hash(0x11), 2, 1_000 + round, new byte[payloadBytes], qc(round - 1));
  }

  private static Proposal proposalWithTc() throws Exception {
    TimeoutCertificate tc =
        new TimeoutCertificate(
            AS,
            4,
            List.of(
                new TimeoutCertificate.Entry(0, 3, ed(0xa0)),
                new TimeoutCertificate.Entry(1, 2, ed(0xa1)),
                new TimeoutCertificate.Entry(3, 3, ed(0xa3))));
    return new Proposal(block(5, 3), tc, 2, ed(0x55));
  }

  private static List<ConsensusMessage> samples() throws Exception {
    return List.of(
        new Proposal(block(3, 0), null, 2, ed(0x33)),
        proposalWithTc(),
        new Vote(5, 5, hash(0x22), new PartialSignature(ShareIndex.of(3), bls()), 2, ed(0x44)),
        new Timeout(6, qc(4), null, 1, ed(0x66)),
        new Timeout(1, QuorumCertificate.genesis(Block.genesis(AS)), null, 0, ed(0x67)),
        new BlockRequest(9, hash(0x33), 4, 3),
        new BlockResponse(9, List.of(block(5, 1), block(6, 2)), 1),
        new Timeout(5, qc(3), proposalWithTc().timeoutCertificate(), 3, ed(0x68)));
  }

  // ---- golden vectors ----------------------------------------------------------------------

  @Test
  void blockRequest_hasItsGoldenEncoding() {
    byte[] bytes = codec.encode(new BlockRequest(9, hash(0x33), 4, 3));
    assertEquals(
        "0104" + "0000000000000009" + "33".repeat(32) + "0000000000000004" + "0003",
        HEX.formatHex(bytes));
  }

  @Test
  void vote_hasItsGoldenEncoding() throws Exception {
    byte[] bytes =
        codec.encode(
            new Vote(5, 6, hash(0x22), new PartialSignature(ShareIndex.of(3), bls()), 2, ed(0x44)));
    assertEquals(
        "0102"
            + "0000000000000005"
            + "0000000000000006"
            + "22".repeat(32)
            + "0003"
            + G1
            + "0002"
            + "44".repeat(64),
        HEX.formatHex(bytes));
  }

  @Test
  void timeoutWithGenesisCertificate_hasItsGoldenEncoding() throws Exception {
    Block genesis = Block.genesis(AS);
    byte[] bytes =
        codec.encode(new Timeout(1, QuorumCertificate.genesis(genesis), null, 0, ed(0x67)));
    assertEquals(
        "0103"
            + "0000000000000001"
            + "0007"
            + "0000000000000000"
            + "0000000000000000"
            + HEX.formatHex(genesis.hash().toBytes())
            + "00"
            + "00"
            + "0000"
            + "67".repeat(64),
        HEX.formatHex(bytes));
  }

  @Test
  void proposalWithTimeoutCertificate_hasItsGoldenEncoding() throws Exception {
    byte[] bytes = codec.encode(proposalWithTc());
    String qc = "0007" + "0000000000000004" + "0000000000000004" + "11".repeat(32) + "01" + G1;
    String block =
        "0007"
            + "0000000000000005"
            + "0000000000000005"
            + "11".repeat(32)
            + "0002"
            + "00000000000003ed"
            + "00000003"
            + "000000"
            + qc;
    String tc =
        "01"
            + "0007"
            + "0000000000000004"
            + "0003"
            + ("0000" + "0000000000000003" + "a0".repeat(64))
            + ("0001" + "0000000000000002" + "a1".repeat(64))
            + ("0003" + "0000000000000003" + "a3".repeat(64));
    assertEquals("0101" + block + tc + "0002" + "55".repeat(64), HEX.formatHex(bytes));
  }

  // ---- round trips -------------------------------------------------------------------------

  @Test
  void everyKind_roundTrips_toEqualMessageAndIdenticalBytes() throws Exception {
    for (ConsensusMessage message : samples()) {
      byte[] bytes = codec.encode(message);
      ConsensusMessage decoded = codec.decode(bytes);
      assertEquals(message, decoded);
      assertArrayEquals(bytes, codec.encode(decoded), message.toString());
    }
  }

  @Test
  void everyMessageOfARealClusterRun_roundTrips() throws Exception {
    TestCluster cluster = new TestCluster(4, 3);
    List<ConsensusMessage> seen = new ArrayList<>();
    cluster.byzantine(
        Set.of(0, 1, 2, 3),
        message -> {
          seen.add(message);
          return message;
        });
    cluster.silent.add(1);
    cluster.start();
    cluster.runFor(1_000 * TestCluster.MILLIS);
    Set<Class<?>> kinds = new HashSet<>();
    for (ConsensusMessage message : seen) {
      byte[] bytes = codec.encode(message);
      assertArrayEquals(bytes, codec.encode(codec.decode(bytes)), message.toString());
      kinds.add(message.getClass());
    }
    assertTrue(kinds.containsAll(Set.of(Proposal.class, Vote.class, Timeout.class)), "" + kinds);
  }

  // ---- malformed bytes ---------------------------------------------------------------------

  @Test
  void everyTruncation_isRejectedAsTruncated() throws Exception {
    for (ConsensusMessage message : samples()) {
      byte[] bytes = codec.encode(message);
      for (int length = 0; length < bytes.length; length++) {
        byte[] prefix = java.util.Arrays.copyOf(bytes, length);
        assertEquals(Reason.TRUNCATED, reasonFor(prefix), message + " cut at " + length);
      }
    }
  }

  @Test
  void anExtraByte_isRejectedAsTrailing() throws Exception {
    for (ConsensusMessage message : samples()) {
      byte[] bytes = codec.encode(message);
      byte[] longer = java.util.Arrays.copyOf(bytes, bytes.length + 1);
      assertEquals(Reason.TRAILING_BYTES, reasonFor(longer), message.toString());
    }
  }

  /**
   * Any single bit flip either fails with a typed reason or decodes to a different message whose
   * encoding is exactly the flipped bytes (canonical: one message, one encoding).
   */
  @Test
  void everyBitFlip_isRejectedWithAReason_orDecodesCanonically() throws Exception {
    int rejected = 0;
    List<ConsensusMessage> samples = samples();
    for (ConsensusMessage message : List.of(samples.get(0), samples.get(2), samples.get(3))) {
      byte[] bytes = codec.encode(message);
      for (int bit = 0; bit < bytes.length * 8; bit++) {
        byte[] flipped = bytes.clone();
        flipped[bit / 8] ^= (byte) (1 << (bit % 8));
        try {
          assertArrayEquals(flipped, codec.encode(codec.decode(flipped)), "bit " + bit);
        } catch (ConsensusDecodingException e) {
          rejected++;
        }
      }
    }
    assertTrue(rejected > 100, "flips rejected: " + rejected);
  }

  @Test
  void wrongVersion_unknownKind_andBadFlag_haveTheirReasons() throws Exception {
    byte[] vote = codec.encode(samples().get(2));
    byte[] version = vote.clone();
    version[0] = 2;
    assertEquals(Reason.UNSUPPORTED_VERSION, reasonFor(version));
    byte[] kind = vote.clone();
    kind[1] = 9;
    assertEquals(Reason.UNKNOWN_KIND, reasonFor(kind));
    byte[] timeout = codec.encode(samples().get(3));
    int flag = 2 + 8 + 2 + 8 + 8 + 32;
    timeout[flag] = 2;
    assertEquals(Reason.INVALID_VALUE, reasonFor(timeout));
    byte[] round = vote.clone();
    round[2] = (byte) 0x80;
    assertEquals(Reason.INVALID_VALUE, reasonFor(round));
    assertEquals(Reason.TRUNCATED, reasonFor(new byte[0]));
  }

  @Test
  void aShareThatIsNoCurvePoint_isABadSignatureEncoding() throws Exception {
    byte[] vote = codec.encode(samples().get(2));
    int share = 2 + 8 + 8 + 32 + 2;
    vote[share + 5] ^= 0x01;
    assertEquals(Reason.BAD_SIGNATURE_ENCODING, reasonFor(vote));
  }

  @Test
  void limits_bindMessageSize_payload_timeoutEntries_andResponseBlocks() throws Exception {
    ConsensusCodec small = new ConsensusCodec(new ConsensusCodec.Limits(4096, 8, 2, 1));
    byte[] bigPayload = codec.encode(new Proposal(block(3, 9), null, 2, ed(1)));
    assertEquals(Reason.OVER_LIMIT, reasonFor(small, bigPayload));
    assertEquals(Reason.OVER_LIMIT, reasonFor(small, codec.encode(proposalWithTc())));
    assertEquals(Reason.OVER_LIMIT, reasonFor(small, codec.encode(samples().get(6))));
    assertEquals(Reason.OVER_LIMIT, reasonFor(small, codec.encode(samples().get(7))));
    assertEquals(Reason.TOO_LARGE, reasonFor(small, new byte[4097]));
    assertThrows(IllegalArgumentException.class, () -> small.encode(proposalWithTc()));
  }

  @Test
  void aHugeDeclaredPayloadLength_isRejectedBeforeAllocation() throws Exception {
    byte[] proposal = codec.encode(samples().get(0));
    int length = 2 + 2 + 8 + 8 + 32 + 2 + 8;
    proposal[length] = (byte) 0x7f;
    assertEquals(Reason.OVER_LIMIT, reasonFor(proposal));
  }

  private Reason reasonFor(byte[] bytes) {
    return reasonFor(codec, bytes);
  }

  private static Reason reasonFor(ConsensusCodec codec, byte[] bytes) {
    return assertThrows(ConsensusDecodingException.class, () -> codec.decode(bytes)).reason();
  }
}
