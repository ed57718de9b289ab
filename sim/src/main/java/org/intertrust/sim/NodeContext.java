package org.intertrust.sim;

import java.util.SplittableRandom;
import org.intertrust.sim.storage.NodeStorage;

/**
 * A node's only window on the world, valid from {@link SimNode#onStart} until the node crashes.
 *
 * <p><b>Virtual time and CPU.</b> A handler starts at the virtual time its event is taken up. Each
 * charge ({@link #charge(long)}, {@link #charge(String)}) makes the handler longer; {@link #now()}
 * is the start time plus what was charged so far (plus real elapsed time under the measured CPU
 * model). The node is busy until the handler's end; events that arrive meanwhile wait, in arrival
 * order. Messages sent during a handler depart at its end. A timer expires {@code delay} after the
 * {@link #now()} at which it was set.
 *
 * @param <M> the protocol's message type
 */
public interface NodeContext<M> {
  /** This node's id. */
  int nodeId();

  /** The group this node belongs to. */
  NodeGroup group();

  /** How many times this node has restarted (0 for the first instance). */
  int incarnation();

  /** The current virtual time in nanoseconds, including CPU charged so far in this handler. */
  long now();

  /** Sends {@code message} to node {@code to}; a message to oneself arrives with no delay. */
  void send(int to, M message);

  /** Sends {@code message} to every other node of this node's group, in id order. */
  void broadcast(M message);

  /** Sends {@code message} to each node in {@code targets}, in the given order. */
  void multicast(int[] targets, M message);

  /** Sets a timer that expires {@code delayNanos} after {@link #now()}; {@code tag} names it. */
  SimTimer setTimer(long delayNanos, Object tag);

  /** Cancels {@code timer}; cancelling a fired or cancelled timer does nothing. */
  void cancelTimer(SimTimer timer);

  /** Charges {@code nanos} of CPU time to this handler, under every CPU model. */
  void charge(long nanos);

  /** Charges the cost of one {@code operation} under the run's CPU model. */
  void charge(String operation);

  /** Charges the cost of {@code operation} over {@code count} items under the run's CPU model. */
  void charge(String operation, int count);

  /** This node's seeded random stream; a restarted node gets a new, equally seeded stream. */
  SplittableRandom random();

  /** This node's durable store; it survives crashes, except for unflushed writes. */
  NodeStorage storage();

  /** Adds a line to the trace, e.g. a protocol milestone; {@code text} must be deterministic. */
  void note(String text);
}
