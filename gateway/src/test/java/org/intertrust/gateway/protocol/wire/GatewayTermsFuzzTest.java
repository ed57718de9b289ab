package org.intertrust.gateway.protocol.wire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.intertrust.gateway.protocol.replica.CrossAsTerms;

/**
 * Fuzzes {@link GatewayCodec#decodeTerms} with Jazzer. Property: decoding returns a value or throws
 * only the decoder's typed exception (any other throwable is a bug), and a decoded value re-encodes
 * to exactly the input (the encoding is canonical). Regression inputs live under {@code
 * GatewayTermsFuzzTestInputs/decode} in the test resources; {@code mvn verify -Pfuzz} fuzzes for
 * real (docs/RELIABILITY.md).
 */
class GatewayTermsFuzzTest {

  @FuzzTest(maxDuration = FuzzLimits.MAX_DURATION)
  void decode(byte[] input) {
    if (input.length > FuzzLimits.MAX_INPUT_BYTES) {
      return;
    }
    CrossAsTerms decoded;
    try {
      decoded = GatewayCodec.decodeTerms(input);
    } catch (GatewayDecodingException rejected) {
      return;
    }
    byte[] reencoded = GatewayCodec.encodeTerms(decoded);
    assertArrayEquals(input, reencoded, "decode then encode must give back the input");
  }
}
