package org.intertrust.sim.example;

import java.util.function.UnaryOperator;
import java.util.stream.LongStream;
import org.intertrust.sim.Simulation;
import org.intertrust.sim.SimulationBuilder;
import org.intertrust.sim.network.LinkProfile;
import org.intertrust.sim.network.NetworkModel;

/** Builds simulations of the example protocol for tests. */
public final class RoundSimulations {
  private RoundSimulations() {}

  /** Seeds for parameterized tests: {@code count} fixed, spread-out values. */
  public static LongStream seeds(int count) {
    return LongStream.range(0, count).map(i -> 0x5EED_0000L + i * 7919);
  }

  /** A simulation of {@code config} with {@code log}, customized by {@code customize}. */
  public static Simulation<RoundMessage> build(
      long seed,
      RoundConfig config,
      RoundLog log,
      UnaryOperator<SimulationBuilder<RoundMessage>> customize) {
    SimulationBuilder<RoundMessage> builder =
        Simulation.<RoundMessage>builder(seed)
            .group("replicas", config.replicas(), RoundNode.factory(config, log));
    return customize.apply(builder).build();
  }

  /** A lossy, jittery, duplicating network: the default stress profile of the tests. */
  public static NetworkModel faultyNetwork() {
    return new NetworkModel(
        LinkProfile.reliable().withJitter(5_000_000L).withLoss(0.05).withDuplication(0.05));
  }
}
