package org.intertrust.ledger.tx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.intertrust.ledger.testing.Fixtures;
import org.intertrust.ledger.tx.TransactionDecodingException.Reason;
import org.intertrust.ledger.value.Amount;
import org.intertrust.ledger.value.AssetId;
import org.intertrust.ledger.value.CertificateBytes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class TransactionCodecTest {

  private static final HexFormat HEX = HexFormat.of();

  static Stream<Transaction> samples() {
    return Fixtures.samples().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("samples")
  void decode_ofEncode_returnsEqualTransactionAndSameBytes(Transaction tx) throws Exception {
    byte[] encoded = TransactionCodec.encode(tx);
    Transaction decoded = TransactionCodec.decode(encoded);
    assertEquals(tx, decoded);
    assertArrayEquals(encoded, TransactionCodec.encode(decoded));
  }

  @Test
  void samples_coverEveryKind() {
    List<TransactionKind> kinds = Fixtures.samples().stream().map(Transaction::kind).toList();
    assertEquals(List.of(TransactionKind.values()), kinds);
  }

  /** SHA-256 of each sample's encoding, pinned: a change here is a wire-format change. */
  static Stream<Object[]> goldenTxIds() {
    return Stream.of(GOLDEN_TX_IDS).map(row -> new Object[] {row[0], row[1]});
  }

  private static final String[][] GOLDEN_TX_IDS = {
    {"GENESIS_ALLOCATION", "ffb9876e5da1927ec63b51e04bccd595065177d1359bd5b0622b9ebe94898e04"},
    {"TRANSFER", "b716b2b7a9a2c6445a1b08b07fe82a042586bd4dd91cd7118fdfe25ca65c4e01"},
    {"ESCROW_LOCK", "e7577d1c0fb93f8b89f6f60dc1f8bcf3b12ce3326ba38a2c18b1eef7bd3e8590"},
    {"ESCROW_FINALIZE", "d70b1f6d29bbebba6420c94dff898ae80673c60173d67929748782587bd53f85"},
    {"ESCROW_REFUND", "d28a9c8edb2a0522513c6407a9c7d3c8eef0077eb018cd14373a14f4139a7966"},
    {"VOUCHER_MINT", "56a66282277e3503f15d9a9820323df672d28e0e46d3091df77e3766b7809e37"},
    {"VOUCHER_BURN", "96d12bd53df7c1146be527d116509cd0d43d40828d556562bd560c294bda4db8"},
    {"DECISION_RECORD", "82e0bfd3e486b0b1ba431aa913aa00f311df18f74ec007d3e5ab9d8d9bd03ef7"},
    {"EXPIRE_ENTRY", "a59a3ed3f5608103fab6157d03355bc93b353a8f90b7c2c4ce60f05ecf7dba4f"},
    {"MESSAGE_DELIVERY", "f917b7f21760a655abaf6ffa70c2822ce06d337e93109122fd395104d42c8ec4"},
    {"SWAP_LOCK", "f294fde4634740434406ec77ffec492d9c54a0fc2fa98536cfbea2aec3ad1ed2"},
    {"MESSAGE_SEND", "8cdce44d124b981d0f21bc1047f729a0fa0557df8695bd66cd906815b5eb7373"},
    {"SWAP_EXECUTE", "7df5449961462fddd17740089c4782cf1f6d2a0c9e82c9ffcc7c79fe724f2445"},
  };

  @ParameterizedTest(name = "{0}")
  @MethodSource("goldenTxIds")
  void txId_ofEachSample_matchesGoldenVector(String kind, String expectedHex) {
    Transaction tx =
        Fixtures.samples().stream()
            .filter(t -> t.kind().name().equals(kind))
            .findFirst()
            .orElseThrow();
    assertEquals(expectedHex, TransactionCodec.txId(tx).hash().toHex());
  }

  @Test
  void encode_ofEscrowRefund_matchesGoldenLayout() {
    EscrowRefund refund = new EscrowRefund(Fixtures.AS_X, Fixtures.crossId(2), Fixtures.CERT);
    String expected =
        "495458" // magic "ITX"
            + "01" // version
            + "12" // kind ESCROW_REFUND
            + "0001" // chain AS-1
            + Fixtures.crossId(2).hash().toHex()
            + "00000004" // certificate length
            + "01020304";
    assertEquals(expected, HEX.formatHex(TransactionCodec.encode(refund)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("samples")
  void decode_rejectsEveryTruncation(Transaction tx) {
    byte[] encoded = TransactionCodec.encode(tx);
    for (int length = 0; length < encoded.length; length++) {
      byte[] prefix = Arrays.copyOf(encoded, length);
      TransactionDecodingException e =
          assertThrows(TransactionDecodingException.class, () -> TransactionCodec.decode(prefix));
      assertEquals(Reason.TRUNCATED, e.reason(), "prefix of " + length);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("samples")
  void decode_rejectsTrailingBytes(Transaction tx) {
    byte[] encoded = TransactionCodec.encode(tx);
    byte[] longer = Arrays.copyOf(encoded, encoded.length + 1);
    assertReason(Reason.TRAILING_BYTES, longer);
  }

  @Test
  void decode_rejectsBadMagicAndVersion() {
    byte[] encoded = TransactionCodec.encode(Fixtures.samples().get(1));
    byte[] badMagic = encoded.clone();
    badMagic[0] = 'X';
    assertReason(Reason.BAD_MAGIC, badMagic);
    byte[] badVersion = encoded.clone();
    badVersion[3] = 2;
    assertReason(Reason.BAD_VERSION, badVersion);
  }

  static IntStream unusedKindTags() {
    return IntStream.range(0, 256).filter(tag -> TransactionKind.fromTag(tag).isEmpty());
  }

  @ParameterizedTest
  @MethodSource("unusedKindTags")
  void decode_rejectsUnknownKindTag(int tag) {
    byte[] encoded = TransactionCodec.encode(Fixtures.samples().get(1));
    encoded[4] = (byte) tag;
    assertReason(Reason.UNKNOWN_KIND, encoded);
  }

  @Test
  void decode_rejectsInputLargerThanTheBound() {
    assertReason(Reason.OVERSIZED, new byte[TransactionCodec.MAX_ENCODED_SIZE + 1]);
  }

  @Test
  void decode_rejectsCertificateLengthAboveItsBound() {
    EscrowRefund refund =
        new EscrowRefund(Fixtures.AS_X, Fixtures.crossId(2), CertificateBytes.EMPTY);
    byte[] encoded = TransactionCodec.encode(refund);
    int lengthOffset = encoded.length - 4;
    int tooLong = CertificateBytes.MAX_LENGTH + 1;
    encoded[lengthOffset] = (byte) (tooLong >>> 24);
    encoded[lengthOffset + 1] = (byte) (tooLong >>> 16);
    encoded[lengthOffset + 2] = (byte) (tooLong >>> 8);
    encoded[lengthOffset + 3] = (byte) tooLong;
    assertReason(Reason.FIELD_TOO_LARGE, encoded);
  }

  @Test
  void messagePayload_isBoundedTo16KiB() {
    MessagePayload largest = MessagePayload.of(new byte[MessagePayload.MAX_LENGTH]);
    MessageDelivery delivery =
        new MessageDelivery(Fixtures.AS_Y, Fixtures.messageTerms(), largest, Fixtures.CERT);
    assertEquals(delivery, decodeUnchecked(TransactionCodec.encode(delivery)));
    assertThrows(
        IllegalArgumentException.class,
        () -> MessagePayload.of(new byte[MessagePayload.MAX_LENGTH + 1]));
  }

  @Test
  void decode_rejectsMessagePayloadLengthAboveItsBound() {
    MessageDelivery delivery =
        new MessageDelivery(
            Fixtures.AS_Y, Fixtures.messageTerms(), Fixtures.PAYLOAD, CertificateBytes.EMPTY);
    byte[] encoded = TransactionCodec.encode(delivery);
    int lengthOffset = encoded.length - 4 - 4 - Fixtures.PAYLOAD.length();
    int tooLong = MessagePayload.MAX_LENGTH + 1;
    assertEquals(Fixtures.PAYLOAD.length(), encoded[lengthOffset + 3]);
    encoded[lengthOffset] = (byte) (tooLong >>> 24);
    encoded[lengthOffset + 1] = (byte) (tooLong >>> 16);
    encoded[lengthOffset + 2] = (byte) (tooLong >>> 8);
    encoded[lengthOffset + 3] = (byte) tooLong;
    assertReason(Reason.FIELD_TOO_LARGE, encoded);
  }

  @Test
  void encode_ofMessageSend_matchesGoldenLayout() {
    MessageSend send = (MessageSend) Fixtures.samples().get(11);
    String expected =
        "495458" // magic "ITX"
            + "01" // version
            + "19" // kind MESSAGE_SEND
            + "0001" // chain AS-1
            + "0001" // terms: source AS-1
            + "0002" // destination AS-2
            + HEX.formatHex(Fixtures.account(0).toBytes()) // sender
            + "00000009" // inbox name length
            + HEX.formatHex("app.inbox".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
            + Fixtures.PAYLOAD.hash().toHex() // payload hash
            + "0000000000001388" // deadline 5000 ms
            + "0000000000000000" // nonce 0
            + HEX.formatHex(send.signature().toBytes());
    assertEquals(expected, HEX.formatHex(TransactionCodec.encode(send)));
  }

  private static Transaction decodeUnchecked(byte[] encoded) {
    try {
      return TransactionCodec.decode(encoded);
    } catch (TransactionDecodingException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void decode_rejectsGenesisWithTooManyAllocations() {
    byte[] encoded = TransactionCodec.encode(new GenesisAllocation(Fixtures.AS_X, List.of()));
    encoded[encoded.length - 2] = 0x04; // count = 1024 + 1 written as 0x00000401
    encoded[encoded.length - 1] = 0x01;
    assertReason(Reason.FIELD_TOO_LARGE, encoded);
  }

  @Test
  void encode_ofLargestGenesisWithLongestDenominationsFitsTheBound() throws Exception {
    List<GenesisAllocation.Allocation> allocations = new ArrayList<>();
    AssetId longest = AssetId.of("A".repeat(64));
    for (int i = 0; i < GenesisAllocation.MAX_ALLOCATIONS; i++) {
      allocations.add(new GenesisAllocation.Allocation(Fixtures.account(0), longest, Amount.of(i)));
    }
    GenesisAllocation largest = new GenesisAllocation(Fixtures.AS_X, allocations);
    assertEquals(largest, TransactionCodec.decode(TransactionCodec.encode(largest)));
  }

  @Test
  void decode_rejectsUnknownDecisionTag() {
    DecisionRecord record = (DecisionRecord) Fixtures.samples().get(7);
    byte[] encoded = TransactionCodec.encode(record);
    int decisionOffset = 3 + 1 + 1 + 2 + 32 + 2;
    assertEquals(Decision.RELEASE.tag(), encoded[decisionOffset]);
    encoded[decisionOffset] = 9;
    assertReason(Reason.INVALID_VALUE, encoded);
  }

  @Test
  void decode_rejectsAssetWithForeignCharacters() {
    byte[] encoded = TransactionCodec.encode(Fixtures.samples().get(1));
    int assetOffset = 3 + 1 + 1 + 2 + 32 + 32 + 4;
    assertEquals('G', encoded[assetOffset]);
    encoded[assetOffset] = ' ';
    assertReason(Reason.INVALID_VALUE, encoded);
  }

  static LongStream seeds() {
    return LongStream.range(0, 40);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void decode_ofRandomlyCorruptedInput_failsOnlyWithTypedReason(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    List<Transaction> samples = Fixtures.samples();
    byte[] encoded = TransactionCodec.encode(samples.get(random.nextInt(samples.size())));
    for (int round = 0; round < 50; round++) {
      byte[] corrupted = encoded.clone();
      int flips = 1 + random.nextInt(4);
      for (int i = 0; i < flips; i++) {
        corrupted[random.nextInt(corrupted.length)] ^= (byte) (1 + random.nextInt(255));
      }
      try {
        Transaction decoded = TransactionCodec.decode(corrupted);
        assertArrayEquals(corrupted, TransactionCodec.encode(decoded), "seed " + seed);
      } catch (TransactionDecodingException e) {
        assertNotNull(e.reason(), "seed " + seed);
      }
    }
  }

  private static void assertReason(Reason expected, byte[] input) {
    TransactionDecodingException e =
        assertThrows(TransactionDecodingException.class, () -> TransactionCodec.decode(input));
    assertEquals(expected, e.reason(), e.getMessage());
  }
}
