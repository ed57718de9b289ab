package org.intertrust.crypto.identity;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HexFormat;
import java.util.stream.LongStream;
import org.intertrust.crypto.secret.SecretAccess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class AgreementKeyPairTest {

  private static final HexFormat HEX = HexFormat.of();

  // RFC 7748 section 6.1.
  private static final String ALICE_PRIVATE =
      "77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a";
  private static final String ALICE_PUBLIC =
      "8520f0098930a754748b7ddcb43ef75a0dbf3a0d26381af4eba4a98eaa9b4e6a";
  private static final String BOB_PRIVATE =
      "5dab087e624a8a4b79e17f8b83800ee66f3bb1292618b6fd1c2f8b27ff88e0eb";
  private static final String BOB_PUBLIC =
      "de9edb7d7b7dc1b4d35b61c2ece435373f8343c85b78674dadfc7e146f882b4f";
  private static final String SHARED_SECRET =
      "4a5d9d5ba4ce2de1728e3bf480350f25e07e21c947d19e3376f09b3c1e161742";

  private static AgreementKeyPair pair(String privateHex) {
    return AgreementKeyPair.fromPrivateBytes(HEX.parseHex(privateHex), SecretAccess.get());
  }

  @Test
  void fromPrivateBytes_derivesRfc7748PublicKeys() {
    assertEquals(ALICE_PUBLIC, HEX.formatHex(pair(ALICE_PRIVATE).publicKey().toBytes()));
    assertEquals(BOB_PUBLIC, HEX.formatHex(pair(BOB_PRIVATE).publicKey().toBytes()));
  }

  @Test
  void agree_matchesRfc7748SharedSecretInBothDirections() throws Exception {
    AgreementKeyPair alice = pair(ALICE_PRIVATE);
    AgreementKeyPair bob = pair(BOB_PRIVATE);
    AgreementPublicKey bobPublic = AgreementPublicKey.fromBytes(HEX.parseHex(BOB_PUBLIC));
    AgreementPublicKey alicePublic = AgreementPublicKey.fromBytes(HEX.parseHex(ALICE_PUBLIC));

    assertEquals(SHARED_SECRET, HEX.formatHex(alice.agree(bobPublic, SecretAccess.get())));
    assertEquals(SHARED_SECRET, HEX.formatHex(bob.agree(alicePublic, SecretAccess.get())));
  }

  static LongStream seeds() {
    return LongStream.range(0, 25);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void agree_isSymmetricForGeneratedPairs(long seed) throws KeyAgreementException {
    AgreementKeyPair first = AgreementKeyPair.generate(new DeterministicRandom(seed));
    AgreementKeyPair second = AgreementKeyPair.generate(new DeterministicRandom(~seed));
    assertArrayEquals(
        first.agree(second.publicKey(), SecretAccess.get()),
        second.agree(first.publicKey(), SecretAccess.get()));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "0000000000000000000000000000000000000000000000000000000000000000", // u = 0
        "0100000000000000000000000000000000000000000000000000000000000000", // u = 1
        "ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f", // u = p - 1
        "e0eb7a7c3b41b8ae1656e3faf19fc46ada098deb9c32b1fd866205165f49b800", // order 8
        "5f9c95bca3508c24b1d0b1559c83ef5b04445cc4581c8e86d8224eddd09f1157" // order 8
      })
  void agree_rejectsLowOrderPeerKey(String hex) throws KeyDecodingException {
    AgreementPublicKey lowOrder = AgreementPublicKey.fromBytes(HEX.parseHex(hex));
    AgreementKeyPair pair = pair(ALICE_PRIVATE);
    assertThrows(KeyAgreementException.class, () -> pair.agree(lowOrder, SecretAccess.get()));
  }

  @Test
  void privateBytes_recreatesSameKeyPair() {
    AgreementKeyPair pair = AgreementKeyPair.generate(new DeterministicRandom(9));
    AgreementKeyPair restored =
        AgreementKeyPair.fromPrivateBytes(
            pair.privateBytes(SecretAccess.get()), SecretAccess.get());
    assertEquals(pair.publicKey(), restored.publicKey());
  }

  @Test
  void fromPrivateBytes_rejectsWrongLength() {
    assertThrows(
        IllegalArgumentException.class,
        () -> AgreementKeyPair.fromPrivateBytes(new byte[33], SecretAccess.get()));
  }

  @Test
  void destroy_makesSecretUsesFailButKeepsPublicKey() {
    AgreementKeyPair pair = pair(ALICE_PRIVATE);
    AgreementPublicKey peer = pair(BOB_PRIVATE).publicKey();

    pair.destroy();

    assertTrue(pair.isDestroyed());
    assertThrows(IllegalStateException.class, () -> pair.agree(peer, SecretAccess.get()));
    assertThrows(IllegalStateException.class, () -> pair.privateBytes(SecretAccess.get()));
    assertEquals(ALICE_PUBLIC, HEX.formatHex(pair.publicKey().toBytes()));
  }

  @Test
  void toString_neverContainsPrivateKey() {
    String text = pair(ALICE_PRIVATE).toString();
    assertFalse(text.contains(ALICE_PRIVATE.substring(0, 8)), text);
    assertTrue(text.contains(ALICE_PUBLIC.substring(0, 16)), text);
  }
}
