package org.intertrust.crypto.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.HexFormat;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The small-order test compares {@code y} with a fixed list; these tests hold it to the definition
 * (the point tripled-doubled is the neutral element), computed here with field arithmetic.
 */
class Ed25519PointsTest {
  private static final BigInteger P = Ed25519Points.P;
  private static final BigInteger D =
      BigInteger.valueOf(-121665).multiply(BigInteger.valueOf(121666).modInverse(P)).mod(P);

  /** The reference: double the point three times (y only) and compare with (0, 1). */
  private static boolean hasOrderDividing8(BigInteger y) {
    BigInteger current = y;
    for (int i = 0; i < 3; i++) {
      BigInteger ySquared = current.multiply(current).mod(P);
      BigInteger xSquared =
          ySquared
              .subtract(BigInteger.ONE)
              .multiply(D.multiply(ySquared).add(BigInteger.ONE).modInverse(P))
              .mod(P);
      BigInteger denominator = BigInteger.TWO.add(xSquared).subtract(ySquared).mod(P);
      current = xSquared.add(ySquared).multiply(denominator.modInverse(P)).mod(P);
    }
    return current.equals(BigInteger.ONE);
  }

  private static BigInteger y(String hex) throws KeyDecodingException {
    return Ed25519Points.decode(HexFormat.of().parseHex(hex)).getY();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "0100000000000000000000000000000000000000000000000000000000000000",
        "ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
        "0000000000000000000000000000000000000000000000000000000000000000",
        "0000000000000000000000000000000000000000000000000000000000000080",
        "c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac037a",
        "c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac03fa",
        "26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc05",
        "26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc85"
      })
  void hasSmallOrder_forEveryEncodingOfTheEightSmallOrderPoints(String hex) throws Exception {
    assertTrue(hasOrderDividing8(y(hex)), "reference");
    assertTrue(Ed25519Points.hasSmallOrder(y(hex)));
  }

  static LongStream seeds() {
    return LongStream.range(0, 200);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void hasSmallOrder_agreesWithTripleDoublingOnGeneratedKeys(long seed) throws Exception {
    IdentityPublicKey key = IdentityKeyPair.generate(new DeterministicRandom(seed)).publicKey();
    BigInteger y = Ed25519Points.decode(key.toBytes()).getY();
    assertEquals(hasOrderDividing8(y), Ed25519Points.hasSmallOrder(y));
  }

  @Test
  void smallOrderKey_isRejectedEveryTime_notRememberedAsDecoded() {
    byte[] order8 =
        HexFormat.of().parseHex("c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac037a");
    for (int attempt = 0; attempt < 3; attempt++) {
      assertEquals(
          KeyDecodingException.Reason.SMALL_ORDER,
          assertThrows(KeyDecodingException.class, () -> IdentityPublicKey.fromBytes(order8))
              .reason());
    }
  }

  @Test
  void decodedKey_isNotChangedByTheCallerMutatingItsBytes() throws Exception {
    IdentityPublicKey key = IdentityKeyPair.generate(new DeterministicRandom(99)).publicKey();
    byte[] bytes = key.toBytes();
    IdentityPublicKey first = IdentityPublicKey.fromBytes(bytes);
    bytes[0] ^= 1;
    assertEquals(key, first);
    assertEquals(key, IdentityPublicKey.fromBytes(key.toBytes()));
  }
}
