package org.intertrust.crypto.box;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HexFormat;
import org.intertrust.crypto.encoding.CanonicalReader;
import org.intertrust.crypto.encoding.CanonicalWriter;
import org.intertrust.crypto.encoding.EncodingException;
import org.intertrust.crypto.encoding.EncodingException.Reason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EncryptedShareTest {

  private static final HexFormat HEX = HexFormat.of();
  private static final String NONCE = "000102030405060708090a0b";

  private static EncryptedShare share(int index, int ciphertextLength) {
    byte[] ciphertext = new byte[ciphertextLength];
    ciphertext[0] = (byte) 0xAA;
    return new EncryptedShare(index, HEX.parseHex(NONCE), ciphertext);
  }

  private static Reason readFailure(String hex) {
    return assertThrows(
            EncodingException.class,
            () -> EncryptedShare.readFrom(new CanonicalReader(HEX.parseHex(hex))))
        .reason();
  }

  @Test
  void writeTo_producesPinnedLayout() throws EncodingException {
    CanonicalWriter w = new CanonicalWriter();
    share(7, 16).writeTo(w);
    assertEquals(
        "00000007" + NONCE + "00000010" + "aa" + "00".repeat(15), HEX.formatHex(w.toByteArray()));
  }

  @ParameterizedTest
  @ValueSource(ints = {16, 17, 100, EncryptedShare.MAX_CIPHERTEXT_LENGTH})
  void readFrom_roundTripsWrittenShare(int ciphertextLength) throws EncodingException {
    EncryptedShare original = share(Integer.MAX_VALUE, ciphertextLength);
    CanonicalWriter w = new CanonicalWriter();
    original.writeTo(w);
    CanonicalReader r = new CanonicalReader(w.toByteArray());

    EncryptedShare decoded = EncryptedShare.readFrom(r);
    r.expectEnd();

    assertEquals(original, decoded);
  }

  @Test
  void readFrom_rejectsCiphertextLongerThanOneKibibyte() {
    String hex = "00000001" + NONCE + "00000401" + "00".repeat(0x401);
    assertEquals(Reason.LENGTH_TOO_LARGE, readFailure(hex));
  }

  @Test
  void readFrom_rejectsCiphertextShorterThanTag() {
    assertEquals(
        Reason.INVALID_VALUE, readFailure("00000001" + NONCE + "0000000f" + "00".repeat(15)));
  }

  @Test
  void readFrom_rejectsIndexAboveIntRange() {
    assertEquals(
        Reason.INVALID_VALUE, readFailure("80000000" + NONCE + "00000010" + "00".repeat(16)));
  }

  @Test
  void readFrom_rejectsTruncatedNonce() {
    assertEquals(Reason.TRUNCATED, readFailure("00000001" + "0001"));
  }

  @Test
  void constructor_rejectsInvalidFields() {
    byte[] nonce = HEX.parseHex(NONCE);
    assertThrows(IllegalArgumentException.class, () -> new EncryptedShare(-1, nonce, new byte[16]));
    assertThrows(
        IllegalArgumentException.class, () -> new EncryptedShare(1, new byte[11], new byte[16]));
    assertThrows(IllegalArgumentException.class, () -> new EncryptedShare(1, nonce, new byte[15]));
    assertThrows(
        IllegalArgumentException.class, () -> new EncryptedShare(1, nonce, new byte[1025]));
  }

  @Test
  void arrays_areCopiedInAndOut() {
    byte[] nonce = HEX.parseHex(NONCE);
    byte[] ciphertext = new byte[16];
    EncryptedShare share = new EncryptedShare(1, nonce, ciphertext);
    nonce[0] = 9;
    ciphertext[0] = 9;
    share.nonce()[1] = 9;
    share.ciphertext()[1] = 9;
    assertEquals(NONCE, HEX.formatHex(share.nonce()));
    assertArrayEquals(new byte[16], share.ciphertext());
  }

  @Test
  void equals_comparesArrayContents() {
    assertEquals(share(1, 16), share(1, 16));
    assertEquals(share(1, 16).hashCode(), share(1, 16).hashCode());
    assertNotEquals(share(1, 16), share(2, 16));
    assertNotEquals(share(1, 16), share(1, 17));
  }

  @Test
  void toString_omitsContents() {
    String text = share(3, 16).toString();
    assertEquals("EncryptedShare[shareIndex=3, ciphertextLength=16]", text);
    assertFalse(text.contains("0102"));
  }
}
