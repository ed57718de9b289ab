package org.intertrust.arch;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleNameContaining;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.lang.ArchRule;
import java.io.File;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.FileReader;
import java.io.FileWriter;
import java.io.RandomAccessFile;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Random;
import java.util.Timer;
import java.util.TimerTask;
import java.util.UUID;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The layering rules of InterTrust, one constant per rule.
 *
 * <p>Rules name packages, not modules, so they keep holding as modules are added: a new module's
 * classes are checked as soon as {@code arch-tests} depends on it, which {@code ModuleCoverageTest}
 * enforces. Rules about packages that do not exist yet ({@link #PROTOCOL_CORE_PACKAGES}) allow an
 * empty selection, so they pass now and bite once the code arrives.
 */
public final class ArchitectureRules {
  /**
   * Packages of the pure, deterministic protocol cores (DESIGN.md section 3, STYLE.md rule 1):
   * events in, actions out; clock, randomness, network and storage are injected.
   */
  public static final String[] PROTOCOL_CORE_PACKAGES = {
    "org.intertrust.consensus..", "org.intertrust.gateway.protocol..", "org.intertrust.ledger..",
  };

  /** Only the crypto module talks to native code: blst through jblst, and JNA for the MSM. */
  public static final ArchRule ONLY_CRYPTO_USES_NATIVE_LIBRARIES =
      noClasses()
          .that()
          .resideOutsideOfPackage("org.intertrust.crypto..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("supranational.blst..", "com.sun.jna..")
          .because("blst and JNA are implementation details hidden behind the crypto API");

  /** Protocol cores do no network or file I/O; adapters outside the cores do. */
  public static final ArchRule PROTOCOL_CORES_DO_NO_IO =
      noClasses()
          .that()
          .resideInAnyPackage(PROTOCOL_CORE_PACKAGES)
          .should()
          .dependOnClassesThat(ioTypes())
          .allowEmptyShould(true)
          .because("protocol cores take network and storage as injected ports");

  /** Protocol cores neither create nor schedule on threads; one event loop owns their state. */
  public static final ArchRule PROTOCOL_CORES_USE_NO_THREADS_OR_TIMERS =
      noClasses()
          .that()
          .resideInAnyPackage(PROTOCOL_CORE_PACKAGES)
          .should()
          .dependOnClassesThat(threadAndTimerTypes())
          .allowEmptyShould(true)
          .because("a timer only posts an event to the core; the core never runs threads");

  /** Protocol cores never read the wall clock; time comes in with events. */
  public static final ArchRule PROTOCOL_CORES_READ_NO_WALL_CLOCK =
      noClasses()
          .that()
          .resideInAnyPackage(PROTOCOL_CORE_PACKAGES)
          .should()
          .dependOnClassesThat(belongToAnyOf(Clock.class))
          .orShould()
          .callMethod(System.class, "currentTimeMillis")
          .orShould()
          .callMethod(System.class, "nanoTime")
          .orShould()
          .callMethodWhere(javaTimeNowCall())
          .allowEmptyShould(true)
          .because("the simulator must replay a run exactly from its seed, under mock time");

  /**
   * Protocol cores use no unseeded randomness. Constructing a {@code Random} with a seed is fine.
   */
  public static final ArchRule PROTOCOL_CORES_USE_NO_UNSEEDED_RANDOMNESS =
      noClasses()
          .that()
          .resideInAnyPackage(PROTOCOL_CORE_PACKAGES)
          .should()
          .dependOnClassesThat(belongToAnyOf(SecureRandom.class, ThreadLocalRandom.class))
          .orShould()
          .callConstructor(Random.class)
          .orShould()
          .callMethod(Math.class, "random")
          .orShould()
          .callMethod(UUID.class, "randomUUID")
          .allowEmptyShould(true)
          .because("the simulator must replay a run exactly from its seed");

  /** Benchmark code is reached only from the command line, never from the system itself. */
  public static final ArchRule ONLY_CLI_USES_BENCH =
      noClasses()
          .that()
          .resideOutsideOfPackages("org.intertrust.bench..", "org.intertrust.cli..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("org.intertrust.bench..")
          .because("benchmarks measure the system and must not become part of it");

  /** Production code does not depend on test frameworks. */
  public static final ArchRule PRODUCTION_CODE_DOES_NOT_USE_JUNIT =
      noClasses()
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("org.junit..", "junit..", "org.opentest4j..")
          .because("tests live in src/test, never in production sources");

  private ArchitectureRules() {}

  private static DescribedPredicate<JavaClass> ioTypes() {
    return resideInAnyPackage("java.net..", "java.nio.channels..", "java.nio.file..")
        .or(
            belongToAnyOf(
                File.class,
                FileInputStream.class,
                FileOutputStream.class,
                FileReader.class,
                FileWriter.class,
                RandomAccessFile.class))
        .as("network or file I/O types");
  }

  private static DescribedPredicate<JavaClass> threadAndTimerTypes() {
    return belongToAnyOf(Thread.class, Timer.class, TimerTask.class, ForkJoinPool.class)
        .or(resideInAPackage("java.util.concurrent").and(simpleNameContaining("Executor")))
        .as("threads, executors or timers");
  }

  private static DescribedPredicate<JavaMethodCall> javaTimeNowCall() {
    return DescribedPredicate.describe(
        "a now() method of java.time..",
        call ->
            call.getTarget().getName().equals("now")
                && call.getTargetOwner().getPackageName().startsWith("java.time"));
  }
}
