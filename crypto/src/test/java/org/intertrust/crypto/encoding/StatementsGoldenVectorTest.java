package org.intertrust.crypto.encoding;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HexFormat;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Pins the exact bytes of fixed statements. The expected hex was derived by hand from the layout
 * documented in {@link Statements} and {@link CanonicalWriter}; a failure here means the wire
 * format changed, which breaks every signature already made.
 */
class StatementsGoldenVectorTest {

  private static final HexFormat HEX = HexFormat.of();

  static Stream<Arguments> goldenVectors() {
    return Stream.of(
        Arguments.of(
            "empty body",
            TestStatement.of(SigningDomain.CONSENSUS_PREPARE, 1, 1, w -> {}),
            "495453" + "01" + "01" + "0001" + "0001" + "00000000"),
        Arguments.of(
            "max AS id and unsigned maxima",
            TestStatement.of(
                SigningDomain.CROSS_AS_LOCK,
                65535,
                0,
                w -> w.u64(-1L).bool(true).u8(255).u16(65535).u32(0xFFFF_FFFFL)),
            "495453"
                + "01"
                + "10"
                + "ffff"
                + "0000"
                + "00000010"
                + "ffffffffffffffff"
                + "01"
                + "ff"
                + "ffff"
                + "ffffffff"),
        Arguments.of(
            "unicode string",
            TestStatement.of(
                SigningDomain.CLIENT_TRANSACTION,
                7,
                300,
                w -> w.string("Gr\u00fc\u00dfe \ud83c\udf0d")),
            "495453"
                + "01"
                + "20"
                + "0007"
                + "012c"
                + "00000010"
                + "0000000c"
                + "4772c3bcc39f6520f09f8c8d"),
        Arguments.of(
            "zero-length bytes, fixed bytes, zero u64",
            TestStatement.of(
                SigningDomain.DEALING_RECORD,
                2,
                3,
                w ->
                    w.bytes(new byte[0])
                        .fixedBytes(HEX.parseHex("deadbeef"), 4)
                        .bytes(HEX.parseHex("010203"))
                        .u64(0)),
            "495453"
                + "01"
                + "30"
                + "0002"
                + "0003"
                + "00000017"
                + "00000000"
                + "deadbeef"
                + "00000003010203"
                + "0000000000000000"),
        Arguments.of(
            "empty string, false, high bit u16",
            TestStatement.of(
                SigningDomain.BENCHMARK,
                65535,
                65535,
                w -> w.string("").u64(0x0102030405060708L).bool(false).u16(0x8000)),
            "495453"
                + "01"
                + "7f"
                + "ffff"
                + "ffff"
                + "0000000f"
                + "00000000"
                + "0102030405060708"
                + "00"
                + "8000"),
        Arguments.of(
            "high bits of u32 and u64",
            TestStatement.of(
                SigningDomain.CONSENSUS_VIEW_CHANGE,
                0,
                0,
                w -> w.u32(0x8000_0000L).u64(Long.MIN_VALUE).string("a")),
            "495453"
                + "01"
                + "03"
                + "0000"
                + "0000"
                + "00000011"
                + "80000000"
                + "8000000000000000"
                + "0000000161"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("goldenVectors")
  void encode_matchesPinnedBytes(String name, Statement statement, String expectedHex)
      throws EncodingException {
    assertEquals(expectedHex, HEX.formatHex(Statements.encode(statement)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("goldenVectors")
  void decodeHeader_recoversEnvelopeOfPinnedBytes(
      String name, Statement statement, String expectedHex) throws EncodingException {
    CanonicalReader reader = new CanonicalReader(HEX.parseHex(expectedHex));

    Statements.Header header = Statements.decodeHeader(reader);
    byte[] body = Statements.readBody(reader);
    reader.expectEnd();

    assertEquals(
        new Statements.Header(
            Statements.VERSION,
            statement.domain(),
            statement.sourceAs(),
            statement.destinationAs()),
        header);
    CanonicalWriter expectedBody = new CanonicalWriter();
    statement.writeBody(expectedBody);
    assertArrayEquals(expectedBody.toByteArray(), body);
  }
}
