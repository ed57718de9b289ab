package org.intertrust.consensus;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Fuzzes {@link ConsensusCodec#decode} with Jazzer. Property: decoding returns a value or throws
 * only the decoder's typed exception (any other throwable is a bug), and a decoded value re-encodes
 * to exactly the input (the encoding is canonical). Regression inputs live under {@code
 * ConsensusCodecFuzzTestInputs/decode} in the test resources; {@code mvn verify -Pfuzz} fuzzes for
 * real (docs/RELIABILITY.md).
 */
class ConsensusCodecFuzzTest {
  private static final ConsensusCodec CODEC = new ConsensusCodec();

  @FuzzTest(maxDuration = FuzzLimits.MAX_DURATION)
  void decode(byte[] input) {
    if (input.length > FuzzLimits.MAX_INPUT_BYTES) {
      return;
    }
    ConsensusMessage decoded;
    try {
      decoded = CODEC.decode(input);
    } catch (ConsensusDecodingException rejected) {
      return;
    }
    byte[] reencoded = CODEC.encode(decoded);
    assertArrayEquals(input, reencoded, "decode then encode must give back the input");
  }
}
