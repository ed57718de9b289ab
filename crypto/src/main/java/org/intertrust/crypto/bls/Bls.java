package org.intertrust.crypto.bls;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.intertrust.crypto.encoding.SigningDomain;
import supranational.blst.P1;
import supranational.blst.P1_Affine;
import supranational.blst.P2;
import supranational.blst.P2_Affine;
import supranational.blst.Pairing;
import supranational.blst.blst;

/**
 * BLS signatures over BLS12-381 with signatures in G1 and keys in G2, following the IETF BLS
 * signature draft (draft-irtf-cfrg-bls-signature-05) "minimal-signature-size" variant, basic scheme
 * for aggregation of distinct messages.
 *
 * <p>Differences from the draft: the DST is per {@link SigningDomain} rather than one per
 * ciphersuite; keys and signatures are subgroup-checked once when decoded (see {@link BlsPublicKey}
 * and {@link BlsSignature}) instead of on every verification.
 */
public final class Bls {
  private static final P2_Affine NEGATED_G2_GENERATOR = blst.getBLS12_381_NEG_G2();

  private Bls() {}

  /** Verifies {@code signature} on {@code message} in {@code domain} under {@code key}. */
  public static boolean verify(
      BlsPublicKey key, SigningDomain domain, byte[] message, BlsSignature signature) {
    return verifyHashed(key.point(), HashToCurve.g1(message, domain.blsDst()), signature);
  }

  /** Checks {@code e(signature, -g2) * e(hashed, key) == 1}: two Miller loops, one final exp. */
  static boolean verifyHashed(P2_Affine key, P1_Affine hashed, BlsSignature signature) {
    if (signature.isInfinity()) {
      return false;
    }
    Pairing pairing = new Pairing(true, "");
    pairing.raw_aggregate(key, hashed);
    pairing.raw_aggregate(NEGATED_G2_GENERATOR, signature.point());
    pairing.commit();
    return pairing.finalverify();
  }

  /** Sums signatures (for aggregate verification of distinct messages). */
  public static BlsSignature aggregate(List<BlsSignature> signatures) {
    if (signatures.isEmpty()) {
      throw new IllegalArgumentException("nothing to aggregate");
    }
    P1 sum = new P1();
    for (BlsSignature signature : signatures) {
      sum.add(signature.point());
    }
    return BlsSignature.fromPoint(sum);
  }

  /** Sums public keys. Use only for keys with proof of possession or threshold groups. */
  public static BlsPublicKey aggregatePublicKeys(List<BlsPublicKey> keys) {
    if (keys.isEmpty()) {
      throw new IllegalArgumentException("nothing to aggregate");
    }
    P2 sum = new P2();
    for (BlsPublicKey key : keys) {
      sum.add(key.point());
    }
    return BlsPublicKey.fromPoint(sum);
  }

  /**
   * Verifies an aggregate of signatures by distinct keys over pairwise distinct messages (the
   * draft's AggregateVerify for the basic scheme, which requires distinct messages to rule out
   * rogue-key attacks). Returns false if the messages repeat.
   */
  public static boolean verifyAggregate(
      List<BlsPublicKey> keys,
      SigningDomain domain,
      List<byte[]> messages,
      BlsSignature aggregate) {
    if (keys.size() != messages.size() || keys.isEmpty() || aggregate.isInfinity()) {
      return false;
    }
    Set<String> distinct = new HashSet<>();
    for (byte[] message : messages) {
      if (!distinct.add(java.util.HexFormat.of().formatHex(message))) {
        return false;
      }
    }
    Pairing pairing = new Pairing(true, "");
    for (int i = 0; i < keys.size(); i++) {
      pairing.raw_aggregate(keys.get(i).point(), HashToCurve.g1(messages.get(i), domain.blsDst()));
    }
    pairing.raw_aggregate(NEGATED_G2_GENERATOR, aggregate.point());
    pairing.commit();
    return pairing.finalverify();
  }
}
