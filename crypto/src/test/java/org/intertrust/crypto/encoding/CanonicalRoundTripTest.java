package org.intertrust.crypto.encoding;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Seeded property tests: random sequences of fields written by {@link CanonicalWriter} read back
 * identically by {@link CanonicalReader}; every strict prefix is rejected as truncated; one extra
 * byte is rejected as trailing.
 */
class CanonicalRoundTripTest {

  static LongStream seeds() {
    return LongStream.range(0, 200);
  }

  /** One field: how to write it and how to read it back and compare. */
  private interface Field {
    void write(CanonicalWriter w) throws EncodingException;

    void readAndCheck(CanonicalReader r) throws EncodingException;
  }

  private static Field randomField(SplittableRandom random) {
    switch (random.nextInt(9)) {
      case 0:
        int u8 = random.nextInt(256);
        return field(w -> w.u8(u8), r -> assertEquals(u8, r.u8()));
      case 1:
        int u16 = random.nextInt(65536);
        return field(w -> w.u16(u16), r -> assertEquals(u16, r.u16()));
      case 2:
        long u32 = random.nextLong(1L << 32);
        return field(w -> w.u32(u32), r -> assertEquals(u32, r.u32()));
      case 3:
        long u64 = random.nextLong();
        return field(w -> w.u64(u64), r -> assertEquals(u64, r.u64()));
      case 4:
        boolean bool = random.nextBoolean();
        return field(w -> w.bool(bool), r -> assertEquals(bool, r.bool()));
      case 5:
        byte[] bytes = randomBytes(random, random.nextInt(40));
        return field(w -> w.bytes(bytes), r -> assertArrayEquals(bytes, r.bytes()));
      case 6:
        byte[] fixed = randomBytes(random, random.nextInt(40));
        return field(
            w -> w.fixedBytes(fixed, fixed.length),
            r -> assertArrayEquals(fixed, r.fixedBytes(fixed.length)));
      case 7:
        String string = randomString(random);
        return field(w -> w.string(string), r -> assertEquals(string, r.string()));
      default:
        AsId asId = new AsId(random.nextInt(65536));
        return field(w -> w.asId(asId), r -> assertEquals(asId, r.asId()));
    }
  }

  private interface Write {
    void apply(CanonicalWriter w) throws EncodingException;
  }

  private interface Read {
    void apply(CanonicalReader r) throws EncodingException;
  }

  private static Field field(Write write, Read read) {
    return new Field() {
      @Override
      public void write(CanonicalWriter w) throws EncodingException {
        write.apply(w);
      }

      @Override
      public void readAndCheck(CanonicalReader r) throws EncodingException {
        read.apply(r);
      }
    };
  }

  private static byte[] randomBytes(SplittableRandom random, int length) {
    byte[] bytes = new byte[length];
    for (int i = 0; i < length; i++) {
      bytes[i] = (byte) random.nextInt(256);
    }
    return bytes;
  }

  private static String randomString(SplittableRandom random) {
    StringBuilder builder = new StringBuilder();
    int length = random.nextInt(12);
    for (int i = 0; i < length; i++) {
      int codePoint;
      do {
        codePoint = random.nextInt(0x110000);
      } while (codePoint >= 0xD800 && codePoint <= 0xDFFF);
      builder.appendCodePoint(codePoint);
    }
    return builder.toString();
  }

  private static List<Field> randomFields(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    List<Field> fields = new ArrayList<>();
    int count = 1 + random.nextInt(8);
    for (int i = 0; i < count; i++) {
      fields.add(randomField(random));
    }
    return fields;
  }

  private static byte[] encode(List<Field> fields) throws EncodingException {
    CanonicalWriter w = new CanonicalWriter();
    for (Field f : fields) {
      f.write(w);
    }
    return w.toByteArray();
  }

  private static void readAll(List<Field> fields, byte[] input) throws EncodingException {
    CanonicalReader r = new CanonicalReader(input);
    for (Field f : fields) {
      f.readAndCheck(r);
    }
    r.expectEnd();
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void reader_readsBackWhatWriterWrote(long seed) throws EncodingException {
    List<Field> fields = randomFields(seed);
    byte[] encoded = encode(fields);
    readAll(fields, encoded);
    assertArrayEquals(encoded, encode(fields), "encoding must be deterministic");
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void reader_rejectsEveryStrictPrefix(long seed) throws EncodingException {
    List<Field> fields = randomFields(seed);
    byte[] encoded = encode(fields);
    for (int length = 0; length < encoded.length; length++) {
      byte[] prefix = Arrays.copyOf(encoded, length);
      EncodingException e = assertThrows(EncodingException.class, () -> readAll(fields, prefix));
      assertEquals(EncodingException.Reason.TRUNCATED, e.reason(), "seed " + seed);
    }
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void reader_rejectsOneTrailingByte(long seed) throws EncodingException {
    List<Field> fields = randomFields(seed);
    byte[] encoded = encode(fields);
    byte[] extended = Arrays.copyOf(encoded, encoded.length + 1);
    EncodingException e = assertThrows(EncodingException.class, () -> readAll(fields, extended));
    assertEquals(EncodingException.Reason.TRAILING_BYTES, e.reason(), "seed " + seed);
  }
}
