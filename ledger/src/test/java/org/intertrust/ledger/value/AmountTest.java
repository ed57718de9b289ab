package org.intertrust.ledger.value;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.intertrust.crypto.encoding.CanonicalReader;
import org.intertrust.crypto.encoding.CanonicalWriter;
import org.intertrust.crypto.encoding.EncodingException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class AmountTest {

  @Test
  void constructor_rejectsNegative() {
    assertThrows(IllegalArgumentException.class, () -> Amount.of(-1));
  }

  @Test
  void plus_throwsOverflowAtLongMax() {
    AmountArithmeticException e =
        assertThrows(
            AmountArithmeticException.class, () -> Amount.of(Long.MAX_VALUE).plus(Amount.of(1)));
    assertEquals(AmountArithmeticException.Kind.OVERFLOW, e.kind());
  }

  @Test
  void minus_throwsUnderflowBelowZero() {
    AmountArithmeticException e =
        assertThrows(AmountArithmeticException.class, () -> Amount.of(3).minus(Amount.of(4)));
    assertEquals(AmountArithmeticException.Kind.UNDERFLOW, e.kind());
  }

  static LongStream seeds() {
    return LongStream.range(0, 30);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void plusThenMinus_returnsOriginalWhenInRange(long seed) throws Exception {
    SplittableRandom random = new SplittableRandom(seed);
    long a = random.nextLong(Long.MAX_VALUE / 2);
    long b = random.nextLong(Long.MAX_VALUE / 2);
    assertEquals(Amount.of(a), Amount.of(a).plus(Amount.of(b)).minus(Amount.of(b)));
  }

  @Test
  void read_rejectsValuesWithTopBitSet() throws Exception {
    byte[] encoded = new CanonicalWriter().u64(-1L).toByteArray();
    EncodingException e =
        assertThrows(EncodingException.class, () -> Amount.read(new CanonicalReader(encoded)));
    assertEquals(EncodingException.Reason.INVALID_VALUE, e.reason());
  }
}
