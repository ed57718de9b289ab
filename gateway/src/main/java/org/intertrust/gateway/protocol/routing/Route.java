package org.intertrust.gateway.protocol.routing;

import java.util.List;

/**
 * The gateway pair of one transaction and its failover. When the gateway of one side times out (an
 * injected timer, never a decision: DESIGN.md §4, local timers only trigger re-queries and
 * failover), the next gateway of that side in the seeded order takes over. After every gateway of a
 * side has failed once, the walk starts over from the first, so a recovered gateway is tried again;
 * {@link #failovers} counts all switches. Not thread-safe.
 */
public final class Route {
  /** The side of a transaction a gateway serves. */
  public enum Side {
    /** The source AS's gateway, G_X. */
    SOURCE,
    /** The destination AS's gateway, G_Y. */
    DESTINATION
  }

  private final List<GatewayId> sourceOrder;
  private final List<GatewayId> destinationOrder;
  private int sourcePosition;
  private int destinationPosition;
  private int failovers;

  Route(List<GatewayId> sourceOrder, List<GatewayId> destinationOrder) {
    this.sourceOrder = List.copyOf(sourceOrder);
    this.destinationOrder = List.copyOf(destinationOrder);
  }

  /** The pair in charge now. */
  public GatewayPair current() {
    return new GatewayPair(
        sourceOrder.get(sourcePosition % sourceOrder.size()),
        destinationOrder.get(destinationPosition % destinationOrder.size()));
  }

  /**
   * The gateway of {@code side} timed out: switch that side to its next gateway.
   *
   * @return the new pair
   */
  public GatewayPair onTimeout(Side side) {
    if (side == Side.SOURCE) {
      sourcePosition++;
    } else {
      destinationPosition++;
    }
    failovers++;
    return current();
  }

  /** Whether every gateway of {@code side} has been tried and timed out at least once. */
  public boolean exhausted(Side side) {
    return side == Side.SOURCE
        ? sourcePosition >= sourceOrder.size()
        : destinationPosition >= destinationOrder.size();
  }

  /** How many failovers happened. */
  public int failovers() {
    return failovers;
  }
}
