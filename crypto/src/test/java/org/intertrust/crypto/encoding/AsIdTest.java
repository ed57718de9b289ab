package org.intertrust.crypto.encoding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AsIdTest {

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 7, 0x8000, 65535})
  void constructor_acceptsUnsigned16BitValues(int value) {
    assertEquals(value, new AsId(value).value());
  }

  @ParameterizedTest
  @ValueSource(ints = {-1, 65536, Integer.MIN_VALUE, Integer.MAX_VALUE})
  void constructor_rejectsValuesOutsideUnsigned16Bits(int value) {
    InvalidAsIdException e = assertThrows(InvalidAsIdException.class, () -> new AsId(value));
    assertEquals(value, e.value());
  }

  @Test
  void toString_printsAsPrefix() {
    assertEquals("AS-7", new AsId(7).toString());
  }

  @Test
  void compareTo_ordersByValue() {
    assertTrue(new AsId(2).compareTo(new AsId(65535)) < 0);
    assertEquals(0, new AsId(9).compareTo(new AsId(9)));
  }
}
