package org.intertrust.sim.round;

import org.intertrust.crypto.bls.PartialSignature;
import org.intertrust.crypto.bls.UncheckedPartialSignature;
import org.intertrust.sim.NodeContext;
import org.intertrust.sim.SimNode;
import org.intertrust.sim.SimTimer;

/**
 * A faulty replica: silent, or answering the proposal with a bad share ({@link FaultyBehaviour}).
 */
final class FaultyReplica implements SimNode<RoundMessage> {
  private final int id;
  private final FaultyBehaviour behaviour;
  private final Combining combining;
  private final CpuTiming timing;
  private final RoundShares shares;
  private NodeContext<RoundMessage> context;

  FaultyReplica(
      int id,
      FaultyBehaviour behaviour,
      Combining combining,
      CpuTiming timing,
      RoundShares shares) {
    this.id = id;
    this.behaviour = behaviour;
    this.combining = combining;
    this.timing = timing;
    this.shares = shares;
  }

  @Override
  public void onStart(NodeContext<RoundMessage> nodeContext) {
    this.context = nodeContext;
  }

  @Override
  public void onMessage(int from, RoundMessage message) {
    if (behaviour == FaultyBehaviour.BAD_SHARES && message instanceof RoundMessage.Proposal) {
      PartialSignature bad = shares.partial(id);
      timing.charge(context, RoundCosts.SIGN_PARTIAL, shares.signNanos(id));
      byte[] wire =
          combining == Combining.OPTIMIZED ? UncheckedPartialSignature.encode(bad) : bad.toBytes();
      context.send(RoundSetup.LEADER, new RoundMessage.Share(wire));
    }
  }

  @Override
  public void onTimer(SimTimer timer) {
    throw new IllegalStateException("a round sets no timers");
  }
}
