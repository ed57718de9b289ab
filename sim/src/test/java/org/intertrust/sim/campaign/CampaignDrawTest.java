package org.intertrust.sim.campaign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;
import org.intertrust.crypto.dealing.DealingContext;
import org.intertrust.sim.crossas.CrossAsScenario;
import org.intertrust.sim.crossas.CrossAsScenario.Fault;
import org.intertrust.sim.crossas.CrossAsScenario.Kind;
import org.junit.jupiter.api.Test;

class CampaignDrawTest {
  private static final CampaignDraw.Space SPACE = CampaignDraw.Space.everything(10);

  @Test
  void draw_isAFunctionOfTheSeed() {
    for (long seed = 1; seed <= 50; seed++) {
      assertEquals(CampaignDraw.draw(seed, SPACE), CampaignDraw.draw(seed, SPACE));
      assertEquals(seed, CampaignDraw.draw(seed, SPACE).seed());
    }
    assertNotEquals(CampaignDraw.draw(1, SPACE).command(), CampaignDraw.draw(2, SPACE).command());
  }

  @Test
  void draws_coverEveryDimensionOfTheSpace() {
    Set<Integer> ases = new HashSet<>();
    Set<Integer> sizes = new HashSet<>();
    Set<Fault> faults = EnumSet.noneOf(Fault.class);
    Set<DealingContext.Mode> dealings = EnumSet.noneOf(DealingContext.Mode.class);
    Set<Boolean> batching = new HashSet<>();
    boolean mixedKinds = false;
    boolean shortDeadline = false;
    boolean faultFree = false;
    for (long seed = 1; seed <= 500; seed++) {
      CrossAsScenario.Options o = CampaignDraw.draw(seed, SPACE).options();
      ases.add(o.ases());
      sizes.add(o.n());
      faults.addAll(o.faults());
      dealings.add(o.dealing());
      batching.add(o.batching());
      mixedKinds |= o.kinds().equals(EnumSet.allOf(Kind.class));
      shortDeadline |= o.deadlineMillis() < CampaignDraw.DEFAULT_DEADLINE_MILLIS;
      faultFree |= o.faults().isEmpty();
    }
    assertEquals(Set.of(2, 3, 4), ases);
    assertEquals(Set.of(4, 7), sizes);
    assertEquals(CrossAsScenario.IMPLEMENTED_FAULTS, faults);
    assertEquals(EnumSet.allOf(DealingContext.Mode.class), dealings);
    assertEquals(Set.of(true, false), batching);
    assertTrue(mixedKinds && shortDeadline && faultFree);
  }

  @Test
  void draw_keepsWithinThePool() {
    CampaignDraw.Space narrow =
        new CampaignDraw.Space(3, 3, 3, EnumSet.of(Fault.REPLAY, Fault.PARTITION));
    for (long seed = 1; seed <= 100; seed++) {
      CrossAsScenario.Options o = CampaignDraw.draw(seed, narrow).options();
      assertEquals(3, o.ases());
      assertEquals(3, o.transactions());
      assertTrue(EnumSet.of(Fault.REPLAY, Fault.PARTITION).containsAll(o.faults()), o::toString);
    }
  }

  @Test
  void draw_givesEveryDeadlineTimeToTerminateBeforeTheLimit() {
    for (long seed = 1; seed <= 200; seed++) {
      CrossAsScenario.Options o = CampaignDraw.draw(seed, SPACE).options();
      long lastDeadline = 50 + o.transactions() * o.intervalMillis() + o.deadlineMillis();
      assertTrue(
          o.maxVirtualMillis() >= lastDeadline + CampaignDraw.TERMINATION_BOUND_MILLIS,
          o::toString);
      assertEquals(0, o.maxVirtualMillis() % 1_000, "the CLI takes whole seconds");
    }
  }

  @Test
  void command_namesEveryOptionOfTheDraw() {
    CampaignDraw draw = CampaignDraw.draw(7, SPACE);
    CrossAsScenario.Options o = draw.options();
    String command = draw.command();
    assertTrue(command.startsWith("./intertrust sim --scenario cross-as --as " + o.ases()));
    assertTrue(command.contains(" --n " + o.n() + " "), command);
    assertTrue(command.contains(" --deadline-ms " + o.deadlineMillis() + " "), command);
    assertTrue(command.contains(" --interval-ms " + o.intervalMillis() + " "), command);
    assertTrue(command.contains(" --max-seconds " + o.maxVirtualMillis() / 1_000 + " "), command);
    assertTrue(command.endsWith(" --seed 7"), command);
    for (Fault fault : o.faults()) {
      assertTrue(command.contains(fault.cliName()), command);
    }
    assertFalse(command.contains("  "), command);
  }
}
