package org.intertrust.crypto.bls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** RFC 9380 appendix J.9.1: BLS12381G1_XMD:SHA-256_SSWU_RO_ known answers (P = x || y). */
class HashToCurveTest {
  private static final String DST = "QUUX-V01-CS02-with-BLS12381G1_XMD:SHA-256_SSWU_RO_";

  static Stream<Arguments> rfc9380Vectors() {
    return Stream.of(
        Arguments.of(
            "",
            "052926add2207b76ca4fa57a8734416c8dc95e24501772c814278700eed6d1e4e8cf62d9c09db0fac349612b759e79a1"
                + "08ba738453bfed09cb546dbb0783dbb3a5f1f566ed67bb6be0e8c67e2e81a4cc68ee29813bb7994998f3eae0c9c6a265"),
        Arguments.of(
            "abc",
            "03567bc5ef9c690c2ab2ecdf6a96ef1c139cc0b2f284dca0a9a7943388a49a3aee664ba5379a7655d3c68900be2f6903"
                + "0b9c15f3fe6e5cf4211f346271d7b01c8f3b28be689c8429c85b67af215533311f0b8dfaaa154fa6b88176c229f2885d"),
        Arguments.of(
            "abcdef0123456789",
            "11e0b079dea29a68f0383ee94fed1b940995272407e3bb916bbf268c263ddd57a6a27200a784cbc248e84f357ce82d98"
                + "03a87ae2caf14e8ee52e51fa2ed8eefe80f02457004ba4d486d6aa1f517c0889501dc7413753f9599b099ebcbbd2d709"),
        Arguments.of(
            "q128_" + "q".repeat(128),
            "15f68eaa693b95ccb85215dc65fa81038d69629f70aeee0d0f677cf22285e7bf58d7cb86eefe8f2e9bc3f8cb84fac488"
                + "1807a1d50c29f430b8cafc4f8638dfeeadf51211e1602a5f184443076715f91bb90a48ba1e370edce6ae1062f5e6dd38"),
        Arguments.of(
            "a512_" + "a".repeat(512),
            "082aabae8b7dedb0e78aeb619ad3bfd9277a2f77ba7fad20ef6aabdc6c31d19ba5a6d12283553294c1825c4b3ca2dcfe"
                + "05b84ae5a942248eea39e1d91030458c40153f3b654ab7872d779ad1e942856a20c438e8d99bc8abfbf74729ce1f7ac8"));
  }

  @ParameterizedTest
  @MethodSource("rfc9380Vectors")
  void hashToG1_matchesRfc9380Vectors(String message, String expectedXy) {
    byte[] point = HashToCurve.g1(message.getBytes(StandardCharsets.US_ASCII), DST).serialize();
    assertEquals(expectedXy, HexFormat.of().formatHex(point));
  }

  @Test
  void hashToG1_dependsOnTheDst() {
    byte[] message = "abc".getBytes(StandardCharsets.US_ASCII);
    assertNotEquals(
        HexFormat.of().formatHex(HashToCurve.g1(message, DST).serialize()),
        HexFormat.of().formatHex(HashToCurve.g1(message, DST + "X").serialize()));
  }
}
