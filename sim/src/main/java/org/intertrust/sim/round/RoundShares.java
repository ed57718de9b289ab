package org.intertrust.sim.round;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import org.intertrust.crypto.bls.Bls;
import org.intertrust.crypto.bls.BlsDecodingException;
import org.intertrust.crypto.bls.BlsSignature;
import org.intertrust.crypto.bls.HashedMessage;
import org.intertrust.crypto.bls.KeyShare;
import org.intertrust.crypto.bls.PartialSignature;
import org.intertrust.sim.cpu.ThreadCpuClock;

/**
 * The real crypto results of one round, computed once and shared by the nodes (and by the optimized
 * and the baseline run of the same round) that would compute exactly the same thing: replica i's
 * partial signature on the proposal, and the verification of a certificate (same key, message and
 * signature at every replica). Each node is still charged the full cost of the operation.
 */
final class RoundShares {
  private final RoundSetup setup;
  private final byte[] proposal;
  private final byte[] badMessage;
  private final CpuTiming timing;
  private final HashedMessage hashedProposal;
  private final HashedMessage hashedBadMessage;
  private final PartialSignature[] partials;
  private final long[] signNanos;
  private final Map<String, Verification> certificates = new HashMap<>();

  /** A certificate's verdict and the CPU time of the real verification that gave it. */
  record Verification(boolean valid, long nanos) {}

  RoundShares(RoundSetup setup, CpuTiming timing, long seed, int round) {
    this.setup = setup;
    this.timing = timing;
    this.proposal = payload("proposal", seed, round, setup);
    this.badMessage = payload("not-the-proposal", seed, round, setup);
    this.hashedProposal = HashedMessage.of(RoundSetup.DOMAIN, proposal);
    this.hashedBadMessage = HashedMessage.of(RoundSetup.DOMAIN, badMessage);
    this.partials = new PartialSignature[setup.n()];
    this.signNanos = new long[setup.n()];
  }

  private static byte[] payload(String what, long seed, int round, RoundSetup setup) {
    byte[] label = ("intertrust bench round " + what).getBytes(StandardCharsets.UTF_8);
    return ByteBuffer.allocate(label.length + 20)
        .put(label)
        .putLong(seed)
        .putInt(round)
        .putInt(setup.n())
        .putInt(setup.k())
        .array();
  }

  /** The proposal's bytes (a copy). */
  byte[] proposal() {
    return proposal.clone();
  }

  /**
   * Replica {@code id}'s partial signature: on the proposal if it is honest, on another message if
   * it is a faulty replica sending bad shares. Under {@link CpuTiming#PER_CALL} each replica's
   * share is made by the full {@code signPartial}, hash to G1 included, and timed; under {@link
   * CpuTiming#COST_TABLE} (which charges the full operation's median anyway) the message is hashed
   * once per round and each share is one scalar multiplication: the same bytes, faster to run.
   */
  PartialSignature partial(int id) {
    if (partials[id] == null) {
      KeyShare share = setup.key().shares().get(id);
      long start = ThreadCpuClock.nanoTime();
      if (timing == CpuTiming.PER_CALL) {
        partials[id] =
            share.signPartial(RoundSetup.DOMAIN, setup.isFaulty(id) ? badMessage : proposal);
      } else {
        partials[id] = share.signPartial(setup.isFaulty(id) ? hashedBadMessage : hashedProposal);
      }
      signNanos[id] = ThreadCpuClock.nanoTime() - start;
    }
    return partials[id];
  }

  /** The CPU time of the real call that made replica {@code id}'s {@link #partial}. */
  long signNanos(int id) {
    partial(id);
    return signNanos[id];
  }

  /** Decodes {@code certificate} with every check and verifies it under the group key. */
  Verification verifyCertificate(byte[] certificate) {
    return certificates.computeIfAbsent(
        HexFormat.of().formatHex(certificate),
        hex -> {
          long start = ThreadCpuClock.nanoTime();
          boolean valid = verifyCertificateUncached(certificate);
          return new Verification(valid, ThreadCpuClock.nanoTime() - start);
        });
  }

  /** {@link #verifyCertificate} without the cache: the operation each replica is charged for. */
  boolean verifyCertificateUncached(byte[] certificate) {
    try {
      BlsSignature signature = BlsSignature.fromBytes(certificate);
      return Bls.verify(setup.key().publicKey().groupKey(), RoundSetup.DOMAIN, proposal, signature);
    } catch (BlsDecodingException e) {
      return false;
    }
  }
}
