package org.intertrust.sim.crossas;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.intertrust.consensus.BlockHash;
import org.intertrust.consensus.ConsensusCodec;
import org.intertrust.consensus.ConsensusMessage;
import org.intertrust.crypto.encoding.AsId;
import org.intertrust.gateway.protocol.core.GatewayMessage;
import org.intertrust.gateway.protocol.replica.TransferTerms;
import org.intertrust.gateway.protocol.wire.GatewayCodec;
import org.intertrust.ledger.value.AccountId;
import org.intertrust.ledger.value.Amount;
import org.intertrust.ledger.value.AssetId;
import org.intertrust.ledger.value.ConsensusTime;
import org.intertrust.ledger.value.CrossAsTxId;
import org.intertrust.ledger.value.Hash32;
import org.intertrust.ledger.value.Nonce;
import org.intertrust.sim.consensus.AsMessage;
import org.intertrust.sim.crossas.CrossAsDecodingException.Reason;
import org.intertrust.sim.crossas.CrossAsScenario.Carriage;
import org.intertrust.sim.crossas.CrossAsScenario.Fault;
import org.intertrust.sim.crossas.CrossAsScenario.Options;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@link CrossAsWire}: the envelope's golden bytes, round trips of every kind (samples from a real
 * run with a partition, so decision queries occur too), truncation, trailing bytes, bit flips, and
 * the nested codecs' reasons surfacing as typed reasons.
 */
class CrossAsWireTest {
  private static final HexFormat HEX = HexFormat.of();
  private static final CrossAsWire WIRE = new CrossAsWire(new ConsensusCodec(), new GatewayCodec());
  private static Map<String, CrossAsMessage> harvested;

  @BeforeAll
  static void harvest() {
    Options options =
        Options.transfers(6, 3)
            .withFaults(EnumSet.of(Fault.PARTITION))
            .withDealing(org.intertrust.crypto.dealing.DealingContext.Mode.PER_TRANSACTION);
    options =
        new Options(
            options.n(),
            options.gatewaysPerAs(),
            options.transactions(),
            options.seed(),
            options.dealing(),
            false,
            EnumSet.allOf(CrossAsScenario.Kind.class),
            options.faults(),
            options.intervalMillis(),
            600,
            8_000);
    CrossAsScenario.Run run = CrossAsScenario.runWorld(options, Carriage.ALL_BYTES_CHECKED);
    assertEquals(0, run.world().stats().rejections(WireNode.MISMATCH), "" + run.summary());
    Map<String, CrossAsMessage> carried = new LinkedHashMap<>(run.world().stats().firstCarried());
    Options batched =
        Options.transfers(4, 5)
            .withDealing(org.intertrust.crypto.dealing.DealingContext.Mode.PER_SESSION);
    batched =
        new Options(
            batched.n(),
            batched.gatewaysPerAs(),
            batched.transactions(),
            batched.seed(),
            batched.dealing(),
            true,
            batched.kinds(),
            batched.faults(),
            5,
            batched.deadlineMillis(),
            batched.maxVirtualMillis());
    CrossAsScenario.Run batchRun = CrossAsScenario.runWorld(batched, Carriage.ALL_BYTES_CHECKED);
    assertEquals(
        0, batchRun.world().stats().rejections(WireNode.MISMATCH), "" + batchRun.summary());
    batchRun.world().stats().firstCarried().forEach(carried::putIfAbsent);
    harvested = carried;
  }

  private static CrossAsTxId tx() {
    return new CrossAsTxId(Hash32.of(new byte[32]));
  }

  private static TransferTerms terms() {
    return new TransferTerms(
        new AsId(1),
        new AsId(2),
        AccountId.fromBytes(new byte[32]),
        AssetId.of("coin"),
        new Amount(7),
        ConsensusTime.ofMillis(9),
        new Nonce(1));
  }

  /** Small hand-built samples whose every bit is flipped. */
  private static Map<String, CrossAsMessage> small() {
    Map<String, CrossAsMessage> small = new LinkedHashMap<>();
    small.put(
        "consensus",
        new CrossAsMessage.Local(
            new AsMessage.Consensus(
                new ConsensusMessage.BlockRequest(9, BlockHash.of(new byte[32]), 4, 3))));
    small.put(
        "client-transaction",
        new CrossAsMessage.Local(new AsMessage.ClientTransaction(new byte[] {1, 2, 3})));
    small.put("protocol", new CrossAsMessage.Protocol(new GatewayMessage.DealingRequest(tx())));
    small.put(
        "between-gateways",
        new CrossAsMessage.BetweenGateways(
            new GatewayMessage.DealingRequest(tx()), Optional.of(terms())));
    small.put(
        "between-gateways-no-terms",
        new CrossAsMessage.BetweenGateways(
            new GatewayMessage.DealingRequest(tx()), Optional.empty()));
    small.put("request", new CrossAsMessage.Request(new byte[] {4, 5}, terms()));
    return small;
  }

  // ---- golden vectors ----------------------------------------------------------------------

  @Test
  void theEnvelopes_haveTheirGoldenEncodings() {
    String txHex = "00".repeat(32);
    String dealingRequest = "0101" + txHex;
    String termsHex =
        "01" + String.format("%08x", terms().encode().length) + HEX.formatHex(terms().encode());
    String termsLength = String.format("%08x", termsHex.length() / 2);
    Map<String, String> expected = new LinkedHashMap<>();
    expected.put(
        "consensus",
        "0101" + "00000034" + "0104" + "0000000000000009" + txHex + "0000000000000004" + "0003");
    expected.put("client-transaction", "0102" + "00000003" + "010203");
    expected.put("protocol", "0105" + "00000022" + dealingRequest);
    expected.put(
        "between-gateways", "0106" + "00000022" + dealingRequest + "01" + termsLength + termsHex);
    expected.put("between-gateways-no-terms", "0106" + "00000022" + dealingRequest + "00");
    expected.put("request", "0107" + "00000002" + "0405" + termsLength + termsHex);
    small()
        .forEach(
            (name, message) ->
                assertEquals(expected.get(name), HEX.formatHex(WIRE.encode(message))));
  }

  // ---- round trips -------------------------------------------------------------------------

  /**
   * The runs (a partition with per-transaction certificates, and batching) carry every envelope
   * kind and every gateway message but DecisionQuery: in this run the source gateway's query after
   * the deadline falls inside the partition (cut at departure), and the lock relay it resends after
   * the partition gets the decision. GatewayCodecTest covers the query's encoding.
   */
  @Test
  void aRunWithAPartition_carriesEveryKindAsBytes() {
    for (String kind :
        Set.of(
            "Local/Consensus",
            "Local/ClientTransaction",
            "Local/Share",
            "Local/Certificate",
            "Protocol/ShareSubmission",
            "Protocol/DealingDelivery",
            "BetweenGateways/LockRelay",
            "BetweenGateways/DecisionReply",
            "BatchShare",
            "Handshake",
            "Request")) {
      assertTrue(harvested.containsKey(kind), kind + " not carried: " + harvested.keySet());
    }
  }

  @Test
  void everyKind_roundTrips_toEqualMessageAndIdenticalBytes() throws Exception {
    Map<String, CrossAsMessage> all = new LinkedHashMap<>(small());
    all.putAll(harvested);
    for (Map.Entry<String, CrossAsMessage> entry : all.entrySet()) {
      byte[] bytes = WIRE.encode(entry.getValue());
      CrossAsMessage decoded = WIRE.decode(bytes);
      if (!(decoded instanceof CrossAsMessage.Handshake)) {
        // Handshake steps hold byte arrays and evidence without value equality: bytes only.
        assertEquals(entry.getValue(), decoded, entry.getKey());
        assertEquals(entry.getValue().hashCode(), decoded.hashCode(), entry.getKey());
      }
      assertArrayEquals(bytes, WIRE.encode(decoded), entry.getKey());
    }
  }

  @Test
  void aByzantineConsensusWire_travelsAsItsBytes_andDecodesOrIsRefused() throws Exception {
    ConsensusMessage request =
        new ConsensusMessage.BlockRequest(1, BlockHash.of(new byte[32]), 0, 2);
    byte[] valid = new ConsensusCodec().encode(request);
    CrossAsMessage good = new CrossAsMessage.Local(new AsMessage.Wire(valid));
    assertEquals(
        new CrossAsMessage.Local(new AsMessage.Consensus(request)), WIRE.decode(WIRE.encode(good)));
    byte[] broken = Arrays.copyOf(valid, valid.length - 1);
    CrossAsDecodingException e =
        assertThrows(
            CrossAsDecodingException.class,
            () -> WIRE.decode(WIRE.encode(new CrossAsMessage.Local(new AsMessage.Wire(broken)))));
    assertEquals(Reason.CONSENSUS, e.reason());
    assertEquals("CONSENSUS/TRUNCATED", e.label());
  }

  // ---- malformed bytes ---------------------------------------------------------------------

  @Test
  void everyTruncation_isRejectedAsTruncated() {
    Map<String, CrossAsMessage> all = new LinkedHashMap<>(small());
    all.putAll(harvested);
    for (Map.Entry<String, CrossAsMessage> entry : all.entrySet()) {
      byte[] bytes = WIRE.encode(entry.getValue());
      for (int length = 0; length < bytes.length; length++) {
        byte[] prefix = Arrays.copyOf(bytes, length);
        assertEquals(Reason.TRUNCATED, reasonFor(prefix), entry.getKey() + " cut at " + length);
      }
    }
  }

  @Test
  void anExtraByte_isRejectedAsTrailing() {
    Map<String, CrossAsMessage> all = new LinkedHashMap<>(small());
    all.putAll(harvested);
    for (Map.Entry<String, CrossAsMessage> entry : all.entrySet()) {
      byte[] longer =
          Arrays.copyOf(WIRE.encode(entry.getValue()), WIRE.encode(entry.getValue()).length + 1);
      assertEquals(Reason.TRAILING_BYTES, reasonFor(longer), entry.getKey());
    }
  }

  @Test
  void wrongVersion_unknownKind_badFlag_andOversizedLengths_haveTheirReasons() {
    byte[] between = WIRE.encode(small().get("between-gateways"));
    byte[] version = between.clone();
    version[0] = 2;
    assertEquals(Reason.UNSUPPORTED_VERSION, reasonFor(version));
    for (int kind : new int[] {0, 11, 255}) {
      byte[] changed = between.clone();
      changed[1] = (byte) kind;
      assertEquals(Reason.UNKNOWN_KIND, reasonFor(changed), "kind " + kind);
    }
    byte[] flag = between.clone();
    flag[2 + 4 + 34] = 2;
    assertEquals(Reason.INVALID_VALUE, reasonFor(flag));
    byte[] length = between.clone();
    length[2] = (byte) 0x7f;
    assertEquals(Reason.OVER_LIMIT, reasonFor(length));
    byte[] nested = between.clone();
    nested[2 + 4 + 1] = 9; // the gateway message's kind
    CrossAsDecodingException e =
        assertThrows(CrossAsDecodingException.class, () -> WIRE.decode(nested));
    assertEquals("GATEWAY/UNKNOWN_KIND", e.label());
    assertEquals(Reason.TOO_LARGE, reasonFor(new byte[WIRE.maxMessageBytes() + 1]));
    assertEquals(Reason.TRUNCATED, reasonFor(new byte[0]));
  }

  /**
   * Every single bit flip of the small samples and of the harvested execution share and certificate
   * is refused with a typed reason or decodes to a different message with exactly those bytes. (The
   * nested codecs flip every bit of their own messages in their own tests.)
   */
  @Test
  void everyBitFlip_isRejectedWithAReason_orDecodesCanonically() {
    Map<String, CrossAsMessage> all = new LinkedHashMap<>(small());
    all.put("share", harvested.get("Local/Share"));
    all.put("certificate", harvested.get("Local/Certificate"));
    int rejected = 0;
    for (Map.Entry<String, CrossAsMessage> entry : all.entrySet()) {
      byte[] bytes = WIRE.encode(entry.getValue());
      for (int bit = 0; bit < bytes.length * 8; bit++) {
        byte[] flipped = bytes.clone();
        flipped[bit / 8] ^= (byte) (1 << (bit % 8));
        try {
          CrossAsMessage decoded = WIRE.decode(flipped);
          assertNotEquals(entry.getValue(), decoded, entry.getKey() + " bit " + bit);
          assertArrayEquals(flipped, WIRE.encode(decoded), entry.getKey() + " bit " + bit);
        } catch (CrossAsDecodingException e) {
          rejected++;
        }
      }
    }
    assertTrue(rejected > 100, "flips rejected: " + rejected);
  }

  @Test
  void aReceiver_decodesWireBytes_andCountsWhatDoesNotDecode_withoutPassingItOn() {
    java.util.List<CrossAsMessage> delivered = new java.util.ArrayList<>();
    org.intertrust.sim.SimNode<CrossAsMessage> recorder =
        new org.intertrust.sim.SimNode<>() {
          @Override
          public void onStart(org.intertrust.sim.NodeContext<CrossAsMessage> context) {}

          @Override
          public void onMessage(int from, CrossAsMessage message) {
            delivered.add(message);
          }

          @Override
          public void onTimer(org.intertrust.sim.SimTimer timer) {}
        };
    CrossAsStats stats = new CrossAsStats();
    WireNode node = new WireNode(recorder, WIRE, m -> true, stats, false);
    CrossAsMessage request = small().get("request");
    CrossAsMessage sent = node.outgoing(request);
    assertTrue(sent instanceof CrossAsMessage.Wire, "" + sent);
    assertEquals(request.toString(), sent.toString());
    node.onMessage(7, sent);
    byte[] broken = ((CrossAsMessage.Wire) sent).bytes();
    broken[0] = 9;
    node.onMessage(7, new CrossAsMessage.Wire(broken, "broken"));
    byte[] nested = WIRE.encode(small().get("protocol"));
    nested[nested.length - 33] = 0x7f; // the gateway message's kind
    node.onMessage(7, new CrossAsMessage.Wire(nested, "bad kind"));
    assertEquals(java.util.List.of(request), delivered);
    assertEquals(1, stats.rejections("WIRE_UNSUPPORTED_VERSION"));
    assertEquals(1, stats.rejections("WIRE_GATEWAY/UNKNOWN_KIND"));
    assertEquals(Map.of("Request", 1L), stats.carried());
  }

  private static Reason reasonFor(byte[] bytes) {
    return assertThrows(CrossAsDecodingException.class, () -> WIRE.decode(bytes)).reason();
  }
}
