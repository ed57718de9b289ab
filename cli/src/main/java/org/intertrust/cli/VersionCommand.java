package org.intertrust.cli;

import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code intertrust version}: prints the InterTrust version, the Java runtime and the platform. */
@Command(
    name = "version",
    mixinStandardHelpOptions = true,
    versionProvider = VersionInfo.class,
    description = "Print the InterTrust version, the Java runtime and the operating system.")
public final class VersionCommand implements Runnable {
  @Spec private CommandSpec spec;

  /** Created by picocli. */
  public VersionCommand() {}

  @Override
  public void run() {
    PrintWriter out = spec.commandLine().getOut();
    for (String line : VersionInfo.fromManifest().getVersion()) {
      out.println(line);
    }
    out.flush();
  }
}
