package org.intertrust.gateway.protocol.routing;

import java.util.Objects;

/**
 * The gateways that carry one transaction: one of the source AS, one of the destination AS.
 *
 * @param source G_X
 * @param destination G_Y
 */
public record GatewayPair(GatewayId source, GatewayId destination) {
  /** Checks the fields. */
  public GatewayPair {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(destination, "destination");
  }
}
