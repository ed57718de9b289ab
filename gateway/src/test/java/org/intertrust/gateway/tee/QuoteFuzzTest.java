package org.intertrust.gateway.tee;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.intertrust.crypto.encoding.EncodingException;

/**
 * Fuzzes {@link Quote#decode} with Jazzer. Property: decoding returns a value or throws only the
 * decoder's typed exception (any other throwable is a bug), and a decoded value re-encodes to
 * exactly the input (the encoding is canonical). Regression inputs live under {@code
 * QuoteFuzzTestInputs/decode} in the test resources; {@code mvn verify -Pfuzz} fuzzes for real
 * (docs/RELIABILITY.md).
 */
class QuoteFuzzTest {

  @FuzzTest(maxDuration = FuzzLimits.MAX_DURATION)
  void decode(byte[] input) {
    if (input.length > FuzzLimits.MAX_INPUT_BYTES) {
      return;
    }
    Quote decoded;
    try {
      decoded = Quote.decode(input);
    } catch (EncodingException rejected) {
      return;
    }
    byte[] reencoded = decoded.encode();
    assertArrayEquals(input, reencoded, "decode then encode must give back the input");
  }
}
