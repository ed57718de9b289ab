package org.intertrust.sim.round;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.random.RandomGenerator;
import org.intertrust.crypto.bls.BlsDecodingException;
import org.intertrust.crypto.bls.CombineResult;
import org.intertrust.crypto.bls.ShareIndex;
import org.intertrust.crypto.bls.ThresholdCombiner;
import org.intertrust.crypto.bls.UncheckedPartialSignature;
import org.intertrust.sim.NodeContext;
import org.intertrust.sim.cpu.ThreadCpuClock;

/**
 * {@link Combining#OPTIMIZED}: each share is decoded on the fast path (on-curve check only) as it
 * arrives; at k shares the collector runs the real {@link ThresholdCombiner#combineUnchecked}. On
 * the optimistic path it is charged the measured {@link RoundCosts#COMBINE}; when bad shares send
 * it down the slow path, it is charged the CPU time of that real call (so runs with bad shares are
 * not exactly reproducible). Blamed shares are dropped and the collector waits for more.
 */
final class FastCollector implements Collector {
  private final RoundSetup setup;
  private final RoundShares shares;
  private final RoundState state;
  private final CpuTiming timing;
  private final ThresholdCombiner combiner;
  private final List<UncheckedPartialSignature> pending = new ArrayList<>();
  private final Set<ShareIndex> blamed;

  FastCollector(
      RoundSetup setup,
      RoundShares shares,
      RoundState state,
      CpuTiming timing,
      RandomGenerator random,
      Set<ShareIndex> suspects) {
    this.setup = setup;
    this.shares = shares;
    this.state = state;
    this.timing = timing;
    this.blamed = suspects;
    this.combiner = new ThresholdCombiner(random);
  }

  @Override
  public Optional<byte[]> onShare(NodeContext<RoundMessage> context, byte[] wire) {
    long decodeStart = ThreadCpuClock.nanoTime();
    UncheckedPartialSignature share;
    try {
      share = UncheckedPartialSignature.fromBytes(wire);
    } catch (BlsDecodingException e) {
      return Optional.empty();
    } finally {
      timing.charge(
          context, RoundCosts.DECODE_SHARE_UNCHECKED, ThreadCpuClock.nanoTime() - decodeStart);
    }
    if (blamed.contains(share.index())) {
      return Optional.empty();
    }
    pending.add(share);
    if (pending.size() < setup.k()) {
      return Optional.empty();
    }
    state.countCombineAttempt();
    long start = ThreadCpuClock.nanoTime();
    CombineResult result =
        combiner.combineUnchecked(
            setup.key().publicKey(), RoundSetup.DOMAIN, shares.proposal(), pending);
    long cpu = ThreadCpuClock.nanoTime() - start;
    boolean optimistic = result instanceof CombineResult.Combined && result.blamed().isEmpty();
    if (optimistic) {
      timing.charge(context, RoundCosts.COMBINE, cpu);
    } else {
      context.charge(cpu);
    }
    state.blame(result.blamed());
    blamed.addAll(result.blamed());
    pending.removeIf(partial -> blamed.contains(partial.index()));
    if (result instanceof CombineResult.Combined) {
      CombineResult.Combined combined = (CombineResult.Combined) result;
      state.certificate(combined.signers(), optimistic);
      return Optional.of(combined.signature().toBytes());
    }
    return Optional.empty();
  }
}
