package org.intertrust.sim.consensus;

import java.util.Arrays;
import java.util.HexFormat;
import org.intertrust.consensus.ConsensusCodec;

/**
 * What the simulated network carries between replicas. An honest replica's message travels as the
 * object itself ({@link Decoded}): its encoding round-trips exactly (ConsensusCodecTest), so
 * encoding and decoding it at every hop would cost wall time and change nothing. A Byzantine
 * replica's messages travel as wire bytes ({@link Wire}) and every receiver decodes them through
 * {@link #CODEC}, as the networked node will: garbage, truncated or oversized bytes are rejected
 * with the codec's typed reason before the replica core sees anything.
 */
sealed interface Packet permits Packet.Decoded, Packet.Wire {
  /** The largest payload a scenario's leader may propose (its {@code ConsensusConfig}). */
  int MAX_PAYLOAD_BYTES = 1024;

  /** The receivers' codec: messages up to 64 KiB, payloads up to {@link #MAX_PAYLOAD_BYTES}. */
  ConsensusCodec CODEC =
      new ConsensusCodec(new ConsensusCodec.Limits(64 * 1024, MAX_PAYLOAD_BYTES, 1024, 64));

  /** A message object, from an honest replica. */
  record Decoded(org.intertrust.consensus.ConsensusMessage message) implements Packet {}

  /** Wire bytes, from a Byzantine replica: decoded (or rejected) by the receiver. */
  record Wire(byte[] bytes) implements Packet {
    public Wire {
      bytes = bytes.clone();
    }

    @Override
    public byte[] bytes() {
      return bytes.clone();
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Wire && Arrays.equals(bytes, ((Wire) other).bytes);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
      return "Wire["
          + bytes.length
          + " bytes "
          + HexFormat.of().formatHex(bytes, 0, Math.min(8, bytes.length))
          + "]";
    }
  }
}
