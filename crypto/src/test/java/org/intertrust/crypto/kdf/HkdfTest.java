package org.intertrust.crypto.kdf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HexFormat;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class HkdfTest {

  private static final HexFormat HEX = HexFormat.of();

  private static String range(int fromInclusive, int toExclusive) {
    StringBuilder hex = new StringBuilder();
    for (int b = fromInclusive; b < toExclusive; b++) {
      hex.append(String.format("%02x", b));
    }
    return hex.toString();
  }

  /** RFC 5869 Appendix A, test cases 1 to 3 (SHA-256): ikm, salt, info, L, PRK, OKM. */
  static Stream<Arguments> rfc5869Vectors() {
    return Stream.of(
        Arguments.of(
            "A.1 basic",
            "0b".repeat(22),
            "000102030405060708090a0b0c",
            "f0f1f2f3f4f5f6f7f8f9",
            42,
            "077709362c2e32df0ddc3f0dc47bba6390b6c73bb50f9c3122ec844ad7c2b3e5",
            "3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf"
                + "34007208d5b887185865"),
        Arguments.of(
            "A.2 longer inputs and outputs",
            range(0x00, 0x50),
            range(0x60, 0xb0),
            range(0xb0, 0x100),
            82,
            "06a6b88c5853361a06104c9ceb35b45cef760014904671014a193f40c15fc244",
            "b11e398dc80327a1c8e7f78c596a49344f012eda2d4efad8a050cc4c19afa97c"
                + "59045a99cac7827271cb41c65e590e09da3275600c2f09b8367793a9aca3db71"
                + "cc30c58179ec3e87c14c01d5c1f3434f1d87"),
        Arguments.of(
            "A.3 zero-length salt and info",
            "0b".repeat(22),
            "",
            "",
            42,
            "19ef24a32c717b167f33a91d6f648bdf96596776afdb6377ac434c1c293ccb04",
            "8da4e775a563c18f715f802a063c5a31b8a11f5c5ee1879ec3454e5f3c738d2d"
                + "9d201395faa4b61a96c8"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rfc5869Vectors")
  void extract_matchesRfc5869Prk(
      String name, String ikm, String salt, String info, int length, String prk, String okm) {
    assertEquals(prk, HEX.formatHex(Hkdf.extract(HEX.parseHex(salt), HEX.parseHex(ikm))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rfc5869Vectors")
  void expand_matchesRfc5869Okm(
      String name, String ikm, String salt, String info, int length, String prk, String okm) {
    assertEquals(okm, HEX.formatHex(Hkdf.expand(HEX.parseHex(prk), HEX.parseHex(info), length)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rfc5869Vectors")
  void derive_matchesRfc5869Okm(
      String name, String ikm, String salt, String info, int length, String prk, String okm) {
    byte[] derived = Hkdf.derive(HEX.parseHex(salt), HEX.parseHex(ikm), HEX.parseHex(info), length);
    assertEquals(okm, HEX.formatHex(derived));
  }

  @Test
  void extract_treatsEmptySaltAsHashLengthZeros() {
    byte[] ikm = HEX.parseHex("0b".repeat(22));
    assertArrayEquals(Hkdf.extract(new byte[32], ikm), Hkdf.extract(new byte[0], ikm));
  }

  @ParameterizedTest
  @ValueSource(ints = {-1, Hkdf.MAX_OUTPUT_LENGTH + 1, Integer.MAX_VALUE})
  void expand_rejectsLengthOutOfRange(int length) {
    assertThrows(
        IllegalArgumentException.class, () -> Hkdf.expand(new byte[32], new byte[0], length));
  }

  @Test
  void expand_rejectsPrkShorterThanHashLength() {
    assertThrows(IllegalArgumentException.class, () -> Hkdf.expand(new byte[31], new byte[0], 32));
  }

  @Test
  void expand_producesMaximumLength() {
    assertEquals(
        Hkdf.MAX_OUTPUT_LENGTH,
        Hkdf.expand(new byte[32], new byte[0], Hkdf.MAX_OUTPUT_LENGTH).length);
  }

  static LongStream seeds() {
    return LongStream.range(0, 50);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void expand_shorterOutputIsPrefixOfLongerOutput(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    byte[] prk = new byte[32];
    byte[] info = new byte[random.nextInt(64)];
    random.nextBytes(prk);
    random.nextBytes(info);
    int longLength = 1 + random.nextInt(Hkdf.MAX_OUTPUT_LENGTH);
    int shortLength = random.nextInt(longLength + 1);

    byte[] longer = Hkdf.expand(prk, info, longLength);
    byte[] shorter = Hkdf.expand(prk, info, shortLength);

    assertArrayEquals(java.util.Arrays.copyOf(longer, shortLength), shorter);
  }
}
