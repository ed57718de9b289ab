package org.intertrust.sim.round;

import java.util.Optional;
import org.intertrust.sim.NodeContext;

/** The leader's collector: takes shares one at a time until it can make the certificate. */
interface Collector {
  /**
   * Handles one share's wire bytes, charging its work to {@code context}; returns the certificate
   * (48 compressed bytes, verified) once formed. Called no more after that.
   */
  Optional<byte[]> onShare(NodeContext<RoundMessage> context, byte[] wire);
}
