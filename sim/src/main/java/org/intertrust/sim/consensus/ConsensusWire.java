package org.intertrust.sim.consensus;

import org.intertrust.consensus.ConsensusCodec;

/**
 * The consensus codec the simulated receivers decode {@link AsMessage.Wire} bytes with, bounded as
 * the networked node will bound it: payloads up to the AS's configured block payload, messages up
 * to that payload plus 64 KiB of headers, certificates and signatures.
 */
final class ConsensusWire {
  /** Room for everything in a message besides its payload. */
  static final int OVERHEAD_BYTES = 64 * 1024;

  private ConsensusWire() {}

  /** Limits for an AS whose blocks carry at most {@code maxPayloadBytes}. */
  static ConsensusCodec.Limits limits(int maxPayloadBytes) {
    return new ConsensusCodec.Limits(
        maxPayloadBytes + OVERHEAD_BYTES,
        maxPayloadBytes,
        1024,
        org.intertrust.consensus.ConsensusMessage.BlockResponse.MAX_BLOCKS);
  }

  /** The receivers' codec for an AS whose blocks carry at most {@code maxPayloadBytes}. */
  static ConsensusCodec codec(int maxPayloadBytes) {
    return new ConsensusCodec(limits(maxPayloadBytes));
  }
}
