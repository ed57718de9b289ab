package org.intertrust.gateway.protocol.core;

import java.util.Objects;
import org.intertrust.crypto.identity.IdentityPublicKey;
import org.intertrust.gateway.protocol.routing.GatewayId;

/** Who a message came from, as the authenticated transport reports it. */
public sealed interface Sender {
  /** A replica of this gateway's own AS. */
  record Replica(IdentityPublicKey identity) implements Sender {
    /** Checks the key. */
    public Replica {
      Objects.requireNonNull(identity, "identity");
    }
  }

  /** A gateway (of the peer AS). */
  record Gateway(GatewayId id) implements Sender {
    /** Checks the id. */
    public Gateway {
      Objects.requireNonNull(id, "id");
    }
  }
}
