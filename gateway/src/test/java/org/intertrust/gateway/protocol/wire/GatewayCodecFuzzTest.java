package org.intertrust.gateway.protocol.wire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.intertrust.gateway.protocol.core.GatewayMessage;

/**
 * Fuzzes {@link GatewayCodec#decode} with Jazzer. Property: decoding returns a value or throws only
 * the decoder's typed exception (any other throwable is a bug), and a decoded value re-encodes to
 * exactly the input (the encoding is canonical). Regression inputs live under {@code
 * GatewayCodecFuzzTestInputs/decode} in the test resources; {@code mvn verify -Pfuzz} fuzzes for
 * real (docs/RELIABILITY.md).
 */
class GatewayCodecFuzzTest {
  private static final GatewayCodec CODEC = new GatewayCodec();

  @FuzzTest(maxDuration = FuzzLimits.MAX_DURATION)
  void decode(byte[] input) {
    if (input.length > FuzzLimits.MAX_INPUT_BYTES) {
      return;
    }
    GatewayMessage decoded;
    try {
      decoded = CODEC.decode(input);
    } catch (GatewayDecodingException rejected) {
      return;
    }
    byte[] reencoded = CODEC.encode(decoded);
    assertArrayEquals(input, reencoded, "decode then encode must give back the input");
  }
}
