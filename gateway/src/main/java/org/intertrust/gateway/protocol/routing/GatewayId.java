package org.intertrust.gateway.protocol.routing;

import java.util.Objects;
import org.intertrust.crypto.encoding.AsId;

/**
 * A gateway: its AS and its index among that AS's gateways.
 *
 * @param as the AS
 * @param index 0-based index among the AS's gateways
 */
public record GatewayId(AsId as, int index) {
  /** Checks the fields. */
  public GatewayId {
    Objects.requireNonNull(as, "as");
    if (index < 0) {
      throw new IllegalArgumentException("gateway index must be >= 0");
    }
  }

  @Override
  public String toString() {
    return as + "/gw" + index;
  }
}
