package org.intertrust.crypto.identity;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HexFormat;
import java.util.stream.LongStream;
import org.intertrust.crypto.identity.KeyDecodingException.Reason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class IdentityPublicKeyTest {

  private static final HexFormat HEX = HexFormat.of();
  private static final String RFC8032_TEST1_PUBLIC =
      "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a";

  private static Reason rejection(String hex) {
    return assertThrows(
            KeyDecodingException.class, () -> IdentityPublicKey.fromBytes(HEX.parseHex(hex)))
        .reason();
  }

  static LongStream seeds() {
    return LongStream.range(0, 25);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void fromBytes_roundTripsGeneratedKeys(long seed) throws KeyDecodingException {
    IdentityPublicKey key = IdentityKeyPair.generate(new DeterministicRandom(seed)).publicKey();
    IdentityPublicKey decoded = IdentityPublicKey.fromBytes(key.toBytes());
    assertEquals(key, decoded);
    assertEquals(key.hashCode(), decoded.hashCode());
    assertArrayEquals(key.toBytes(), decoded.toBytes());
  }

  @Test
  void fromBytes_acceptsRfc8032PublicKey() throws KeyDecodingException {
    assertEquals(
        RFC8032_TEST1_PUBLIC,
        HEX.formatHex(IdentityPublicKey.fromBytes(HEX.parseHex(RFC8032_TEST1_PUBLIC)).toBytes()));
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 31, 33, 64})
  void fromBytes_rejectsWrongLength(int length) {
    KeyDecodingException e =
        assertThrows(
            KeyDecodingException.class, () -> IdentityPublicKey.fromBytes(new byte[length]));
    assertEquals(Reason.WRONG_LENGTH, e.reason());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f", // y = p
        "eeffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f", // y = p + 1
        "ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff" // y = 2^255 - 1
      })
  void fromBytes_rejectsUnreducedY(String hex) {
    assertEquals(Reason.NOT_CANONICAL, rejection(hex));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "0200000000000000000000000000000000000000000000000000000000000000", // y = 2: no x
        "0100000000000000000000000000000000000000000000000000000000000080" // x = 0 but odd
      })
  void fromBytes_rejectsEncodingsOfNoCurvePoint(String hex) {
    assertEquals(Reason.INVALID_POINT, rejection(hex));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "0100000000000000000000000000000000000000000000000000000000000000", // neutral element
        "ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f", // order 2
        "0000000000000000000000000000000000000000000000000000000000000000", // order 4
        "0000000000000000000000000000000000000000000000000000000000000080", // order 4
        "c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac037a", // order 8
        "c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac03fa", // order 8
        "26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc05", // order 8
        "26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc85" // order 8
      })
  void fromBytes_rejectsSmallOrderPoints(String hex) {
    assertEquals(Reason.SMALL_ORDER, rejection(hex));
  }

  @Test
  void equals_distinguishesKeys() {
    IdentityPublicKey first = IdentityKeyPair.generate(new DeterministicRandom(1)).publicKey();
    IdentityPublicKey second = IdentityKeyPair.generate(new DeterministicRandom(2)).publicKey();
    assertNotEquals(first, second);
  }

  @Test
  void toBytes_returnsDefensiveCopy() throws KeyDecodingException {
    IdentityPublicKey key = IdentityPublicKey.fromBytes(HEX.parseHex(RFC8032_TEST1_PUBLIC));
    key.toBytes()[0] ^= 1;
    assertEquals(RFC8032_TEST1_PUBLIC, HEX.formatHex(key.toBytes()));
  }

  @Test
  void toString_showsHexPrefix() throws KeyDecodingException {
    IdentityPublicKey key = IdentityPublicKey.fromBytes(HEX.parseHex(RFC8032_TEST1_PUBLIC));
    assertEquals("IdentityPublicKey[d75a980182b10ab7...]", key.toString());
  }
}
