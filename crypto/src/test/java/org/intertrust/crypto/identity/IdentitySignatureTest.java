package org.intertrust.crypto.identity;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IdentitySignatureTest {

  @ParameterizedTest
  @ValueSource(ints = {0, 32, 63, 65})
  void fromBytes_rejectsWrongLength(int length) {
    assertThrows(
        SignatureDecodingException.class, () -> IdentitySignature.fromBytes(new byte[length]));
  }

  @Test
  void fromBytes_copiesAndRoundTrips() throws SignatureDecodingException {
    byte[] bytes = new byte[IdentitySignature.LENGTH];
    bytes[5] = 5;
    IdentitySignature signature = IdentitySignature.fromBytes(bytes);
    bytes[5] = 6;
    assertEquals(5, signature.toBytes()[5]);
    assertArrayEquals(
        signature.toBytes(), IdentitySignature.fromBytes(signature.toBytes()).toBytes());
  }

  @Test
  void equals_comparesContents() throws SignatureDecodingException {
    byte[] bytes = new byte[IdentitySignature.LENGTH];
    IdentitySignature first = IdentitySignature.fromBytes(bytes);
    IdentitySignature same = IdentitySignature.fromBytes(bytes.clone());
    bytes[63] = 1;
    IdentitySignature different = IdentitySignature.fromBytes(bytes);
    assertEquals(first, same);
    assertEquals(first.hashCode(), same.hashCode());
    assertNotEquals(first, different);
  }
}
