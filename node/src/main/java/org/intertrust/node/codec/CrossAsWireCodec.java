package org.intertrust.node.codec;

import java.util.Locale;
import org.intertrust.node.runtime.WireCodec;
import org.intertrust.node.runtime.WireDecodingException;
import org.intertrust.sim.crossas.CrossAsDecodingException;
import org.intertrust.sim.crossas.CrossAsMessage;
import org.intertrust.sim.crossas.CrossAsWire;

/**
 * The transport's codec for the messages of a cross-AS system: the canonical {@link CrossAsWire}
 * format (ADR 0010), its typed decoding failures counted by reason.
 */
public final class CrossAsWireCodec implements WireCodec<CrossAsMessage> {
  private final CrossAsWire wire;

  public CrossAsWireCodec(CrossAsWire wire) {
    this.wire = wire;
  }

  @Override
  public byte[] encode(CrossAsMessage message) {
    return wire.encode(message);
  }

  @Override
  public CrossAsMessage decode(byte[] bytes) throws WireDecodingException {
    try {
      return wire.decode(bytes);
    } catch (CrossAsDecodingException e) {
      throw new WireDecodingException(
          e.reason().name().toLowerCase(Locale.ROOT).replace('_', '-'), e.getMessage());
    }
  }
}
