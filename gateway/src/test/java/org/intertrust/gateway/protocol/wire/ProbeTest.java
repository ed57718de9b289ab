package org.intertrust.gateway.protocol.wire;

import org.junit.jupiter.api.Test;

class ProbeTest {
  @Test
  void probe() throws Exception {
    GatewayCodec codec = new GatewayCodec();
    for (int[] as : new int[][] {{4, 1, 2}, {31, 10, 11}}) {
      for (var e : new WireSamples(as[0], as[1], as[2]).all().entrySet()) {
        byte[] b = codec.encode(e.getValue());
        int reps = 100;
        for (int i = 0; i < 20; i++) codec.decode(b);
        long[] dec = new long[reps];
        long[] enc = new long[reps];
        for (int i = 0; i < reps; i++) {
          long t = System.nanoTime();
          codec.decode(b);
          dec[i] = System.nanoTime() - t;
          t = System.nanoTime();
          codec.encode(e.getValue());
          enc[i] = System.nanoTime() - t;
        }
        java.util.Arrays.sort(dec);
        java.util.Arrays.sort(enc);
        System.out.printf("PROBE n=%d %-28s %6d B  encode %7.1f us  decode %8.1f us%n", as[0], e.getKey(), b.length, enc[reps / 2] / 1e3, dec[reps / 2] / 1e3);
      }
    }
  }
}
