package org.intertrust.crypto.dealing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Fuzzes {@link DealingRecord#parse} with Jazzer. Property: decoding returns a value or throws only
 * the decoder's typed exception (any other throwable is a bug), and a decoded value re-encodes to
 * exactly the input (the encoding is canonical). Regression inputs live under {@code
 * DealingRecordFuzzTestInputs/decode} in the test resources; {@code mvn verify -Pfuzz} fuzzes for
 * real (docs/RELIABILITY.md).
 */
class DealingRecordFuzzTest {

  @FuzzTest(maxDuration = FuzzLimits.MAX_DURATION)
  void decode(byte[] input) {
    if (input.length > FuzzLimits.MAX_INPUT_BYTES) {
      return;
    }
    DealingRecord decoded;
    try {
      decoded = DealingRecord.parse(input);
    } catch (DealingException rejected) {
      return;
    }
    byte[] reencoded = decoded.toBytes();
    assertArrayEquals(input, reencoded, "decode then encode must give back the input");
  }
}
