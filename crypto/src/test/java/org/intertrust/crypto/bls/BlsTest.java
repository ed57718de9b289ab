package org.intertrust.crypto.bls;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import org.intertrust.crypto.bls.BlsDecodingException.Reason;
import org.intertrust.crypto.encoding.SigningDomain;
import org.intertrust.crypto.secret.SecretAccess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class BlsTest {
  private static final SigningDomain DOMAIN = SigningDomain.BENCHMARK;

  static LongStream seeds() {
    return LongStream.range(0, 20);
  }

  static BlsSecretKey key(long seed) {
    SecureRandom random = deterministic(seed);
    return BlsSecretKey.generate(random);
  }

  static SecureRandom deterministic(long seed) {
    try {
      SecureRandom random = SecureRandom.getInstance("SHA1PRNG");
      random.setSeed(seed);
      return random;
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }

  static byte[] message(long seed) {
    byte[] message = new byte[(int) (seed % 70)];
    new Random(seed).nextBytes(message);
    return message;
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void sign_thenVerify_succeeds(long seed) {
    BlsSecretKey key = key(seed);
    byte[] message = message(seed);
    BlsSignature signature = key.sign(DOMAIN, message);
    assertTrue(Bls.verify(key.publicKey(), DOMAIN, message, signature), "seed " + seed);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void verify_rejectsWrongMessageKeyOrDomain(long seed) {
    BlsSecretKey key = key(seed);
    byte[] message = message(seed);
    BlsSignature signature = key.sign(DOMAIN, message);
    byte[] other = Arrays.copyOf(message, message.length + 1);
    assertFalse(Bls.verify(key.publicKey(), DOMAIN, other, signature), "message, seed " + seed);
    assertFalse(
        Bls.verify(key(seed + 1000).publicKey(), DOMAIN, message, signature), "key, seed " + seed);
    assertFalse(
        Bls.verify(key.publicKey(), SigningDomain.CROSS_AS_LOCK, message, signature),
        "domain, seed " + seed);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void encodings_roundTrip(long seed) throws BlsDecodingException {
    BlsSecretKey key = key(seed);
    BlsSignature signature = key.sign(DOMAIN, message(seed));
    assertEquals(key.publicKey(), BlsPublicKey.fromBytes(key.publicKey().toBytes()));
    assertEquals(signature, BlsSignature.fromBytes(signature.toBytes()));
    BlsSecretKey copy = BlsSecretKey.fromBytes(key.toBytes(SecretAccess.get()), SecretAccess.get());
    assertEquals(key.publicKey(), copy.publicKey());
    assertEquals(signature, copy.sign(DOMAIN, message(seed)));
  }

  @Test
  void signing_isDeterministic() {
    BlsSecretKey key = key(7);
    assertEquals(key.sign(DOMAIN, new byte[] {1}), key.sign(DOMAIN, new byte[] {1}));
  }

  @Test
  void decode_rejectsWrongLength() {
    assertReason(Reason.WRONG_LENGTH, () -> BlsSignature.fromBytes(new byte[47]));
    assertReason(Reason.WRONG_LENGTH, () -> BlsSignature.fromBytes(null));
    assertReason(Reason.WRONG_LENGTH, () -> BlsPublicKey.fromBytes(new byte[48]));
    assertReason(
        Reason.WRONG_LENGTH, () -> BlsSecretKey.fromBytes(new byte[31], SecretAccess.get()));
  }

  @Test
  void decode_rejectsInfinity() {
    byte[] g1Infinity = new byte[48];
    g1Infinity[0] = (byte) 0xc0;
    byte[] g2Infinity = new byte[96];
    g2Infinity[0] = (byte) 0xc0;
    assertReason(Reason.INFINITY, () -> BlsSignature.fromBytes(g1Infinity));
    assertReason(Reason.INFINITY, () -> BlsPublicKey.fromBytes(g2Infinity));
  }

  @Test
  void decode_rejectsBadEncoding() {
    byte[] uncompressedFlag = new byte[48];
    assertReason(Reason.BAD_ENCODING, () -> BlsSignature.fromBytes(uncompressedFlag));
    byte[] xTooLarge = new byte[48];
    Arrays.fill(xTooLarge, (byte) 0xff);
    xTooLarge[0] = (byte) 0x9f;
    assertReason(Reason.BAD_ENCODING, () -> BlsSignature.fromBytes(xTooLarge));
  }

  @Test
  void decode_rejectsPointOutsideSubgroup() {
    byte[] onCurveOutsideSubgroup = g1PointOutsideSubgroup();
    assertReason(Reason.NOT_IN_SUBGROUP, () -> BlsSignature.fromBytes(onCurveOutsideSubgroup));
    byte[] g2OutsideSubgroup = g2PointOutsideSubgroup();
    assertReason(Reason.NOT_IN_SUBGROUP, () -> BlsPublicKey.fromBytes(g2OutsideSubgroup));
  }

  /** The first compressed x = 1, 2, ... that decodes: almost every curve point is off-subgroup. */
  static byte[] g1PointOutsideSubgroup() {
    for (int x = 1; ; x++) {
      byte[] encoded = new byte[48];
      encoded[0] = (byte) 0x80;
      encoded[47] = (byte) x;
      try {
        supranational.blst.P1_Affine point = new supranational.blst.P1_Affine(encoded);
        if (!point.in_group()) {
          return encoded;
        }
      } catch (RuntimeException notOnCurve) {
        // x^3 + 4 is not a square: try the next x
      }
    }
  }

  static byte[] g2PointOutsideSubgroup() {
    for (int x = 1; ; x++) {
      byte[] encoded = new byte[96];
      encoded[0] = (byte) 0x80;
      encoded[95] = (byte) x;
      try {
        supranational.blst.P2_Affine point = new supranational.blst.P2_Affine(encoded);
        if (!point.in_group()) {
          return encoded;
        }
      } catch (RuntimeException notOnCurve) {
        // not a point: try the next x
      }
    }
  }

  @Test
  void secretKey_rejectsZeroAndOutOfRange() {
    assertReason(
        Reason.ZERO_SECRET, () -> BlsSecretKey.fromBytes(new byte[32], SecretAccess.get()));
    byte[] order = toBytes32(org.intertrust.crypto.field.Fr.MODULUS);
    assertReason(
        Reason.SECRET_OUT_OF_RANGE, () -> BlsSecretKey.fromBytes(order, SecretAccess.get()));
    byte[] orderMinusOne =
        toBytes32(org.intertrust.crypto.field.Fr.MODULUS.subtract(BigInteger.ONE));
    BlsSecretKey largest =
        assertDoesNotThrow(() -> BlsSecretKey.fromBytes(orderMinusOne, SecretAccess.get()));
    assertTrue(
        Bls.verify(largest.publicKey(), DOMAIN, new byte[0], largest.sign(DOMAIN, new byte[0])));
  }

  private static BlsSecretKey assertDoesNotThrow(ThrowingSupplier supplier) {
    try {
      return supplier.get();
    } catch (BlsDecodingException e) {
      throw new AssertionError(e);
    }
  }

  interface ThrowingSupplier {
    BlsSecretKey get() throws BlsDecodingException;
  }

  static byte[] toBytes32(BigInteger value) {
    byte[] raw = value.toByteArray();
    byte[] out = new byte[32];
    int length = Math.min(raw.length, 32);
    System.arraycopy(raw, raw.length - length, out, 32 - length, length);
    return out;
  }

  @Test
  void secretKey_neverPrintsSecretAndIsDestroyable() {
    BlsSecretKey key = key(3);
    String secretHex = HexFormat.of().formatHex(key.toBytes(SecretAccess.get()));
    assertFalse(key.toString().contains(secretHex.substring(0, 16)));
    assertTrue(key.toString().contains("redacted"));
    key.destroy();
    assertTrue(key.isDestroyed());
    assertThrows(IllegalStateException.class, () -> key.sign(DOMAIN, new byte[0]));
    assertThrows(IllegalStateException.class, () -> key.toBytes(SecretAccess.get()));
  }

  @Test
  void aggregate_ofDistinctMessagesVerifies() {
    List<BlsSecretKey> keys = List.of(key(1), key(2), key(3));
    List<byte[]> messages = List.of(new byte[] {1}, new byte[] {2}, new byte[] {3});
    BlsSignature aggregate =
        Bls.aggregate(
            List.of(
                keys.get(0).sign(DOMAIN, messages.get(0)),
                keys.get(1).sign(DOMAIN, messages.get(1)),
                keys.get(2).sign(DOMAIN, messages.get(2))));
    List<BlsPublicKey> publicKeys = keys.stream().map(BlsSecretKey::publicKey).toList();
    assertTrue(Bls.verifyAggregate(publicKeys, DOMAIN, messages, aggregate));
    assertFalse(
        Bls.verifyAggregate(
            publicKeys,
            DOMAIN,
            List.of(messages.get(0), messages.get(2), messages.get(1)),
            aggregate));
    assertFalse(
        Bls.verifyAggregate(
            publicKeys,
            DOMAIN,
            List.of(messages.get(0), messages.get(0), messages.get(2)),
            aggregate),
        "repeated messages are refused");
  }

  @Test
  void aggregatePublicKeys_matchesSumOfSecrets() throws BlsDecodingException {
    BigInteger a = BigInteger.valueOf(5);
    BigInteger b = BigInteger.valueOf(11);
    BlsSecretKey ka = BlsSecretKey.fromBytes(toBytes32(a), SecretAccess.get());
    BlsSecretKey kb = BlsSecretKey.fromBytes(toBytes32(b), SecretAccess.get());
    BlsSecretKey sum = BlsSecretKey.fromBytes(toBytes32(a.add(b)), SecretAccess.get());
    assertEquals(sum.publicKey(), Bls.aggregatePublicKeys(List.of(ka.publicKey(), kb.publicKey())));
    assertArrayEquals(
        sum.sign(DOMAIN, new byte[] {9}).toBytes(),
        Bls.aggregate(List.of(ka.sign(DOMAIN, new byte[] {9}), kb.sign(DOMAIN, new byte[] {9})))
            .toBytes());
  }

  interface Decoder {
    Object decode() throws BlsDecodingException;
  }

  static void assertReason(Reason expected, Decoder decoder) {
    BlsDecodingException e = assertThrows(BlsDecodingException.class, decoder::decode);
    assertEquals(expected, e.reason(), e.getMessage());
  }
}
