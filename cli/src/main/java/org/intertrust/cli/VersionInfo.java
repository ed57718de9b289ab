package org.intertrust.cli;

import java.util.Optional;
import picocli.CommandLine.IVersionProvider;

/**
 * The lines printed by {@code intertrust version} and {@code --version}.
 *
 * <p>The InterTrust version is the {@code Implementation-Version} of the jar manifest, which the
 * build writes into {@code cli/target/intertrust.jar}. Run from a class directory (tests, an IDE),
 * there is no manifest and the version is reported as unknown.
 */
final class VersionInfo implements IVersionProvider {
  /** Shown instead of a version when the classes were not loaded from the packaged jar. */
  static final String UNKNOWN_VERSION = "(unknown version: not run from the packaged jar)";

  private final Optional<String> implementationVersion;

  /** Used by picocli for {@code --version}; reads the manifest. */
  VersionInfo() {
    this(Optional.ofNullable(Main.class.getPackage().getImplementationVersion()));
  }

  /**
   * Creates version information for a known or absent implementation version.
   *
   * @param implementationVersion the version from the manifest, if any
   */
  VersionInfo(Optional<String> implementationVersion) {
    this.implementationVersion = implementationVersion;
  }

  /** Returns the version information of the running code. */
  static VersionInfo fromManifest() {
    return new VersionInfo();
  }

  /**
   * Returns three lines: {@code intertrust <version>}, the Java runtime, and the operating system
   * with its architecture.
   */
  @Override
  public String[] getVersion() {
    return new String[] {
      "intertrust " + implementationVersion.orElse(UNKNOWN_VERSION),
      "java "
          + System.getProperty("java.runtime.version", System.getProperty("java.version"))
          + " ("
          + System.getProperty("java.vendor")
          + ")",
      "os "
          + System.getProperty("os.name")
          + " "
          + System.getProperty("os.version")
          + " "
          + System.getProperty("os.arch"),
    };
  }
}
