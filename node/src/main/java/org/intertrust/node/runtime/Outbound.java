package org.intertrust.node.runtime;

/**
 * Where a hosted node's messages go: the transport. {@link #send} must not block the event loop;
 * the transport queues (bounded) and delivers at most once.
 *
 * @param <M> the protocol's message type
 */
@FunctionalInterface
public interface Outbound<M> {
  /** Sends {@code message} from node {@code from} to node {@code to}. */
  void send(int from, int to, M message);
}
