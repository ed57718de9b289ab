package org.intertrust.gateway.protocol.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.Map;
import org.intertrust.gateway.protocol.core.GatewayMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Sizes and median encode and decode times of every sample, for ASs of 4 and 31 replicas. Not part
 * of the default run (it measures, on whatever else the machine is doing); run it with
 *
 * <pre>
 * mvn -B -o -pl gateway -am verify -Dtest=GatewayCodecMeasurement \
 *     -Dsurefire.failIfNoSpecifiedTests=false -Dintertrust.measure=true
 * </pre>
 */
@EnabledIfSystemProperty(named = "intertrust.measure", matches = "true")
class GatewayCodecMeasurement {
  private static final int RUNS = 200;

  @Test
  void sizesAndTimes_ofEverySample() throws Exception {
    GatewayCodec codec = new GatewayCodec();
    for (int[] as : new int[][] {{4, 1, 2}, {31, 10, 11}}) {
      for (Map.Entry<String, GatewayMessage> entry :
          new WireSamples(as[0], as[1], as[2]).all().entrySet()) {
        byte[] bytes = codec.encode(entry.getValue());
        long[] encode = new long[RUNS];
        long[] decode = new long[RUNS];
        for (int i = -RUNS / 4; i < RUNS; i++) {
          long start = System.nanoTime();
          codec.encode(entry.getValue());
          long middle = System.nanoTime();
          assertEquals(entry.getValue(), codec.decode(bytes));
          if (i >= 0) {
            encode[i] = middle - start;
            decode[i] = System.nanoTime() - middle;
          }
        }
        Arrays.sort(encode);
        Arrays.sort(decode);
        System.out.printf(
            "n=%-3d %-26s %6d B  encode %8.1f us  decode %9.1f us%n",
            as[0], entry.getKey(), bytes.length, encode[RUNS / 2] / 1e3, decode[RUNS / 2] / 1e3);
      }
    }
  }
}
