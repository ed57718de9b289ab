package org.intertrust.arch;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import org.intertrust.arch.fixture.BlstOutsideCrypto;
import org.intertrust.cli.Main;
import org.junit.jupiter.api.Test;

/**
 * Applies every rule of {@link ArchitectureRules} to the production classes of all modules that
 * {@code arch-tests} depends on.
 *
 * <p>These are plain JUnit tests calling {@code check}, not {@code @ArchTest} fields: Maven
 * Surefire 3.5.3 and later silently skips {@code @ArchTest} fields (TNG/ArchUnit issue 1442), so a
 * broken rule would pass unnoticed.
 */
class ProductionLayeringTest {
  private final JavaClasses classes = ProductionClasses.get();

  @Test
  void importedClasses_includeProductionCodeButNoTestCode() {
    assertAll(
        () -> assertTrue(classes.contain(Main.class), "cli classes not imported"),
        () -> assertFalse(classes.contain(BlstOutsideCrypto.class), "test fixtures imported"),
        () -> assertFalse(classes.contain(getClass()), "test classes imported"));
  }

  @Test
  void onlyCryptoUsesNativeLibraries() {
    ArchitectureRules.ONLY_CRYPTO_USES_NATIVE_LIBRARIES.check(classes);
  }

  @Test
  void protocolCoresDoNoIo() {
    ArchitectureRules.PROTOCOL_CORES_DO_NO_IO.check(classes);
  }

  @Test
  void protocolCoresUseNoThreadsOrTimers() {
    ArchitectureRules.PROTOCOL_CORES_USE_NO_THREADS_OR_TIMERS.check(classes);
  }

  @Test
  void protocolCoresReadNoWallClock() {
    ArchitectureRules.PROTOCOL_CORES_READ_NO_WALL_CLOCK.check(classes);
  }

  @Test
  void protocolCoresUseNoUnseededRandomness() {
    ArchitectureRules.PROTOCOL_CORES_USE_NO_UNSEEDED_RANDOMNESS.check(classes);
  }

  @Test
  void onlyCliUsesBench() {
    ArchitectureRules.ONLY_CLI_USES_BENCH.check(classes);
  }

  @Test
  void productionCodeDoesNotUseJunit() {
    ArchitectureRules.PRODUCTION_CODE_DOES_NOT_USE_JUNIT.check(classes);
  }
}
