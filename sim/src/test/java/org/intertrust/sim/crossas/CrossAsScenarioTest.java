package org.intertrust.sim.crossas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CrossAsScenarioTest {
  @Test
  void smoke() {
    CrossAsScenario.Summary summary = CrossAsScenario.run(CrossAsScenario.Options.transfers(5, 1));
    System.out.println(summary);
    assertTrue(summary.invariantsOk(), summary.violations().toString());
    assertEquals(5, summary.finalBothSides());
  }
}
