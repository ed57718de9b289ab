package org.intertrust.sim.crossas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;
import org.intertrust.sim.crossas.CrossAsScenario.Fault;
import org.intertrust.sim.crossas.CrossAsScenario.Options;
import org.intertrust.sim.crossas.CrossAsScenario.Summary;
import org.junit.jupiter.api.Test;

class SkewedClockNodeTest {
  @Test
  void offsets_areSeededPerNodeAndBounded() {
    Set<Long> offsets = new HashSet<>();
    for (int node = 0; node < 20; node++) {
      long offset = SkewedClockNode.offsetNanos(3, node);
      assertEquals(offset, SkewedClockNode.offsetNanos(3, node));
      assertTrue(offset >= 0 && offset <= SkewedClockNode.BOUND_MILLIS * CrossAsScenario.MILLIS);
      offsets.add(offset);
    }
    assertTrue(offsets.size() > 10, "nodes get different offsets: " + offsets);
  }

  @Test
  void skewedClocks_changeTheRunAndEveryTransactionStillSettles() {
    Options plain = Options.transfers(4, 5);
    Summary straight = CrossAsScenario.run(plain);
    Summary skewed = CrossAsScenario.run(plain.withFaults(EnumSet.of(Fault.CLOCK_SKEW)));
    assertTrue(skewed.invariantsOk() && skewed.auditOk(), skewed.violations()::toString);
    assertEquals(4, skewed.finalBothSides());
    assertNotEquals(straight.traceSha256(), skewed.traceSha256());
  }
}
