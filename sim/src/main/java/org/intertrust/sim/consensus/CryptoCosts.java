package org.intertrust.sim.consensus;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.intertrust.crypto.bls.Bls;
import org.intertrust.crypto.bls.BlsSecretKey;
import org.intertrust.crypto.bls.BlsSignature;
import org.intertrust.crypto.bls.KeyShare;
import org.intertrust.crypto.bls.PartialSignature;
import org.intertrust.crypto.bls.ThresholdCombiner;
import org.intertrust.crypto.bls.ThresholdDealer;
import org.intertrust.crypto.encoding.SigningDomain;
import org.intertrust.crypto.identity.IdentityKeyPair;
import org.intertrust.crypto.identity.IdentitySignature;
import org.intertrust.sim.cpu.CpuCostTable;

/**
 * The CPU cost of the crypto a consensus replica performs, for the simulator's CPU model: either
 * fixed (the medians measured on the reference machine, docs/BENCHMARKS.md: runs replay exactly) or
 * measured on this machine at start-up.
 */
final class CryptoCosts {
  private static final long MICROS = 1_000L;

  private CryptoCosts() {}

  /** Medians on the reference machine (2 vCPU AMD EPYC, JDK 17), 2026-11-25. */
  static CpuCostTable fixed() {
    return CpuCostTable.builder()
        .fixed(CpuCostTable.BLS_SIGN_PARTIAL, 210 * MICROS)
        .fixed(CpuCostTable.BLS_VERIFY, 1_060 * MICROS)
        .linear(CpuCostTable.BLS_COMBINE, 1_400 * MICROS, 25 * MICROS)
        .fixed(ReplicaNode.ED25519_SIGN, 1_200 * MICROS)
        .fixed(ReplicaNode.ED25519_VERIFY, 1_400 * MICROS)
        .build();
  }

  /** The same operations, timed on this machine now (combine at the given quorum). */
  static CpuCostTable measured(int quorum) {
    SecureRandom random = new SecureRandom();
    BlsSecretKey key = BlsSecretKey.generate(random);
    byte[] message =
        "simulated consensus message".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    BlsSignature signature = key.sign(SigningDomain.CONSENSUS_COMMIT, message);
    IdentityKeyPair identity = IdentityKeyPair.generate(random);
    IdentitySignature edSignature = identity.sign(SigningDomain.SHARE_WRAP, message);
    int n = Math.max(quorum, 2);
    ThresholdDealer.DealtKey dealt = deal(quorum, n);
    List<PartialSignature> shares = new ArrayList<>();
    for (KeyShare share : dealt.shares().subList(0, quorum)) {
      shares.add(share.signPartial(SigningDomain.CONSENSUS_COMMIT, message));
    }
    ThresholdCombiner combiner = new ThresholdCombiner(random);
    return CpuCostTable.builder()
        .measured(
            CpuCostTable.BLS_SIGN_PARTIAL,
            () -> dealt.shares().get(0).signPartial(SigningDomain.CONSENSUS_COMMIT, message),
            20,
            50)
        .measured(
            CpuCostTable.BLS_VERIFY,
            () -> Bls.verify(key.publicKey(), SigningDomain.CONSENSUS_COMMIT, message, signature),
            10,
            30)
        .measured(
            CpuCostTable.BLS_COMBINE,
            () ->
                combiner.combine(
                    dealt.publicKey(), SigningDomain.CONSENSUS_COMMIT, message, shares),
            5,
            15)
        .measured(
            ReplicaNode.ED25519_SIGN,
            () -> identity.sign(SigningDomain.SHARE_WRAP, message),
            20,
            50)
        .measured(
            ReplicaNode.ED25519_VERIFY,
            () -> identity.publicKey().verify(SigningDomain.SHARE_WRAP, message, edSignature),
            20,
            50)
        .build();
  }

  private static ThresholdDealer.DealtKey deal(int k, int n) {
    return ThresholdDealer.dealRandom(k, n, new Random(k));
  }
}
