package org.intertrust.gateway.protocol.wire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.intertrust.crypto.dealing.DealingRecord;
import org.intertrust.gateway.protocol.core.GatewayMessage;
import org.intertrust.gateway.protocol.replica.TransferTerms;
import org.intertrust.gateway.protocol.wire.GatewayDecodingException.Reason;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class GatewayCodecTest {
  /** The checked-in golden vectors, one {@code name hex} line per sample of {@link WireSamples}. */
  static final String GOLDEN = "gateway-wire-v1.hex";

  /** Set to rewrite the golden file from the current encoder (then review the diff). */
  private static final String REGENERATE = "intertrust.golden.regenerate";

  private static final HexFormat HEX = HexFormat.of();
  private static final GatewayCodec CODEC = new GatewayCodec();
  private static WireSamples samples;
  private static Map<String, GatewayMessage> all;
  private static Map<String, GatewayMessage> small;

  @BeforeAll
  static void build() throws Exception {
    samples = new WireSamples(4, 1, 2);
    all = samples.all();
    small = new WireSamples(1, 0, 1).all();
  }

  // ---- coverage ----------------------------------------------------------------------------

  @Test
  void everyGatewayMessageKind_hasASample() {
    Set<Class<?>> sampled = new HashSet<>();
    all.values().forEach(m -> sampled.add(m.getClass()));
    for (Class<?> kind : GatewayMessage.class.getPermittedSubclasses()) {
      assertTrue(sampled.contains(kind), kind + " has no wire sample: add it to WireSamples");
    }
  }

  // ---- golden vectors ----------------------------------------------------------------------

  @Test
  void dealingRequest_hasItsHandWrittenEncoding() {
    byte[] bytes = CODEC.encode(all.get("dealing-request"));
    assertEquals("0101" + HEX.formatHex(WireSamples.tx(1).hash().toBytes()), HEX.formatHex(bytes));
  }

  @Test
  void shareSubmission_laysOutItsFieldsInOrder() {
    GatewayMessage.ShareSubmission submission =
        (GatewayMessage.ShareSubmission) all.get("share-submission-lock");
    byte[] statement = submission.statement().encode();
    String expected =
        "0106"
            + String.format("%08x", statement.length)
            + HEX.formatHex(statement)
            + HEX.formatHex(submission.dealing().hash().toBytes())
            + HEX.formatHex(submission.share().sender().toBytes())
            + HEX.formatHex(submission.share().share().toBytes())
            + HEX.formatHex(submission.share().wrap().toBytes());
    assertEquals(expected, HEX.formatHex(CODEC.encode(submission)));
  }

  @Test
  void everySample_hasItsGoldenEncoding() throws Exception {
    Map<String, String> encoded = new LinkedHashMap<>();
    all.forEach((name, message) -> encoded.put(name, HEX.formatHex(CODEC.encode(message))));
    if (Boolean.getBoolean(REGENERATE)) {
      writeGolden(encoded);
    }
    Map<String, String> golden = readGolden();
    assertEquals(golden.keySet(), encoded.keySet());
    for (Map.Entry<String, String> entry : golden.entrySet()) {
      assertEquals(entry.getValue(), encoded.get(entry.getKey()), entry.getKey());
      GatewayMessage decoded = CODEC.decode(HEX.parseHex(entry.getValue()));
      assertEquals(all.get(entry.getKey()), decoded, entry.getKey());
    }
  }

  // ---- round trips -------------------------------------------------------------------------

  @Test
  void everyKind_roundTrips_toEqualMessageAndIdenticalBytes() throws Exception {
    for (Map.Entry<String, GatewayMessage> entry : all.entrySet()) {
      byte[] bytes = CODEC.encode(entry.getValue());
      GatewayMessage decoded = CODEC.decode(bytes);
      assertEquals(entry.getValue(), decoded, entry.getKey());
      assertEquals(entry.getValue().hashCode(), decoded.hashCode(), entry.getKey());
      assertArrayEquals(bytes, CODEC.encode(decoded), entry.getKey());
    }
  }

  @Test
  void transferTerms_roundTrip_andRejectTrailingBytes() throws Exception {
    TransferTerms terms = WireSamples.terms(5);
    byte[] bytes = GatewayCodec.encodeTerms(terms);
    assertEquals(terms, GatewayCodec.decodeTerms(bytes));
    assertEquals(terms.id(), GatewayCodec.decodeTerms(bytes).id());
    byte[] longer = Arrays.copyOf(bytes, bytes.length + 1);
    assertEquals(
        Reason.MALFORMED_TERMS,
        assertThrows(GatewayDecodingException.class, () -> GatewayCodec.decodeTerms(longer))
            .reason());
    for (int length = 0; length < bytes.length; length++) {
      byte[] prefix = Arrays.copyOf(bytes, length);
      assertThrows(GatewayDecodingException.class, () -> GatewayCodec.decodeTerms(prefix));
    }
  }

  // ---- malformed bytes ---------------------------------------------------------------------

  @Test
  void everyTruncation_isRejectedAsTruncated() {
    for (Map.Entry<String, GatewayMessage> entry : flipSamples().entrySet()) {
      byte[] bytes = CODEC.encode(entry.getValue());
      for (int length = 0; length < bytes.length; length++) {
        byte[] prefix = Arrays.copyOf(bytes, length);
        assertEquals(Reason.TRUNCATED, reasonFor(prefix), entry.getKey() + " cut at " + length);
      }
    }
  }

  @Test
  void anExtraByte_isRejectedAsTrailing() {
    for (Map.Entry<String, GatewayMessage> entry : all.entrySet()) {
      byte[] bytes = CODEC.encode(entry.getValue());
      byte[] longer = Arrays.copyOf(bytes, bytes.length + 1);
      assertEquals(Reason.TRAILING_BYTES, reasonFor(longer), entry.getKey());
    }
  }

  @Test
  void wrongVersion_andUnknownKinds_haveTheirReasons() {
    byte[] request = CODEC.encode(all.get("dealing-request"));
    for (int version : new int[] {0, 2, 255}) {
      byte[] changed = request.clone();
      changed[0] = (byte) version;
      assertEquals(Reason.UNSUPPORTED_VERSION, reasonFor(changed), "version " + version);
    }
    for (int kind : new int[] {0, 8, 255}) {
      byte[] changed = request.clone();
      changed[1] = (byte) kind;
      assertEquals(Reason.UNKNOWN_KIND, reasonFor(changed), "kind " + kind);
    }
    assertEquals(Reason.TRUNCATED, reasonFor(new byte[0]));
  }

  @Test
  void aDeadlineAtOrAbove2To63_isAnInvalidValue() {
    byte[] query = CODEC.encode(all.get("decision-query"));
    query[2 + 32 + 2] = (byte) 0x80;
    assertEquals(Reason.INVALID_VALUE, reasonFor(query));
  }

  @Test
  void oversizedLengthPrefixes_areOverLimit_beforeAnyAllocation() {
    byte[] notice = CODEC.encode(all.get("dealing-notice"));
    setLength(notice, 2 + 32, 0x7FFF_FFFF);
    assertEquals(Reason.OVER_LIMIT, reasonFor(notice));
    byte[] reply = CODEC.encode(all.get("decision-reply-direct"));
    setLength(reply, 2, CODEC.limits().maxProofBytes() + 1);
    assertEquals(Reason.OVER_LIMIT, reasonFor(reply));
    byte[] submission = CODEC.encode(all.get("share-submission-lock"));
    setLength(submission, 2, 0xFFFF_FFFFL);
    assertEquals(Reason.OVER_LIMIT, reasonFor(submission));
  }

  @Test
  void aLengthWithinItsBoundButBeyondTheInput_isTruncated_andAllocatesNothingLarge() {
    byte[] notice = Arrays.copyOf(CODEC.encode(all.get("dealing-notice")), 2 + 32 + 4 + 8);
    setLength(notice, 2 + 32, DealingRecord.MAX_RECORD_BYTES);
    long allocated = allocatedBytes(() -> assertEquals(Reason.TRUNCATED, reasonFor(notice)));
    assertTrue(allocated < 64 * 1024, "decoding 46 bytes allocated " + allocated + " bytes");
  }

  @Test
  void limits_bindMessageSize_dealingSize_andProofSize() {
    GatewayMessage relay = all.get("lock-relay-direct");
    byte[] bytes = CODEC.encode(relay);
    GatewayCodec tight = new GatewayCodec(GatewayCodec.Limits.forReplicas(4));
    assertEquals(relay, decode(tight, bytes));
    GatewayCodec small = new GatewayCodec(GatewayCodec.Limits.of(256, 256));
    assertEquals(Reason.TOO_LARGE, reasonFor(small, bytes));
    GatewayCodec roomy = new GatewayCodec(new GatewayCodec.Limits(1 << 20, 256, 16 * 1024));
    assertEquals(Reason.OVER_LIMIT, reasonFor(roomy, bytes));
    GatewayCodec shortProofs = new GatewayCodec(new GatewayCodec.Limits(1 << 20, 1 << 20, 64));
    assertEquals(Reason.OVER_LIMIT, reasonFor(shortProofs, bytes));
    assertThrows(IllegalArgumentException.class, () -> small.encode(relay));
    assertThrows(IllegalArgumentException.class, () -> new GatewayCodec.Limits(0, 1, 1));
    assertThrows(
        IllegalArgumentException.class,
        () -> GatewayCodec.Limits.of(DealingRecord.MAX_RECORD_BYTES + 1, 1));
  }

  @Test
  void corruptNestedValues_areRejectedWithTheirOwnReasons() {
    byte[] submission = CODEC.encode(all.get("share-submission-lock"));
    int statementStart = 2 + 4;
    byte[] statement = submission.clone();
    statement[statementStart] ^= 0x01; // the statement's magic
    assertEquals(Reason.MALFORMED_STATEMENT, reasonFor(statement));
    byte[] share = submission.clone();
    share[submission.length - 64 - 48 + 5] ^= 0x01; // inside the partial signature's G1 point
    assertEquals(Reason.BAD_KEY_OR_SIGNATURE_ENCODING, reasonFor(share));
    byte[] reply = CODEC.encode(all.get("decision-reply-direct"));
    reply[2 + 4] = 3; // the proof's kind
    assertEquals(Reason.MALFORMED_PROOF, reasonFor(reply));
    byte[] notice = CODEC.encode(all.get("dealing-notice"));
    notice[2 + 32 + 4 + 4] = 'X'; // the record's statement magic
    assertEquals(Reason.MALFORMED_DEALING, reasonFor(notice));
  }

  @Test
  void decodingOnlyParses_aForgedDealingDecodes_butIsNotSignedByItsDealer() throws Exception {
    GatewayMessage.DealingNotice notice = (GatewayMessage.DealingNotice) all.get("dealing-notice");
    byte[] bytes = CODEC.encode(notice);
    bytes[bytes.length - 1] ^= 0x01; // the last byte of the dealer's signature
    DealingRecord forged = ((GatewayMessage.DealingNotice) CODEC.decode(bytes)).record();
    assertNotEquals(notice.record(), forged);
    assertTrue(notice.record().signedBy(notice.record().dealerIdentity()));
    assertFalse(forged.signedBy(forged.dealerIdentity()));
  }

  /**
   * Any single bit flip either fails with a typed reason or decodes to a different message whose
   * encoding is exactly the flipped bytes (canonical: one message, one encoding). Never another
   * exception type. Every bit of every sample is flipped, except inside a dealing record whose
   * bytes were already flipped in an earlier sample (the same bytes, parsed by the same code):
   * there only its first {@value #RECORD_EDGE} bytes (length prefix and envelope) are flipped
   * again.
   */
  @Test
  void everyBitFlip_isRejectedWithAReason_orDecodesCanonically() {
    Map<Reason, Integer> rejected = new java.util.EnumMap<>(Reason.class);
    int accepted = 0;
    Set<String> flippedKinds = new HashSet<>();
    for (Map.Entry<String, GatewayMessage> entry : flipSamples().entrySet()) {
      byte[] bytes = CODEC.encode(entry.getValue());
      boolean[] skip = alreadyFlippedRecords(bytes, entry.getValue(), flippedKinds);
      for (int bit = 0; bit < bytes.length * 8; bit++) {
        if (skip[bit / 8]) {
          continue;
        }
        byte[] flipped = bytes.clone();
        flipped[bit / 8] ^= (byte) (1 << (bit % 8));
        try {
          GatewayMessage decoded = CODEC.decode(flipped);
          assertNotEquals(entry.getValue(), decoded, entry.getKey() + " bit " + bit);
          assertArrayEquals(flipped, CODEC.encode(decoded), entry.getKey() + " bit " + bit);
          accepted++;
        } catch (GatewayDecodingException e) {
          rejected.merge(e.reason(), 1, Integer::sum);
        }
      }
    }
    assertTrue(accepted > 100, "flips accepted: " + accepted);
    for (Reason reason :
        new Reason[] {
          Reason.UNSUPPORTED_VERSION,
          Reason.UNKNOWN_KIND,
          Reason.TRUNCATED,
          Reason.OVER_LIMIT,
          Reason.MALFORMED_STATEMENT,
          Reason.MALFORMED_PROOF,
          Reason.MALFORMED_DEALING,
          Reason.BAD_KEY_OR_SIGNATURE_ENCODING
        }) {
      assertTrue(rejected.getOrDefault(reason, 0) > 0, reason + " never seen: " + rejected);
    }
  }

  /** Bytes of a component flipped before, from its {@value #RECORD_EDGE}th byte on. */
  private static final int RECORD_EDGE = 16;

  private static boolean[] alreadyFlippedRecords(
      byte[] message, GatewayMessage decoded, Set<String> flippedKinds) {
    boolean[] skip = new boolean[message.length];
    Map<String, List<byte[]>> components = componentsOf(decoded);
    components.forEach(
        (kind, parts) -> {
          if (flippedKinds.contains(kind)) {
            for (byte[] part : parts) {
              int at = indexOf(message, part, 0);
              Arrays.fill(skip, at + RECORD_EDGE, at + part.length, true);
            }
          }
        });
    flippedKinds.addAll(components.keySet());
    return skip;
  }

  /**
   * The self-contained parts of {@code message} by kind: dealing records (parsed by {@code
   * DealingRecord.parse} whichever message carries them) and wrapped shares.
   */
  private static Map<String, List<byte[]>> componentsOf(GatewayMessage message) {
    if (message instanceof GatewayMessage.DealingNotice notice) {
      return Map.of("record", List.of(notice.record().toBytes()));
    } else if (message instanceof GatewayMessage.LockRelay relay) {
      return Map.of(
          "record", List.of(relay.lockDealing().toBytes(), relay.decisionDealing().toBytes()));
    } else if (message instanceof GatewayMessage.DecisionQuery query) {
      return Map.of("record", List.of(query.decisionDealing().toBytes()));
    } else if (message instanceof GatewayMessage.DealingDelivery delivery) {
      return Map.of("record", List.of(delivery.record().toBytes()));
    } else if (message instanceof GatewayMessage.ShareSubmission submission) {
      byte[] sender = submission.share().sender().toBytes();
      byte[] share = submission.share().share().toBytes();
      byte[] wrap = submission.share().wrap().toBytes();
      byte[] wrapped = new byte[sender.length + share.length + wrap.length];
      System.arraycopy(sender, 0, wrapped, 0, sender.length);
      System.arraycopy(share, 0, wrapped, sender.length, share.length);
      System.arraycopy(wrap, 0, wrapped, sender.length + share.length, wrap.length);
      return Map.of("share", List.of(wrapped));
    }
    return Map.of();
  }

  private static int indexOf(byte[] haystack, byte[] needle, int from) {
    outer:
    for (int i = from; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  static java.util.stream.LongStream mutationSeeds() {
    return java.util.stream.LongStream.range(0, 60);
  }

  /**
   * Seeded random damage beyond single flips (a run of random bytes, a byte inserted, a range cut
   * out, a length prefix set to a random value): refused with a typed reason or decoded
   * canonically, never another exception.
   */
  @ParameterizedTest
  @MethodSource("mutationSeeds")
  void randomDamage_isRejectedWithAReason_orDecodesCanonically(long seed) {
    java.util.SplittableRandom random = new java.util.SplittableRandom(seed);
    for (Map.Entry<String, GatewayMessage> entry : flipSamples().entrySet()) {
      byte[] bytes = CODEC.encode(entry.getValue());
      byte[] damaged = damage(bytes, random);
      try {
        GatewayMessage decoded = CODEC.decode(damaged);
        assertArrayEquals(damaged, CODEC.encode(decoded), entry.getKey() + " seed " + seed);
      } catch (GatewayDecodingException e) {
        assertTrue(e.reason() != null, entry.getKey());
      }
    }
  }

  private static byte[] damage(byte[] bytes, java.util.SplittableRandom random) {
    int at = random.nextInt(bytes.length);
    switch (random.nextInt(4)) {
      case 0:
        byte[] overwritten = bytes.clone();
        int run = 1 + random.nextInt(Math.min(16, bytes.length - at));
        for (int i = 0; i < run; i++) {
          overwritten[at + i] = (byte) random.nextInt(256);
        }
        return overwritten;
      case 1:
        byte[] inserted = new byte[bytes.length + 1];
        System.arraycopy(bytes, 0, inserted, 0, at);
        inserted[at] = (byte) random.nextInt(256);
        System.arraycopy(bytes, at, inserted, at + 1, bytes.length - at);
        return inserted;
      case 2:
        int cut = 1 + random.nextInt(bytes.length - at);
        byte[] shorter = new byte[bytes.length - cut];
        System.arraycopy(bytes, 0, shorter, 0, at);
        System.arraycopy(bytes, at + cut, shorter, at, bytes.length - at - cut);
        return shorter;
      default:
        byte[] length = bytes.clone();
        if (at + 4 <= length.length) {
          setLength(length, at, random.nextLong(1L << 32));
        }
        return length;
    }
  }

  /** The flip samples: every kind, with one-replica dealings so that each decode stays cheap. */
  private static Map<String, GatewayMessage> flipSamples() {
    return small;
  }

  // ---- helpers -----------------------------------------------------------------------------

  private static void setLength(byte[] bytes, int offset, long length) {
    for (int i = 0; i < 4; i++) {
      bytes[offset + i] = (byte) (length >>> (24 - 8 * i));
    }
  }

  private static long allocatedBytes(Runnable action) {
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long thread = Thread.currentThread().getId();
    long before = threads.getThreadAllocatedBytes(thread);
    action.run();
    return threads.getThreadAllocatedBytes(thread) - before;
  }

  private static GatewayMessage decode(GatewayCodec codec, byte[] bytes) {
    try {
      return codec.decode(bytes);
    } catch (GatewayDecodingException e) {
      throw new AssertionError(e);
    }
  }

  private static Reason reasonFor(byte[] bytes) {
    return reasonFor(CODEC, bytes);
  }

  private static Reason reasonFor(GatewayCodec codec, byte[] bytes) {
    return assertThrows(GatewayDecodingException.class, () -> codec.decode(bytes)).reason();
  }

  private static Map<String, String> readGolden() throws IOException {
    Map<String, String> golden = new LinkedHashMap<>();
    try (InputStream in = GatewayCodecTest.class.getResourceAsStream(GOLDEN)) {
      assertTrue(in != null, "missing golden file " + GOLDEN);
      for (String line : new String(in.readAllBytes(), StandardCharsets.US_ASCII).split("\n")) {
        if (!line.isBlank() && !line.startsWith("#")) {
          String[] parts = line.trim().split(" ");
          golden.put(parts[0], parts[1]);
        }
      }
    }
    return golden;
  }

  private static void writeGolden(Map<String, String> encoded) throws IOException {
    StringBuilder out =
        new StringBuilder(
            "# Gateway wire format v1 (GatewayCodec): one sample per kind and variant, see"
                + " WireSamples.\n# name hex\n");
    encoded.forEach((name, hex) -> out.append(name).append(' ').append(hex).append('\n'));
    Path file = Path.of("src/test/resources/org/intertrust/gateway/protocol/wire", GOLDEN);
    Files.createDirectories(file.getParent());
    Files.writeString(file, out.toString(), StandardCharsets.US_ASCII);
  }
}
