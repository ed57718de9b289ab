package org.intertrust.ledger.value;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.intertrust.crypto.encoding.AsId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AssetIdTest {

  @ParameterizedTest
  @ValueSource(strings = {"", "GOLD COIN", "gold!", "é", "a\n"})
  void constructor_rejectsEmptyOrForeignCharacters(String name) {
    assertThrows(IllegalArgumentException.class, () -> AssetId.of(name));
  }

  @Test
  void constructor_acceptsSixtyFourCharactersAndRejectsSixtyFive() {
    assertEquals(64, AssetId.of("a".repeat(64)).name().length());
    assertThrows(IllegalArgumentException.class, () -> AssetId.of("a".repeat(65)));
  }

  @Test
  void voucherFrom_tracesOriginAndUnwrapsOnlyForThatOrigin() {
    AssetId voucher = AssetId.of("GOLD").voucherFrom(new AsId(1)).orElseThrow();
    assertEquals("voucher/AS-1/GOLD", voucher.name());
    assertTrue(voucher.isVoucher());
    assertEquals(Optional.of(AssetId.of("GOLD")), voucher.unwrapVoucherOf(new AsId(1)));
    assertEquals(Optional.empty(), voucher.unwrapVoucherOf(new AsId(2)));
    assertFalse(AssetId.of("GOLD").isVoucher());
  }

  @Test
  void voucherFrom_isEmptyWhenTheDenominationWouldBeTooLong() {
    assertEquals(Optional.empty(), AssetId.of("a".repeat(60)).voucherFrom(new AsId(1)));
  }
}
