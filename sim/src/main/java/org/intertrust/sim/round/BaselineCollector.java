package org.intertrust.sim.round;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.intertrust.crypto.bls.BlsDecodingException;
import org.intertrust.crypto.bls.BlsSignature;
import org.intertrust.crypto.bls.PartialSignature;
import org.intertrust.crypto.bls.ReferenceCombiner;
import org.intertrust.crypto.bls.ShareIndex;
import org.intertrust.crypto.bls.ThresholdCombiner;
import org.intertrust.crypto.bls.ThresholdPublicKey;
import org.intertrust.sim.NodeContext;
import org.intertrust.sim.cpu.ThreadCpuClock;

/**
 * {@link Combining#BASELINE}, the paper's collector: each arriving share is decoded with every
 * check ({@link RoundCosts#DECODE_SHARE}) and verified on its own ({@link
 * RoundCosts#VERIFY_PARTIAL}, charged per share); k verified shares are combined one scalar
 * multiplication at a time ({@link RoundCosts#COMBINE_ONE_BY_ONE}).
 *
 * <p>To keep the grid inside its time budget, the per-share verifications are charged (always at
 * their start-up median, {@link CpuTiming#PER_CALL} included) for every share but run for real only
 * when needed: the k accepted shares are combined for real and the result verified; only if that
 * fails is each unverified accepted share verified for real, and the bad ones are dropped. For the
 * faulty behaviours of {@link FaultyBehaviour} (a bad share is a share on another message) this
 * gives exactly the verdicts, and so the virtual timeline, that verifying each share on arrival
 * gives; a failed combination is not charged, since the paper's collector never combines an
 * unverified share.
 */
final class BaselineCollector implements Collector {
  private final RoundSetup setup;
  private final RoundShares shares;
  private final RoundState state;
  private final CpuTiming timing;
  private final List<PartialSignature> accepted = new ArrayList<>();
  private final Set<ShareIndex> seen = new HashSet<>();
  private final Set<ShareIndex> verified = new HashSet<>();
  private final Set<ShareIndex> suspects;

  BaselineCollector(
      RoundSetup setup,
      RoundShares shares,
      RoundState state,
      CpuTiming timing,
      Set<ShareIndex> suspects) {
    this.setup = setup;
    this.shares = shares;
    this.state = state;
    this.timing = timing;
    this.suspects = suspects;
  }

  @Override
  public Optional<byte[]> onShare(NodeContext<RoundMessage> context, byte[] wire) {
    long decodeStart = ThreadCpuClock.nanoTime();
    PartialSignature share;
    try {
      share = PartialSignature.fromBytes(wire);
    } catch (BlsDecodingException e) {
      return Optional.empty();
    } finally {
      timing.charge(context, RoundCosts.DECODE_SHARE, ThreadCpuClock.nanoTime() - decodeStart);
    }
    if (suspects.contains(share.index())) {
      return Optional.empty();
    }
    context.charge(RoundCosts.VERIFY_PARTIAL);
    if (!setup.key().publicKey().contains(share.index()) || !seen.add(share.index())) {
      return Optional.empty();
    }
    accepted.add(share);
    if (accepted.size() < setup.k()) {
      return Optional.empty();
    }
    state.countCombineAttempt();
    long combineStart = ThreadCpuClock.nanoTime();
    BlsSignature signature =
        timing == CpuTiming.PER_CALL
            ? ReferenceCombiner.interpolateOneByOne(accepted)
            : ThresholdCombiner.interpolateUnverified(accepted);
    long combineNanos = ThreadCpuClock.nanoTime() - combineStart;
    byte[] proposal = shares.proposal();
    ThresholdPublicKey key = setup.key().publicKey();
    if (ReferenceCombiner.verifyCombined(key, RoundSetup.DOMAIN, proposal, signature)) {
      timing.charge(context, RoundCosts.COMBINE_ONE_BY_ONE, combineNanos);
      List<ShareIndex> signers = new ArrayList<>();
      accepted.forEach(partial -> signers.add(partial.index()));
      state.certificate(signers, true);
      return Optional.of(signature.toBytes());
    }
    dropInvalid(key, proposal);
    return Optional.empty();
  }

  /** Verifies, for real, each accepted share not verified yet; drops and blames the bad ones. */
  private void dropInvalid(ThresholdPublicKey key, byte[] proposal) {
    List<ShareIndex> bad = new ArrayList<>();
    for (PartialSignature partial : accepted) {
      if (verified.contains(partial.index())) {
        continue;
      }
      if (key.verifyPartial(partial, RoundSetup.DOMAIN, proposal)) {
        verified.add(partial.index());
      } else {
        bad.add(partial.index());
      }
    }
    if (bad.isEmpty()) {
      throw new IllegalStateException("every share verified but the combination did not");
    }
    accepted.removeIf(partial -> bad.contains(partial.index()));
    state.blame(bad);
    suspects.addAll(bad);
  }
}
