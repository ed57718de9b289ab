package org.intertrust.crypto.encoding;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class SigningDomainTest {

  private record Pinned(int tag, String dst) {}

  /** The wire constants. Changing any entry invalidates every signature made in that domain. */
  private static final Map<SigningDomain, Pinned> PINNED = new EnumMap<>(SigningDomain.class);

  static {
    pin(SigningDomain.CONSENSUS_PREPARE, 0x01, "CONSENSUS_PREPARE");
    pin(SigningDomain.CONSENSUS_COMMIT, 0x02, "CONSENSUS_COMMIT");
    pin(SigningDomain.CONSENSUS_VIEW_CHANGE, 0x03, "CONSENSUS_VIEW_CHANGE");
    pin(SigningDomain.EXECUTION, 0x04, "EXECUTION");
    pin(SigningDomain.CROSS_AS_LOCK, 0x10, "CROSS_AS_LOCK");
    pin(SigningDomain.CROSS_AS_DECISION, 0x11, "CROSS_AS_DECISION");
    pin(SigningDomain.CROSS_AS_BATCH, 0x12, "CROSS_AS_BATCH");
    pin(SigningDomain.CLIENT_TRANSACTION, 0x20, "CLIENT_TRANSACTION");
    pin(SigningDomain.DEALING_RECORD, 0x30, "DEALING_RECORD");
    pin(SigningDomain.SHARE_WRAP, 0x31, "SHARE_WRAP");
    pin(SigningDomain.ATTESTATION_QUOTE, 0x40, "ATTESTATION_QUOTE");
    pin(SigningDomain.GATEWAY_RELAY, 0x41, "GATEWAY_RELAY");
    pin(SigningDomain.BENCHMARK, 0x7F, "BENCHMARK");
  }

  private static void pin(SigningDomain domain, int tag, String name) {
    PINNED.put(
        domain, new Pinned(tag, "INTERTRUST-V01-" + name + "-BLS12381G1_XMD:SHA-256_SSWU_RO_NUL_"));
  }

  @Test
  void pinnedTable_coversEveryDomain() {
    assertEquals(Set.of(SigningDomain.values()), PINNED.keySet());
  }

  @ParameterizedTest
  @EnumSource(SigningDomain.class)
  void tagAndDst_matchPinnedValues(SigningDomain domain) {
    Pinned pinned = PINNED.get(domain);
    assertEquals(pinned.tag(), Byte.toUnsignedInt(domain.tag()));
    assertEquals(pinned.dst(), domain.blsDst());
  }

  @Test
  void tags_areUniqueAndNeverZero() {
    Set<Byte> tags = new HashSet<>();
    for (SigningDomain domain : SigningDomain.values()) {
      assertNotEquals(0, domain.tag());
      assertTrue(tags.add(domain.tag()), "duplicate tag for " + domain);
    }
  }

  @Test
  void dsts_areUnique() {
    Set<String> dsts = new HashSet<>();
    for (SigningDomain domain : SigningDomain.values()) {
      assertTrue(dsts.add(domain.blsDst()), "duplicate DST for " + domain);
    }
  }

  @ParameterizedTest
  @EnumSource(SigningDomain.class)
  void blsDstBytes_isAsciiOfAtMost255Bytes(SigningDomain domain) {
    byte[] bytes = domain.blsDstBytes();
    assertTrue(bytes.length <= 255);
    assertTrue(StandardCharsets.US_ASCII.newEncoder().canEncode(domain.blsDst()));
    assertArrayEquals(domain.blsDst().getBytes(StandardCharsets.US_ASCII), bytes);
  }

  @Test
  void blsDstBytes_returnsDefensiveCopy() {
    byte[] first = SigningDomain.EXECUTION.blsDstBytes();
    first[0] ^= 1;
    assertNotEquals(first[0], SigningDomain.EXECUTION.blsDstBytes()[0]);
  }

  @ParameterizedTest
  @EnumSource(SigningDomain.class)
  void fromTag_returnsDomainWithThatTag(SigningDomain domain) throws EncodingException {
    assertSame(domain, SigningDomain.fromTag(domain.tag()));
  }

  @ParameterizedTest
  @ValueSource(ints = {0x00, 0x05, 0x13, 0x7E, 0x80, 0xFF})
  void fromTag_rejectsUnknownTag(int tag) {
    EncodingException e =
        assertThrows(EncodingException.class, () -> SigningDomain.fromTag((byte) tag));
    assertEquals(EncodingException.Reason.UNKNOWN_DOMAIN, e.reason());
  }
}
