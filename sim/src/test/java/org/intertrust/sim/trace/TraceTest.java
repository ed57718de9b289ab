package org.intertrust.sim.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class TraceTest {
  private static String sha256(String text) throws Exception {
    return HexFormat.of()
        .formatHex(
            MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void hash_isTheSha256OfTheLines_includingNonAscii() throws Exception {
    Trace trace = new Trace(TraceMode.FULL, 2);
    trace.record(0, 1, "START", "");
    trace.record(10, -1, "NOTE", "\u00e9t\u00e9");
    trace.record(20, 2, "RECV", "from=1 x");
    assertEquals(
        List.of("0 n1 START", "10 sim NOTE \u00e9t\u00e9", "20 n2 RECV from=1 x"), trace.lines());
    assertEquals(sha256(String.join("\n", trace.lines()) + "\n"), trace.sha256Hex());
    assertEquals(trace.lines().subList(1, 3), trace.tail(5));
    assertEquals(3, trace.lineCount());
  }

  @Test
  void tailMode_keepsOnlyTheTail_butHashesEverything() throws Exception {
    Trace full = new Trace(TraceMode.FULL, 1);
    Trace tail = new Trace(TraceMode.HASH_AND_TAIL, 1);
    for (Trace trace : List.of(full, tail)) {
      trace.record(1, 0, "A", "a");
      trace.record(2, 0, "B", "b");
    }
    assertEquals(full.sha256Hex(), tail.sha256Hex());
    assertEquals(List.of("2 n0 B b"), tail.tail(10));
    assertThrows(IllegalStateException.class, tail::lines);
  }

  @Test
  void offMode_recordsNothing() {
    Trace trace = new Trace(TraceMode.OFF, 1);
    trace.record(1, 0, "A", "a");
    assertEquals(0, trace.lineCount());
    assertEquals("off", trace.sha256Hex());
  }
}
