package org.intertrust.arch;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import java.util.List;
import java.util.stream.Stream;
import org.intertrust.arch.fixture.BlstOutsideCrypto;
import org.intertrust.arch.fixture.IoAdapter;
import org.intertrust.arch.fixture.JunitInProduction;
import org.intertrust.consensus.archfixture.CoreRuleViolations;
import org.intertrust.consensus.archfixture.DeterministicCore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Shows that each rule reports a violation on a deliberately bad fixture and not on a good one. */
class RulesCatchViolationsTest {

  private static final List<ArchRule> PROTOCOL_CORE_RULES =
      List.of(
          ArchitectureRules.PROTOCOL_CORES_DO_NO_IO,
          ArchitectureRules.PROTOCOL_CORES_USE_NO_THREADS_OR_TIMERS,
          ArchitectureRules.PROTOCOL_CORES_READ_NO_WALL_CLOCK,
          ArchitectureRules.PROTOCOL_CORES_USE_NO_UNSEEDED_RANDOMNESS);

  private static EvaluationResult evaluate(ArchRule rule, Class<?> fixture) {
    JavaClasses imported = new ClassFileImporter().importClasses(fixture);
    return rule.evaluate(imported);
  }

  @Test
  void nativeLibraryRule_reportsBlstUseOutsideCrypto() {
    EvaluationResult result =
        evaluate(ArchitectureRules.ONLY_CRYPTO_USES_NATIVE_LIBRARIES, BlstOutsideCrypto.class);

    assertAll(
        () -> assertTrue(result.hasViolation()),
        () ->
            assertTrue(
                result.getFailureReport().toString().contains("supranational.blst.P1"),
                result.getFailureReport().toString()));
  }

  @Test
  void junitRule_reportsJunitUseInProductionCode() {
    EvaluationResult result =
        evaluate(ArchitectureRules.PRODUCTION_CODE_DOES_NOT_USE_JUNIT, JunitInProduction.class);

    assertTrue(result.hasViolation());
  }

  static Stream<Arguments> coreViolations() {
    return Stream.of(
        arguments(ArchitectureRules.PROTOCOL_CORES_DO_NO_IO, CoreRuleViolations.OpensSocket.class),
        arguments(ArchitectureRules.PROTOCOL_CORES_DO_NO_IO, CoreRuleViolations.ReadsFile.class),
        arguments(
            ArchitectureRules.PROTOCOL_CORES_DO_NO_IO, CoreRuleViolations.UsesJavaIoFile.class),
        arguments(
            ArchitectureRules.PROTOCOL_CORES_USE_NO_THREADS_OR_TIMERS,
            CoreRuleViolations.StartsThread.class),
        arguments(
            ArchitectureRules.PROTOCOL_CORES_USE_NO_THREADS_OR_TIMERS,
            CoreRuleViolations.UsesExecutor.class),
        arguments(
            ArchitectureRules.PROTOCOL_CORES_USE_NO_THREADS_OR_TIMERS,
            CoreRuleViolations.UsesTimer.class),
        arguments(
            ArchitectureRules.PROTOCOL_CORES_READ_NO_WALL_CLOCK,
            CoreRuleViolations.ReadsClock.class),
        arguments(
            ArchitectureRules.PROTOCOL_CORES_READ_NO_WALL_CLOCK,
            CoreRuleViolations.ReadsCurrentTimeMillis.class),
        arguments(
            ArchitectureRules.PROTOCOL_CORES_READ_NO_WALL_CLOCK,
            CoreRuleViolations.ReadsNanoTime.class),
        arguments(
            ArchitectureRules.PROTOCOL_CORES_READ_NO_WALL_CLOCK,
            CoreRuleViolations.CallsInstantNow.class),
        arguments(
            ArchitectureRules.PROTOCOL_CORES_USE_NO_UNSEEDED_RANDOMNESS,
            CoreRuleViolations.UsesSecureRandom.class),
        arguments(
            ArchitectureRules.PROTOCOL_CORES_USE_NO_UNSEEDED_RANDOMNESS,
            CoreRuleViolations.UsesUnseededRandom.class),
        arguments(
            ArchitectureRules.PROTOCOL_CORES_USE_NO_UNSEEDED_RANDOMNESS,
            CoreRuleViolations.UsesMathRandom.class),
        arguments(
            ArchitectureRules.PROTOCOL_CORES_USE_NO_UNSEEDED_RANDOMNESS,
            CoreRuleViolations.UsesRandomUuid.class));
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("coreViolations")
  void protocolCoreRule_reportsTheForbiddenUse(ArchRule rule, Class<?> fixture) {
    assertTrue(evaluate(rule, fixture).hasViolation(), rule.getDescription());
  }

  @Test
  void protocolCoreRules_acceptSeededRandomnessAndInjectedTime() {
    for (ArchRule rule : PROTOCOL_CORE_RULES) {
      EvaluationResult result = evaluate(rule, DeterministicCore.class);
      assertFalse(result.hasViolation(), result.getFailureReport().toString());
    }
  }

  @Test
  void protocolCoreRules_ignoreClassesOutsideTheCores() {
    for (ArchRule rule : PROTOCOL_CORE_RULES) {
      assertFalse(evaluate(rule, IoAdapter.class).hasViolation(), rule.getDescription());
    }
  }
}
