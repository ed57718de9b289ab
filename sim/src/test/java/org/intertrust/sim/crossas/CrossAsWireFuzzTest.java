package org.intertrust.sim.crossas;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.intertrust.consensus.ConsensusCodec;
import org.intertrust.gateway.protocol.wire.GatewayCodec;

/**
 * Fuzzes {@link CrossAsWire#decode} with Jazzer. Property: decoding returns a value or throws only
 * the decoder's typed exception (any other throwable is a bug), and a decoded value re-encodes to
 * exactly the input (the encoding is canonical). Regression inputs live under {@code
 * CrossAsWireFuzzTestInputs/decode} in the test resources; {@code mvn verify -Pfuzz} fuzzes for
 * real (docs/RELIABILITY.md).
 */
class CrossAsWireFuzzTest {
  private static final CrossAsWire WIRE = new CrossAsWire(new ConsensusCodec(), new GatewayCodec());

  @FuzzTest(maxDuration = FuzzLimits.MAX_DURATION)
  void decode(byte[] input) {
    if (input.length > FuzzLimits.MAX_INPUT_BYTES) {
      return;
    }
    CrossAsMessage decoded;
    try {
      decoded = WIRE.decode(input);
    } catch (CrossAsDecodingException rejected) {
      return;
    }
    byte[] reencoded = WIRE.encode(decoded);
    assertArrayEquals(input, reencoded, "decode then encode must give back the input");
  }
}
