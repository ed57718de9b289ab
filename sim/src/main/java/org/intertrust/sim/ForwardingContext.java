package org.intertrust.sim;

import java.util.Objects;
import java.util.SplittableRandom;
import org.intertrust.sim.storage.NodeStorage;

/**
 * A {@link NodeContext} that passes everything but sending to another context, {@link #outer},
 * whose messages may be of another type. A wrapper (a node of one AS inside a cross-AS world, a
 * node whose sends are encoded, a node with a skewed clock) extends it and overrides only what it
 * changes.
 *
 * @param <M> the messages of the wrapped node
 * @param <O> the messages of the outer context
 */
public abstract class ForwardingContext<M, O> implements NodeContext<M> {
  /** The context everything is passed to. */
  protected final NodeContext<O> outer;

  protected ForwardingContext(NodeContext<O> outer) {
    this.outer = Objects.requireNonNull(outer, "outer");
  }

  @Override
  public int nodeId() {
    return outer.nodeId();
  }

  @Override
  public NodeGroup group() {
    return outer.group();
  }

  @Override
  public int incarnation() {
    return outer.incarnation();
  }

  @Override
  public long now() {
    return outer.now();
  }

  @Override
  public SimTimer setTimer(long delayNanos, Object tag) {
    return outer.setTimer(delayNanos, tag);
  }

  @Override
  public void cancelTimer(SimTimer timer) {
    outer.cancelTimer(timer);
  }

  @Override
  public void charge(long nanos) {
    outer.charge(nanos);
  }

  @Override
  public void charge(String operation) {
    outer.charge(operation);
  }

  @Override
  public void charge(String operation, int count) {
    outer.charge(operation, count);
  }

  @Override
  public SplittableRandom random() {
    return outer.random();
  }

  @Override
  public NodeStorage storage() {
    return outer.storage();
  }

  @Override
  public void note(String text) {
    outer.note(text);
  }
}
