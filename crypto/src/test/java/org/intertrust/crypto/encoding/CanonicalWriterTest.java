package org.intertrust.crypto.encoding;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HexFormat;
import org.intertrust.crypto.encoding.EncodingException.Reason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class CanonicalWriterTest {

  private static final HexFormat HEX = HexFormat.of();

  private static void assertReason(Reason expected, Executable action) {
    EncodingException e = assertThrows(EncodingException.class, action);
    assertEquals(expected, e.reason());
  }

  @Test
  void integers_areBigEndian() throws EncodingException {
    CanonicalWriter w = new CanonicalWriter().u16(0x0102).u32(0x03040506L).u64(0x0708090a0b0c0d0eL);
    assertEquals("0102" + "03040506" + "0708090a0b0c0d0e", HEX.formatHex(w.toByteArray()));
  }

  @Test
  void u8_rejectsValuesOutsideByteRange() {
    assertReason(Reason.INVALID_VALUE, () -> new CanonicalWriter().u8(256));
    assertReason(Reason.INVALID_VALUE, () -> new CanonicalWriter().u8(-1));
  }

  @Test
  void u16_rejectsValuesOutside16Bits() {
    assertReason(Reason.INVALID_VALUE, () -> new CanonicalWriter().u16(65536));
    assertReason(Reason.INVALID_VALUE, () -> new CanonicalWriter().u16(-1));
  }

  @Test
  void u32_rejectsNegativeAndTooLargeValues() {
    assertReason(Reason.INVALID_VALUE, () -> new CanonicalWriter().u32(-1));
    assertReason(Reason.INVALID_VALUE, () -> new CanonicalWriter().u32(1L << 32));
  }

  @Test
  void fixedBytes_rejectsWrongLength() {
    assertReason(Reason.INVALID_VALUE, () -> new CanonicalWriter().fixedBytes(new byte[3], 4));
  }

  @Test
  void string_rejectsUnpairedSurrogate() {
    assertReason(Reason.INVALID_VALUE, () -> new CanonicalWriter().string("a\ud800b"));
  }

  @Test
  void append_beyondMaxSizeFailsAndLeavesWriterUnchanged() throws EncodingException {
    CanonicalWriter w = new CanonicalWriter(6).u16(1);

    assertReason(Reason.CAPACITY_EXCEEDED, () -> w.u64(0));
    assertReason(Reason.CAPACITY_EXCEEDED, () -> w.bytes(new byte[1]));

    assertEquals(2, w.size());
    assertArrayEquals(HEX.parseHex("0001"), w.toByteArray());
    w.u32(7);
    assertEquals(6, w.size());
  }

  @Test
  void defaultWriter_rejectsEncodingLargerThanOneMebibyte() {
    CanonicalWriter w = new CanonicalWriter();
    assertReason(
        Reason.CAPACITY_EXCEEDED, () -> w.bytes(new byte[CanonicalWriter.DEFAULT_MAX_SIZE]));
    assertEquals(0, w.size());
  }

  @Test
  void defaultWriter_acceptsEncodingOfExactlyOneMebibyte() throws EncodingException {
    CanonicalWriter w = new CanonicalWriter();
    w.bytes(new byte[CanonicalWriter.DEFAULT_MAX_SIZE - 4]);
    assertEquals(CanonicalWriter.DEFAULT_MAX_SIZE, w.size());
  }

  @Test
  void toByteArray_returnsIndependentCopy() throws EncodingException {
    CanonicalWriter w = new CanonicalWriter().u8(1);
    byte[] first = w.toByteArray();
    first[0] = 9;
    assertArrayEquals(new byte[] {1}, w.toByteArray());
  }
}
