package org.intertrust.sim.consensus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import org.intertrust.consensus.SignatureVerifier;
import org.intertrust.crypto.bls.BlsPublicKey;
import org.intertrust.crypto.bls.BlsSecretKey;
import org.intertrust.crypto.bls.BlsSignature;
import org.intertrust.crypto.encoding.SigningDomain;
import org.intertrust.crypto.identity.IdentityKeyPair;
import org.intertrust.crypto.identity.IdentityPublicKey;
import org.intertrust.crypto.identity.IdentitySignature;
import org.junit.jupiter.api.Test;

class MemoizingVerifierTest {
  private static final byte[] MESSAGE = "round 7".getBytes(StandardCharsets.UTF_8);

  @Test
  void answersExactlyAsTheDirectCheck_andComputesEachDistinctCheckOnce() {
    SecureRandom random = new SecureRandom();
    IdentityKeyPair identity = IdentityKeyPair.generate(random);
    IdentitySignature ed = identity.sign(SigningDomain.CONSENSUS_PREPARE, MESSAGE);
    BlsSecretKey secret = BlsSecretKey.generate(random);
    BlsSignature bls = secret.sign(SigningDomain.CONSENSUS_COMMIT, MESSAGE);
    List<Boolean> direct = checks(SignatureVerifier.DIRECT, identity.publicKey(), ed, secret, bls);
    MemoizingVerifier memo = new MemoizingVerifier(SignatureVerifier.DIRECT);
    for (int replica = 0; replica < 5; replica++) {
      assertEquals(direct, checks(memo, identity.publicKey(), ed, secret, bls));
    }
    assertEquals(List.of(true, false, false, true, false, false), direct);
    assertEquals(30, memo.checks());
    assertEquals(6, memo.computed());
  }

  @Test
  void aMessageChangedAfterTheCheck_doesNotChangeTheRememberedKey() {
    IdentityKeyPair identity = IdentityKeyPair.generate(new SecureRandom());
    byte[] message = MESSAGE.clone();
    IdentitySignature ed = identity.sign(SigningDomain.CONSENSUS_PREPARE, message);
    MemoizingVerifier memo = new MemoizingVerifier(SignatureVerifier.DIRECT);
    assertTrue(
        memo.verifyIdentity(identity.publicKey(), SigningDomain.CONSENSUS_PREPARE, message, ed));
    message[0] ^= 1;
    assertFalse(
        memo.verifyIdentity(identity.publicKey(), SigningDomain.CONSENSUS_PREPARE, message, ed));
  }

  /** Valid, wrong domain and wrong message, for Ed25519 then for BLS. */
  private static List<Boolean> checks(
      SignatureVerifier verifier,
      IdentityPublicKey key,
      IdentitySignature ed,
      BlsSecretKey secret,
      BlsSignature bls) {
    BlsPublicKey blsKey = secret.publicKey();
    byte[] other = "round 8".getBytes(StandardCharsets.UTF_8);
    List<Boolean> out = new ArrayList<>();
    out.add(verifier.verifyIdentity(key, SigningDomain.CONSENSUS_PREPARE, MESSAGE, ed));
    out.add(verifier.verifyIdentity(key, SigningDomain.CONSENSUS_VIEW_CHANGE, MESSAGE, ed));
    out.add(verifier.verifyIdentity(key, SigningDomain.CONSENSUS_PREPARE, other, ed));
    out.add(verifier.verifyBls(blsKey, SigningDomain.CONSENSUS_COMMIT, MESSAGE, bls));
    out.add(verifier.verifyBls(blsKey, SigningDomain.EXECUTION, MESSAGE, bls));
    out.add(verifier.verifyBls(blsKey, SigningDomain.CONSENSUS_COMMIT, other, bls));
    return out;
  }
}
