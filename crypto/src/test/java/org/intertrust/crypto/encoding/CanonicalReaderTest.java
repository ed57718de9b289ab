package org.intertrust.crypto.encoding;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HexFormat;
import org.intertrust.crypto.encoding.EncodingException.Reason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CanonicalReaderTest {

  private static final HexFormat HEX = HexFormat.of();

  private static CanonicalReader reader(String hex) {
    return new CanonicalReader(HEX.parseHex(hex));
  }

  private static EncodingException.Reason failureOf(ThrowingRead read) {
    return assertThrows(EncodingException.class, read::run).reason();
  }

  @FunctionalInterface
  private interface ThrowingRead {
    void run() throws EncodingException;
  }

  @Test
  void integers_areReadBigEndianAndUnsigned() throws EncodingException {
    CanonicalReader r = reader("ff" + "fffe" + "fffffffd" + "fffffffffffffffc");
    assertEquals(255, r.u8());
    assertEquals(65534, r.u16());
    assertEquals(0xFFFF_FFFDL, r.u32());
    assertEquals(-4L, r.u64());
    r.expectEnd();
  }

  @Test
  void reader_rejectsTruncatedIntegers() {
    assertEquals(Reason.TRUNCATED, failureOf(() -> reader("").u8()));
    assertEquals(Reason.TRUNCATED, failureOf(() -> reader("01").u16()));
    assertEquals(Reason.TRUNCATED, failureOf(() -> reader("010203").u32()));
    assertEquals(Reason.TRUNCATED, failureOf(() -> reader("01020304050607").u64()));
  }

  @Test
  void reader_rejectsDeclaredLengthAboveBoundWithoutAllocating() {
    // 2^31-1 declared, 10 bytes present. The default bound is 1 MiB; allocating the declared
    // length would need 2 GiB, more than the test JVM's heap.
    CanonicalReader r = reader("7fffffff" + "00112233445566778899");
    assertEquals(Reason.LENGTH_TOO_LARGE, failureOf(r::bytes));
    assertEquals(0, r.position());
  }

  @Test
  void reader_rejectsDeclaredLengthBeyondRemainingWithoutAllocating() {
    CanonicalReader r =
        new CanonicalReader(HEX.parseHex("7fffffff" + "00112233445566778899"), Integer.MAX_VALUE);
    assertEquals(Reason.TRUNCATED, failureOf(r::bytes));
    assertEquals(0, r.position());
  }

  @Test
  void reader_rejectsDeclaredLengthBeyondRemainingUnderBound() {
    assertEquals(
        Reason.TRUNCATED, failureOf(() -> reader("0000000b" + "00112233445566778899").bytes()));
  }

  @Test
  void reader_rejectsMaximalU32DeclaredLength() {
    assertEquals(Reason.LENGTH_TOO_LARGE, failureOf(() -> reader("ffffffff" + "00").bytes()));
  }

  @Test
  void bytes_enforcesExplicitBound() throws EncodingException {
    String seventeen = "00000011" + "00".repeat(17);
    assertEquals(Reason.LENGTH_TOO_LARGE, failureOf(() -> reader(seventeen).bytes(16)));
    assertEquals(17, reader(seventeen).bytes(17).length);
  }

  @Test
  void string_enforcesExplicitBound() {
    assertEquals(Reason.LENGTH_TOO_LARGE, failureOf(() -> reader("00000002" + "6162").string(1)));
  }

  @Test
  void bytes_readsZeroLengthField() throws EncodingException {
    CanonicalReader r = reader("00000000");
    assertArrayEquals(new byte[0], r.bytes());
    r.expectEnd();
  }

  @ParameterizedTest
  @ValueSource(strings = {"02", "ff", "80"})
  void bool_rejectsBytesOtherThanZeroAndOne(String hex) {
    assertEquals(Reason.INVALID_VALUE, failureOf(() -> reader(hex).bool()));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "c080", // overlong encoding of U+0000
        "eda080", // UTF-8 encoded surrogate U+D800
        "ff", // never valid in UTF-8
        "e282", // truncated sequence
        "f4908080" // beyond U+10FFFF
      })
  void string_rejectsMalformedUtf8(String utf8Hex) {
    String field = String.format("%08x", utf8Hex.length() / 2) + utf8Hex;
    CanonicalReader r = reader(field);
    assertEquals(Reason.INVALID_VALUE, failureOf(r::string));
    assertEquals(0, r.position());
  }

  @Test
  void expectEnd_rejectsTrailingBytes() throws EncodingException {
    CanonicalReader r = reader("0001" + "00");
    r.u16();
    assertEquals(Reason.TRAILING_BYTES, failureOf(r::expectEnd));
  }

  @Test
  void fixedBytes_rejectsShortInput() {
    assertEquals(Reason.TRUNCATED, failureOf(() -> reader("0102").fixedBytes(3)));
  }

  @Test
  void constructor_copiesInput() throws EncodingException {
    byte[] input = HEX.parseHex("05");
    CanonicalReader r = new CanonicalReader(input);
    input[0] = 9;
    assertEquals(5, r.u8());
  }

  @Test
  void asId_readsUnsigned16Bits() throws EncodingException {
    assertEquals(new AsId(65535), reader("ffff").asId());
  }
}
