package org.intertrust.store.rocksdb;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.List;
import org.intertrust.crypto.encoding.EncodingException;
import org.intertrust.ledger.execution.Receipt;

/**
 * Fuzzes {@link StoreCodec#decodeReceipts} (a RocksDB value) with Jazzer. Property: decoding
 * returns a value or throws only the decoder's typed exception (any other throwable is a bug), and
 * a decoded value re-encodes to exactly the input (the encoding is canonical). Regression inputs
 * live under {@code StoreCodecFuzzTestInputs/decode} in the test resources; {@code mvn verify
 * -Pfuzz} fuzzes for real (docs/RELIABILITY.md).
 */
class StoreCodecFuzzTest {

  @FuzzTest(maxDuration = FuzzLimits.MAX_DURATION)
  void decode(byte[] input) {
    if (input.length > FuzzLimits.MAX_INPUT_BYTES) {
      return;
    }
    List<Receipt> decoded;
    try {
      decoded = StoreCodec.decodeReceipts(input);
    } catch (EncodingException rejected) {
      return;
    }
    byte[] reencoded;
    try {
      reencoded = StoreCodec.encodeReceipts(decoded);
    } catch (EncodingException e) {
      throw new AssertionError("a decoded value must re-encode", e);
    }
    assertArrayEquals(input, reencoded, "decode then encode must give back the input");
  }
}
