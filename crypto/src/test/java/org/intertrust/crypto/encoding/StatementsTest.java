package org.intertrust.crypto.encoding;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.HexFormat;
import org.intertrust.crypto.encoding.EncodingException.Reason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StatementsTest {

  private static final HexFormat HEX = HexFormat.of();

  private static Reason decodeFailure(String hex) {
    CanonicalReader reader = new CanonicalReader(HEX.parseHex(hex));
    return assertThrows(
            EncodingException.class,
            () -> {
              Statements.decodeHeader(reader);
              Statements.readBody(reader);
              reader.expectEnd();
            })
        .reason();
  }

  @Test
  void encode_isIndependentOfStatementInstance() throws EncodingException {
    Statement first = TestStatement.of(SigningDomain.EXECUTION, 4, 4, w -> w.u64(99).string("x"));
    Statement second = TestStatement.of(SigningDomain.EXECUTION, 4, 4, w -> w.u64(99).string("x"));
    assertArrayEquals(Statements.encode(first), Statements.encode(second));
  }

  @Test
  void encode_differsAcrossDomainsForSameBody() throws EncodingException {
    Statement lock = TestStatement.of(SigningDomain.CROSS_AS_LOCK, 1, 2, w -> w.u8(1));
    Statement decision = TestStatement.of(SigningDomain.CROSS_AS_DECISION, 1, 2, w -> w.u8(1));
    assertNotEquals(
        HEX.formatHex(Statements.encode(lock)), HEX.formatHex(Statements.encode(decision)));
  }

  @Test
  void encode_differsWhenSourceAndDestinationSwap() throws EncodingException {
    Statement forward = TestStatement.of(SigningDomain.CROSS_AS_LOCK, 1, 2, w -> {});
    Statement backward = TestStatement.of(SigningDomain.CROSS_AS_LOCK, 2, 1, w -> {});
    assertNotEquals(
        HEX.formatHex(Statements.encode(forward)), HEX.formatHex(Statements.encode(backward)));
  }

  @Test
  void encode_rejectsBodyLargerThanMaxBodySize() {
    Statement huge =
        TestStatement.of(
            SigningDomain.BENCHMARK,
            1,
            1,
            w ->
                w.fixedBytes(new byte[Statements.MAX_BODY_SIZE + 1], Statements.MAX_BODY_SIZE + 1));
    EncodingException e = assertThrows(EncodingException.class, () -> Statements.encode(huge));
    assertEquals(Reason.CAPACITY_EXCEEDED, e.reason());
  }

  @Test
  void encode_acceptsBodyOfExactlyMaxBodySize() throws EncodingException {
    int length = Statements.MAX_BODY_SIZE;
    Statement largest =
        TestStatement.of(
            SigningDomain.BENCHMARK, 1, 1, w -> w.fixedBytes(new byte[length], length));
    assertEquals(Statements.MAX_ENCODED_SIZE, Statements.encode(largest).length);
  }

  @ParameterizedTest
  @ValueSource(strings = {"495454", "000000", "695453", "535449"})
  void decodeHeader_rejectsWrongMagic(String magic) {
    assertEquals(
        Reason.BAD_MAGIC, decodeFailure(magic + "01" + "01" + "0001" + "0001" + "00000000"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"00", "02", "ff"})
  void decodeHeader_rejectsUnsupportedVersion(String version) {
    assertEquals(
        Reason.BAD_VERSION,
        decodeFailure("495453" + version + "01" + "0001" + "0001" + "00000000"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"00", "05", "ff"})
  void decodeHeader_rejectsUnknownDomainTag(String tag) {
    assertEquals(
        Reason.UNKNOWN_DOMAIN, decodeFailure("495453" + "01" + tag + "0001" + "0001" + "00000000"));
  }

  @Test
  void decode_rejectsEveryTruncationOfValidStatement() throws EncodingException {
    byte[] full =
        Statements.encode(TestStatement.of(SigningDomain.GATEWAY_RELAY, 9, 10, w -> w.u32(5)));
    for (int length = 0; length < full.length; length++) {
      String prefix = HEX.formatHex(Arrays.copyOf(full, length));
      assertEquals(Reason.TRUNCATED, decodeFailure(prefix), "prefix of length " + length);
    }
  }

  @Test
  void decode_rejectsTrailingByteAfterBody() throws EncodingException {
    byte[] full = Statements.encode(TestStatement.of(SigningDomain.SHARE_WRAP, 1, 1, w -> {}));
    assertEquals(Reason.TRAILING_BYTES, decodeFailure(HEX.formatHex(full) + "00"));
  }

  @Test
  void readBody_rejectsDeclaredBodyLongerThanMaxBodySize() {
    String header = "495453" + "01" + "01" + "0001" + "0001";
    String declared = String.format("%08x", Statements.MAX_BODY_SIZE + 1);
    assertEquals(Reason.LENGTH_TOO_LARGE, decodeFailure(header + declared + "00"));
  }
}
