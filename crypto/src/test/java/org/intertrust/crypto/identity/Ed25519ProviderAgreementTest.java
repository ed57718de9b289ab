package org.intertrust.crypto.identity;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.security.KeyFactory;
import java.security.Signature;
import java.security.spec.EdECPrivateKeySpec;
import java.security.spec.NamedParameterSpec;
import java.util.Random;
import java.util.stream.LongStream;
import org.intertrust.crypto.encoding.SigningDomain;
import org.intertrust.crypto.secret.SecretAccess;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Signing and verification run on Bouncy Castle's RFC 8032 code (ADR 0013); these tests hold them
 * to the JDK provider: byte-identical signatures, and the JDK's signatures accepted.
 */
class Ed25519ProviderAgreementTest {
  /** The order L of the prime-order subgroup. */
  private static final BigInteger L =
      BigInteger.TWO.pow(252).add(new BigInteger("27742317777372353535851937790883648493"));

  static LongStream seeds() {
    return LongStream.range(0, 40);
  }

  private static byte[] jdkSign(byte[] seed, byte[] input) throws Exception {
    Signature signer = Signature.getInstance("Ed25519");
    signer.initSign(
        KeyFactory.getInstance("Ed25519")
            .generatePrivate(new EdECPrivateKeySpec(NamedParameterSpec.ED25519, seed)));
    signer.update(input);
    return signer.sign();
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void signatures_areByteIdenticalToTheJdkProviders_andVerifyBothWays(long value) throws Exception {
    Random random = new Random(value);
    byte[] seed = new byte[32];
    random.nextBytes(seed);
    byte[] message = new byte[random.nextInt(300)];
    random.nextBytes(message);
    IdentityKeyPair pair = IdentityKeyPair.fromSeed(seed, SecretAccess.get());
    IdentitySignature ours = pair.sign(SigningDomain.DEALING_RECORD, message);
    byte[] input = Ed25519Codec.concat(new byte[] {SigningDomain.DEALING_RECORD.tag()}, message);
    byte[] theirs = jdkSign(seed, input);
    assertArrayEquals(theirs, ours.toBytes());
    assertTrue(
        pair.publicKey()
            .verify(SigningDomain.DEALING_RECORD, message, IdentitySignature.fromBytes(theirs)));
    byte[] flipped = theirs.clone();
    flipped[random.nextInt(64)] ^= (byte) (1 << random.nextInt(8));
    assertFalse(
        pair.publicKey()
            .verify(SigningDomain.DEALING_RECORD, message, IdentitySignature.fromBytes(flipped)));
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void signatureWithScalarPlusL_isRejected(long value) throws Exception {
    Random random = new Random(value);
    byte[] seed = new byte[32];
    random.nextBytes(seed);
    IdentityKeyPair pair = IdentityKeyPair.fromSeed(seed, SecretAccess.get());
    byte[] message = {1, 2, 3};
    byte[] signature = pair.sign(SigningDomain.DEALING_RECORD, message).toBytes();
    byte[] s = new byte[32];
    System.arraycopy(signature, 32, s, 0, 32);
    BigInteger malleated = LittleEndian.toBigInteger(s).add(L);
    if (malleated.bitLength() > 256) {
      return; // does not fit 32 bytes: no such encoding to test
    }
    System.arraycopy(LittleEndian.toBytes(malleated, 32), 0, signature, 32, 32);
    assertFalse(
        pair.publicKey()
            .verify(SigningDomain.DEALING_RECORD, message, IdentitySignature.fromBytes(signature)));
  }
}
