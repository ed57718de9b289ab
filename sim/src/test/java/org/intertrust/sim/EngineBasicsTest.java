package org.intertrust.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.intertrust.sim.ScriptedNode.Received;
import org.intertrust.sim.network.LinkProfile;
import org.junit.jupiter.api.Test;

/** Groups, broadcast, injection, scheduled actions, run outcomes and misuse of the context. */
class EngineBasicsTest {
  private static final long MS = 1_000_000L;

  private final List<List<Received>> received = new ArrayList<>();

  /** Three replicas (ids 0..2) and one client (id 3); each node runs {@code onStart}. */
  private Simulation<String> replicasAndClient(
      java.util.function.BiConsumer<Integer, NodeContext<String>> onStart) {
    for (int i = 0; i < 4; i++) {
      received.add(new ArrayList<>());
    }
    NodeFactory<String> factory =
        (id, storage, incarnation) ->
            ScriptedNode.starting(context -> onStart.accept(id, context), received.get(id));
    return Simulation.<String>builder(7)
        .group("replicas", 3, factory)
        .group("clients", 1, factory)
        .build();
  }

  @Test
  void broadcast_reachesTheOtherMembersOfTheSendersGroupOnly() {
    Simulation<String> simulation =
        replicasAndClient(
            (id, context) -> {
              if (id == 0) {
                assertEquals(new NodeGroup("replicas", 0, 3), context.group());
                context.broadcast("hello");
              }
            });
    simulation.runFor(100 * MS);
    assertEquals(List.of(), received.get(0));
    assertEquals(List.of(new Received(10 * MS, 0, "hello")), received.get(1));
    assertEquals(List.of(new Received(10 * MS, 0, "hello")), received.get(2));
    assertEquals(List.of(), received.get(3));
  }

  @Test
  void multicastSelfSendAndInjection_deliverAsSpecified() {
    Simulation<String> simulation =
        replicasAndClient(
            (id, context) -> {
              if (id == 3) {
                context.multicast(new int[] {2, 0}, "request");
                context.send(3, "self");
              }
            });
    simulation.inject(5 * MS, -1, 1, "from-outside");
    simulation.runFor(100 * MS);
    assertEquals(List.of(new Received(10 * MS, 3, "request")), received.get(0));
    assertEquals(List.of(new Received(5 * MS, -1, "from-outside")), received.get(1));
    assertEquals(List.of(new Received(10 * MS, 3, "request")), received.get(2));
    assertEquals(List.of(new Received(0, 3, "self")), received.get(3));
  }

  @Test
  void scheduledAction_changesTheNetworkMidRun() {
    Simulation<String> simulation =
        replicasAndClient(
            (id, context) -> {
              if (id == 0) {
                context.setTimer(20 * MS, "again");
                context.send(1, "early");
              }
            });
    simulation.at(
        15 * MS, "slow links", s -> s.network().setDefault(LinkProfile.fixedDelay(50 * MS)));
    SimulationResult result = simulation.runFor(30 * MS);
    assertEquals(RunOutcome.QUEUE_EMPTY, result.outcome());
    assertEquals(30 * MS, simulation.now());
    assertEquals(List.of(new Received(10 * MS, 0, "early")), received.get(1));
    assertTrue(result.traceTail().contains("15000000 sim ACTION slow links"), result.report());
  }

  @Test
  void runOutcomes_conditionQueueEmptyAndEventLimit() {
    Simulation<String> simulation = replicasAndClient((id, context) -> context.broadcast("x" + id));
    assertEquals(
        RunOutcome.CONDITION_MET,
        simulation.runUntil(() -> !received.get(1).isEmpty(), Long.MAX_VALUE).outcome());
    assertEquals(RunOutcome.QUEUE_EMPTY, simulation.runFor(1_000 * MS).outcome());
    Simulation<String> limited =
        Simulation.<String>builder(1)
            .maxEvents(2)
            .group(
                "n",
                3,
                (id, storage, incarnation) -> ScriptedNode.starting(c -> {}, new ArrayList<>()))
            .build();
    SimulationResult result = limited.runFor(MS);
    assertEquals(RunOutcome.EVENT_LIMIT, result.outcome());
    assertEquals(2, result.eventsProcessed());
  }

  @Test
  void contextUsedOutsideAHandler_failsLoudly() {
    AtomicReference<NodeContext<String>> leaked = new AtomicReference<>();
    Simulation<String> simulation =
        replicasAndClient(
            (id, context) -> {
              if (id == 0) {
                leaked.set(context);
              }
            });
    simulation.runFor(MS);
    assertThrows(IllegalStateException.class, () -> leaked.get().send(1, "late"));
    assertThrows(IllegalArgumentException.class, () -> simulation.crashAt(9, 10 * MS));
    assertThrows(IllegalArgumentException.class, () -> simulation.crashAt(0, 0));
  }

  @Test
  void sendToUnknownNode_failsTheRunWithTheSeed() {
    Simulation<String> simulation = replicasAndClient((id, context) -> context.send(42, "x"));
    SimulationException failure =
        assertThrows(SimulationException.class, () -> simulation.runFor(MS));
    assertEquals(7, failure.seed());
    assertInstanceOf(IllegalArgumentException.class, failure.getCause());
  }

  @Test
  void cancelledTimer_neverFires_evenWhenItWaitedForABusyNode() {
    List<Received> log = new ArrayList<>();
    Simulation<String> simulation =
        Simulation.<String>builder(1)
            .group(
                "n",
                1,
                (id, storage, incarnation) ->
                    ScriptedNode.starting(
                        context -> {
                          SimTimer kept = context.setTimer(1 * MS, "kept");
                          SimTimer dropped = context.setTimer(2 * MS, "dropped");
                          context.setTimer(3 * MS, "late");
                          context.cancelTimer(dropped);
                          assertTrue(dropped.isCancelled() && !kept.isCancelled());
                          context.charge(5 * MS);
                        },
                        log))
            .build();
    simulation.runFor(100 * MS);
    assertEquals(
        List.of(new Received(5 * MS, -1, "timer:kept"), new Received(5 * MS, -1, "timer:late")),
        log,
        "timers that expire while the node is busy wait, in expiry order");
  }

  @Test
  void nodeRandomStreams_differPerNodeAndRepeatPerSeed() {
    List<Long> first = new ArrayList<>();
    List<Long> second = new ArrayList<>();
    for (List<Long> draws : List.of(first, second)) {
      Simulation.<String>builder(5)
          .group(
              "n",
              3,
              (id, storage, incarnation) ->
                  ScriptedNode.starting(c -> draws.add(c.random().nextLong()), new ArrayList<>()))
          .build()
          .runFor(MS);
    }
    assertEquals(first, second);
    assertEquals(3, first.stream().distinct().count());
  }

  @Test
  void invariantInterval_checksEveryKthEvent() {
    List<Long> checkedAt = new ArrayList<>();
    Simulation<String> simulation =
        Simulation.<String>builder(1)
            .invariantInterval(2)
            .invariant(
                view -> {
                  checkedAt.add(view.counters().get("events"));
                  return List.of();
                })
            .group(
                "n",
                5,
                (id, storage, incarnation) -> ScriptedNode.starting(c -> {}, new ArrayList<>()))
            .build();
    simulation.runFor(MS);
    assertEquals(List.of(2L, 4L), checkedAt);
  }

  @Test
  void scenarioRandom_isSeededAndIndependentOfTheRun() {
    Simulation<String> first = replicasAndClient((id, context) -> context.broadcast("x"));
    long before = first.scenarioRandom("clients").nextLong();
    SimulationResult run = first.runFor(100 * MS);
    Simulation<String> second = replicasAndClient((id, context) -> context.broadcast("x"));
    for (int i = 0; i < 100; i++) {
      second.scenarioRandom("clients").nextLong();
    }
    assertEquals(run.traceSha256(), second.runFor(100 * MS).traceSha256());
    assertEquals(before, second.scenarioRandom("clients").nextLong());
  }
}
