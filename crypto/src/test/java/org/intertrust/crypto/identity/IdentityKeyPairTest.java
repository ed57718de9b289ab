package org.intertrust.crypto.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.intertrust.crypto.encoding.SigningDomain;
import org.intertrust.crypto.secret.SecretAccess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class IdentityKeyPairTest {

  private static final HexFormat HEX = HexFormat.of();

  /** RFC 8032 section 7.1, TEST 1 and TEST 2: secret key, public key, message, signature. */
  static Stream<Arguments> rfc8032Vectors() {
    return Stream.of(
        Arguments.of(
            "TEST 1",
            "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60",
            "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a",
            "",
            "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e06522490155"
                + "5fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b"),
        Arguments.of(
            "TEST 2",
            "4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb",
            "3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c",
            "72",
            "92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da"
                + "085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rfc8032Vectors")
  void fromSeed_matchesRfc8032PublicKeyAndRawSignature(
      String name, String secret, String publicKey, String message, String signature) {
    IdentityKeyPair pair = IdentityKeyPair.fromSeed(HEX.parseHex(secret), SecretAccess.get());

    assertEquals(publicKey, HEX.formatHex(pair.publicKey().toBytes()));
    IdentitySignature produced = pair.signRaw(HEX.parseHex(message));
    assertEquals(signature, HEX.formatHex(produced.toBytes()));
    assertTrue(pair.publicKey().verifyRaw(HEX.parseHex(message), produced));
  }

  @Test
  void sign_signsDomainTagFollowedByMessage() {
    IdentityKeyPair pair = IdentityKeyPair.generate(new DeterministicRandom(1));
    byte[] message = HEX.parseHex("0102");

    IdentitySignature signature = pair.sign(SigningDomain.SHARE_WRAP, message);

    byte[] tagged = HEX.parseHex("31" + "0102");
    assertEquals(pair.signRaw(tagged), signature);
    assertFalse(pair.publicKey().verifyRaw(message, signature));
  }

  static LongStream seeds() {
    return LongStream.range(0, 25);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void verify_acceptsOnlyMatchingKeyDomainAndMessage(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    IdentityKeyPair pair = IdentityKeyPair.generate(new DeterministicRandom(seed));
    IdentityKeyPair other = IdentityKeyPair.generate(new DeterministicRandom(~seed));
    byte[] message = new byte[1 + random.nextInt(100)];
    random.nextBytes(message);
    SigningDomain[] domains = SigningDomain.values();
    SigningDomain domain = domains[random.nextInt(domains.length)];
    SigningDomain otherDomain = domains[(domain.ordinal() + 1) % domains.length];

    IdentitySignature signature = pair.sign(domain, message);

    IdentityPublicKey key = pair.publicKey();
    assertTrue(key.verify(domain, message, signature));
    assertFalse(key.verify(otherDomain, message, signature));
    assertFalse(other.publicKey().verify(domain, message, signature));
    byte[] tamperedMessage = message.clone();
    tamperedMessage[random.nextInt(message.length)] ^= (byte) (1 << random.nextInt(8));
    assertFalse(key.verify(domain, tamperedMessage, signature));
    byte[] tamperedSignature = signature.toBytes();
    tamperedSignature[random.nextInt(IdentitySignature.LENGTH)] ^= (byte) (1 << random.nextInt(8));
    assertFalse(key.verify(domain, message, fromBytes(tamperedSignature)));
  }

  @Test
  void verify_returnsFalseForGarbageSignatureWithoutThrowing() {
    IdentityPublicKey key = IdentityKeyPair.generate(new DeterministicRandom(2)).publicKey();
    byte[] allOnes = new byte[IdentitySignature.LENGTH];
    Arrays.fill(allOnes, (byte) 0xFF);
    assertFalse(key.verify(SigningDomain.BENCHMARK, new byte[0], fromBytes(allOnes)));
    assertFalse(
        key.verify(
            SigningDomain.BENCHMARK, new byte[0], fromBytes(new byte[IdentitySignature.LENGTH])));
  }

  @Test
  void generate_isReproducibleFromSeededRandom() {
    IdentityKeyPair first = IdentityKeyPair.generate(new DeterministicRandom(3));
    IdentityKeyPair second = IdentityKeyPair.generate(new DeterministicRandom(3));
    assertEquals(first.publicKey(), second.publicKey());
    assertNotEquals(
        first.publicKey(), IdentityKeyPair.generate(new DeterministicRandom(4)).publicKey());
  }

  @Test
  void seed_recreatesSameKeyPair() {
    IdentityKeyPair pair = IdentityKeyPair.generate(new DeterministicRandom(5));
    byte[] seed = pair.seed(SecretAccess.get());
    IdentityKeyPair restored = IdentityKeyPair.fromSeed(seed, SecretAccess.get());
    assertEquals(pair.publicKey(), restored.publicKey());
    assertEquals(
        pair.sign(SigningDomain.EXECUTION, seed), restored.sign(SigningDomain.EXECUTION, seed));
  }

  @Test
  void fromSeed_copiesCallerArray() {
    byte[] seed = new byte[IdentityKeyPair.SEED_LENGTH];
    seed[0] = 1;
    IdentityKeyPair pair = IdentityKeyPair.fromSeed(seed, SecretAccess.get());
    Arrays.fill(seed, (byte) 0x55);
    assertEquals(1, pair.seed(SecretAccess.get())[0]);
  }

  @Test
  void fromSeed_rejectsWrongLength() {
    assertThrows(
        IllegalArgumentException.class,
        () -> IdentityKeyPair.fromSeed(new byte[31], SecretAccess.get()));
  }

  @Test
  void destroy_makesSecretUsesFailButKeepsPublicKey() {
    IdentityKeyPair pair = IdentityKeyPair.generate(new DeterministicRandom(6));
    IdentityPublicKey publicKey = pair.publicKey();

    pair.destroy();
    pair.destroy();

    assertTrue(pair.isDestroyed());
    assertThrows(
        IllegalStateException.class, () -> pair.sign(SigningDomain.BENCHMARK, new byte[0]));
    assertThrows(IllegalStateException.class, () -> pair.seed(SecretAccess.get()));
    assertEquals(publicKey, pair.publicKey());
  }

  @Test
  void toString_neverContainsSeed() {
    IdentityKeyPair pair = IdentityKeyPair.generate(new DeterministicRandom(7));
    String seedHex = HEX.formatHex(pair.seed(SecretAccess.get()));
    String text = pair.toString();
    for (int i = 0; i + 8 <= seedHex.length(); i += 8) {
      assertFalse(text.contains(seedHex.substring(i, i + 8)), text);
    }
    assertTrue(text.contains(pair.publicKey().toString()));
  }

  private static IdentitySignature fromBytes(byte[] bytes) {
    try {
      return IdentitySignature.fromBytes(bytes);
    } catch (SignatureDecodingException e) {
      throw new AssertionError(e);
    }
  }
}
