package org.intertrust.sim.crossas;

import java.util.SplittableRandom;
import org.intertrust.sim.ForwardingContext;
import org.intertrust.sim.NodeContext;
import org.intertrust.sim.SimNode;
import org.intertrust.sim.SimTimer;

/**
 * A node whose clock runs ahead of virtual time by a fixed offset (fault {@code clock-skew}): its
 * {@link NodeContext#now()} reads {@code offset} later than the simulator's, everything else is the
 * real context. Timers are relative, so they fire as before; what moves is every time the node
 * reads: a replica's block timestamps (so the AS's consensus time, against which deadlines are
 * judged), a gateway's relay timeouts and quote-freshness checks. Offsets are drawn per node from
 * the seed in {@code [0, }{@value #BOUND_MILLIS}{@code ] ms}, so two clocks differ by at most that
 * bound, well inside consensus's accepted drift (two seconds).
 */
final class SkewedClockNode implements SimNode<CrossAsMessage> {
  /** The largest offset, and so the largest difference between two nodes' clocks. */
  static final long BOUND_MILLIS = 500;

  private final SimNode<CrossAsMessage> node;
  private final long seed;

  SkewedClockNode(SimNode<CrossAsMessage> node, long seed) {
    this.node = node;
    this.seed = seed;
  }

  /** The offset of node {@code nodeId} in a run of {@code seed}, in nanoseconds. */
  static long offsetNanos(long seed, int nodeId) {
    long millis = new SplittableRandom(seed * 1_000_003L + nodeId).nextLong(BOUND_MILLIS + 1);
    return millis * CrossAsScenario.MILLIS;
  }

  @Override
  public void onStart(NodeContext<CrossAsMessage> context) {
    node.onStart(new Skewed(context, offsetNanos(seed, context.nodeId())));
  }

  @Override
  public void onMessage(int from, CrossAsMessage message) {
    node.onMessage(from, message);
  }

  @Override
  public void onTimer(SimTimer timer) {
    node.onTimer(timer);
  }

  /** The real context with {@link #now()} moved by the node's offset. */
  private static final class Skewed extends ForwardingContext<CrossAsMessage, CrossAsMessage> {
    private final long offsetNanos;

    Skewed(NodeContext<CrossAsMessage> outer, long offsetNanos) {
      super(outer);
      this.offsetNanos = offsetNanos;
    }

    @Override
    public long now() {
      return outer.now() + offsetNanos;
    }

    @Override
    public void send(int to, CrossAsMessage message) {
      outer.send(to, message);
    }

    @Override
    public void broadcast(CrossAsMessage message) {
      outer.broadcast(message);
    }

    @Override
    public void multicast(int[] targets, CrossAsMessage message) {
      outer.multicast(targets, message);
    }
  }
}
