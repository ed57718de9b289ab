package org.intertrust.cli;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.intertrust.crypto.dealing.DealingContext;
import org.intertrust.sim.crossas.CrossAsScenario;
import org.intertrust.sim.crossas.CrossAsScenario.Kind;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/** The options that {@code sim --scenario cross-as} and {@code demo} share, parsed one way. */
final class CrossAsChoices {
  private CrossAsChoices() {}

  /** {@code --kinds}: each name a kind this version runs; empty if none was given. */
  static Set<Kind> kinds(CommandLine line, List<String> names) {
    Set<Kind> chosen = EnumSet.noneOf(Kind.class);
    for (String name : names) {
      Kind kind;
      try {
        kind = Kind.parse(name);
      } catch (IllegalArgumentException e) {
        throw new ParameterException(line, "unknown kind " + name);
      }
      if (!CrossAsScenario.IMPLEMENTED_KINDS.contains(kind)) {
        throw new ParameterException(line, "kind " + name + " is not implemented yet");
      }
      chosen.add(kind);
    }
    return chosen;
  }

  /** {@code --dealing}: per-tx (the paper's) or per-session. */
  static DealingContext.Mode dealing(CommandLine line, String text) {
    switch (text) {
      case "per-tx":
        return DealingContext.Mode.PER_TRANSACTION;
      case "per-session":
        return DealingContext.Mode.PER_SESSION;
      default:
        throw new ParameterException(line, "--dealing is per-tx or per-session");
    }
  }
}
