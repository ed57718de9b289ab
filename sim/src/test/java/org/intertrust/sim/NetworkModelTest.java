package org.intertrust.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.LongStream;
import org.intertrust.sim.ScriptedNode.Received;
import org.intertrust.sim.example.RoundConfig;
import org.intertrust.sim.example.RoundLog;
import org.intertrust.sim.example.RoundSimulations;
import org.intertrust.sim.network.LinkProfile;
import org.intertrust.sim.network.NetworkModel;
import org.intertrust.sim.network.Partition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Delay, jitter, loss, duplication, bandwidth and partitions. */
class NetworkModelTest {
  private static final long MS = 1_000_000L;

  static LongStream seeds() {
    return RoundSimulations.seeds(10);
  }

  /** Node 0 sends {@code count} numbered messages to node 1 at start; returns what 1 received. */
  private static List<Received> burst(long seed, NetworkModel network, int count) {
    List<Received> received = new ArrayList<>();
    Simulation<String> simulation =
        Simulation.<String>builder(seed)
            .network(network)
            .describer(
                new MessageDescriber<>() {
                  @Override
                  public String describe(String message) {
                    return message;
                  }

                  @Override
                  public int sizeBytes(String message) {
                    return 1250;
                  }
                })
            .group(
                "nodes",
                2,
                (id, storage, incarnation) ->
                    ScriptedNode.starting(
                        context -> {
                          for (int i = 0; id == 0 && i < count; i++) {
                            context.send(1, "m" + i);
                          }
                        },
                        received))
            .build();
    simulation.runFor(10_000 * MS);
    return received;
  }

  @Test
  void fixedDelay_messageArrivesExactlyAfterTheBaseDelay() {
    List<Received> received = burst(1, NetworkModel.reliable(), 3);
    assertEquals(3, received.size());
    received.forEach(delivery -> assertEquals(10 * MS, delivery.time()));
    assertEquals(List.of("m0", "m1", "m2"), received.stream().map(Received::message).toList());
  }

  @Test
  void bandwidth_addsTransmissionTimePerMessage() {
    NetworkModel network = new NetworkModel(LinkProfile.reliable().withBandwidth(1_000_000));
    List<Received> received = burst(1, network, 1);
    assertEquals(10 * MS + 1_250_000, received.get(0).time());
  }

  @Test
  void linkOverride_appliesToThatLinkOnly() {
    NetworkModel network = NetworkModel.reliable().setLink(0, 1, LinkProfile.fixedDelay(3 * MS));
    assertEquals(3 * MS, burst(1, network, 1).get(0).time());
    assertEquals(LinkProfile.reliable(), network.profile(1, 0));
  }

  @ParameterizedTest(name = "seed={0}")
  @MethodSource("seeds")
  void jitter_reordersWithinTheJitterBound(long seed) {
    NetworkModel network = new NetworkModel(LinkProfile.reliable().withJitter(5 * MS));
    List<Received> received = burst(seed, network, 100);
    assertEquals(100, received.size(), "seed=" + seed);
    List<String> order = received.stream().map(Received::message).toList();
    List<String> sent = LongStream.range(0, 100).mapToObj(i -> "m" + i).toList();
    assertNotEquals(sent, order, "seed=" + seed + ": jitter should reorder 100 messages");
    received.forEach(
        delivery ->
            assertTrue(delivery.time() >= 10 * MS && delivery.time() <= 15 * MS, "seed=" + seed));
  }

  @ParameterizedTest(name = "seed={0}")
  @MethodSource("seeds")
  void loss_dropsAboutTheConfiguredFraction(long seed) {
    NetworkModel network = new NetworkModel(LinkProfile.reliable().withLoss(0.3));
    int delivered = burst(seed, network, 1000).size();
    assertTrue(delivered > 600 && delivered < 800, "seed=" + seed + ": delivered " + delivered);
  }

  @Test
  void totalLoss_deliversNothing() {
    assertEquals(0, burst(1, new NetworkModel(LinkProfile.reliable().withLoss(1.0)), 50).size());
  }

  @Test
  void duplication_deliversEveryMessageTwiceWhenCertain() {
    NetworkModel network = new NetworkModel(LinkProfile.reliable().withDuplication(1.0));
    List<Received> received = burst(1, network, 20);
    assertEquals(40, received.size());
    assertEquals(20, received.stream().map(Received::message).distinct().count());
  }

  @ParameterizedTest(name = "seed={0}")
  @MethodSource("seeds")
  void lossyNetwork_protocolStillCommitsThroughRetransmission(long seed) {
    RoundLog log = new RoundLog();
    SimulationResult result =
        RoundSimulations.build(
                seed,
                RoundConfig.of(7, 20),
                log,
                builder -> builder.network(new NetworkModel(LinkProfile.reliable().withLoss(0.3))))
            .runFor(60_000 * MS);
    assertEquals(20, log.lastRound(), "seed=" + seed);
    assertTrue(result.counters().get("messages.lost") > 0, "seed=" + seed);
  }

  @Test
  void partition_blocksProgressUntilHealed() {
    RoundLog log = new RoundLog();
    Simulation<?> simulation =
        RoundSimulations.build(1, RoundConfig.of(4, 2), log, builder -> builder);
    simulation.partition(Partition.isolating(0), 5 * MS, 450 * MS);
    SimulationResult result = simulation.runFor(2_000 * MS);
    assertEquals(2, log.lastRound());
    assertTrue(log.commits().get(0).timeNanos() > 450 * MS, log.commits().toString());
    assertTrue(result.counters().get("messages.dropped_partition") > 0);
    assertTrue(result.counters().get("messages.cut_at_departure") > 0);
  }

  @Test
  void partitionBetweenGroups_separatesEachGroupAndTheRest() {
    Partition partition = Partition.between(List.of(Set.of(0, 1), Set.of(2)));
    assertTrue(partition.separates(0, 2));
    assertTrue(partition.separates(1, 3));
    assertTrue(partition.separates(2, 3));
    assertTrue(!partition.separates(0, 1));
    assertTrue(!partition.separates(3, 4));
  }
}
