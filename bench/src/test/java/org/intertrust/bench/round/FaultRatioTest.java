package org.intertrust.bench.round;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class FaultRatioTest {
  @ParameterizedTest(name = "{0} of {1} -> f={2}")
  @CsvSource({
    "1/6, 64, 10",
    "1/5, 100, 20",
    "1/4, 200, 50",
    "1/3, 200, 66",
    "1/3, 600, 199",
    "1/3, 800, 266",
    "1/6, 800, 133",
    "1/3, 4, 1"
  })
  void faulty_isTheFloorOfTheRatio_cappedAtTheLargestTolerableF(String ratio, int n, int f) {
    assertEquals(f, FaultRatio.parse(ratio).faulty(n));
  }

  @ParameterizedTest(name = "text ''{0}''")
  @ValueSource(strings = {"1/2", "2/3", "0/6", "1", "a/b", "1/3/4", "", "-1/6"})
  void parse_rejectsRatiosAboveOneThirdAndMalformedText(String text) {
    assertThrows(IllegalArgumentException.class, () -> FaultRatio.parse(text));
  }

  @Test
  void parse_acceptsSpaces_andPrintsAsWritten() {
    assertEquals("1/4", FaultRatio.parse(" 1 / 4 ").toString());
    assertEquals(certificateThresholds(), "f+1=67 2f+1=133");
  }

  private static String certificateThresholds() {
    return Certificate.F_PLUS_ONE.label()
        + "="
        + Certificate.F_PLUS_ONE.threshold(66)
        + " "
        + Certificate.TWO_F_PLUS_ONE.label()
        + "="
        + Certificate.TWO_F_PLUS_ONE.threshold(66);
  }
}
