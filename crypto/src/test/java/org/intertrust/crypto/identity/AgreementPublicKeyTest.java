package org.intertrust.crypto.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HexFormat;
import org.intertrust.crypto.identity.KeyDecodingException.Reason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AgreementPublicKeyTest {

  private static final HexFormat HEX = HexFormat.of();

  private static Reason rejection(byte[] bytes) {
    return assertThrows(KeyDecodingException.class, () -> AgreementPublicKey.fromBytes(bytes))
        .reason();
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 31, 33})
  void fromBytes_rejectsWrongLength(int length) {
    assertEquals(Reason.WRONG_LENGTH, rejection(new byte[length]));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "0900000000000000000000000000000000000000000000000000000000000080", // top bit set
        "edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f", // u = p
        "eeffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f" // u = p + 1
      })
  void fromBytes_rejectsNonCanonicalEncoding(String hex) {
    assertEquals(Reason.NOT_CANONICAL, rejection(HEX.parseHex(hex)));
  }

  @Test
  void fromBytes_acceptsLargestCanonicalU() throws KeyDecodingException {
    String hex = "ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f";
    assertEquals(hex, HEX.formatHex(AgreementPublicKey.fromBytes(HEX.parseHex(hex)).toBytes()));
  }

  @Test
  void fromBytes_roundTripsGeneratedKey() throws KeyDecodingException {
    AgreementPublicKey key = AgreementKeyPair.generate(new DeterministicRandom(1)).publicKey();
    AgreementPublicKey decoded = AgreementPublicKey.fromBytes(key.toBytes());
    assertEquals(key, decoded);
    assertEquals(key.hashCode(), decoded.hashCode());
  }

  @Test
  void equals_distinguishesKeys() {
    assertNotEquals(
        AgreementKeyPair.generate(new DeterministicRandom(1)).publicKey(),
        AgreementKeyPair.generate(new DeterministicRandom(2)).publicKey());
  }
}
