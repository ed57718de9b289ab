package org.intertrust.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import org.intertrust.sim.ScriptedNode.Received;
import org.intertrust.sim.cpu.CpuCostTable;
import org.intertrust.sim.cpu.CpuModel;
import org.intertrust.sim.cpu.WallClock;
import org.junit.jupiter.api.Test;

/** A busy node delays later events by exactly what it charged; sends leave at handler end. */
class CpuModelTest {
  private static final long MS = 1_000_000L;

  private static final CpuCostTable TABLE =
      CpuCostTable.builder()
          .fixed(CpuCostTable.BLS_VERIFY, 1 * MS)
          .linear(CpuCostTable.BLS_COMBINE, 500_000, 10_000)
          .build();

  /**
   * Node 0 sends {@code messages} to node 1 at start (all arrive together at 10 ms); node 1 runs
   * {@code handler} on each; node 0 records what comes back. Returns {received by 1, by 0}.
   */
  private static List<List<Received>> pingPong(
      CpuModel cpu, List<String> messages, BiConsumer<NodeContext<String>, Received> handler) {
    List<Received> atOne = new ArrayList<>();
    List<Received> atZero = new ArrayList<>();
    Simulation<String> simulation =
        Simulation.<String>builder(1)
            .cpu(cpu)
            .group(
                "nodes",
                2,
                (id, storage, incarnation) ->
                    id == 0
                        ? ScriptedNode.starting(c -> messages.forEach(m -> c.send(1, m)), atZero)
                        : new ScriptedNode(c -> {}, handler, atOne))
            .build();
    simulation.runFor(1_000 * MS);
    return List.of(atOne, atZero);
  }

  @Test
  void busyNode_delaysTheNextEventByExactlyTheChargedTime() {
    List<List<Received>> result =
        pingPong(
            CpuModel.free(),
            List.of("a", "b", "c"),
            (context, received) -> {
              context.charge(3 * MS);
              context.send(0, "ack-" + received.message());
            });
    List<Long> starts = result.get(0).stream().map(Received::time).toList();
    assertEquals(List.of(10 * MS, 13 * MS, 16 * MS), starts);
    List<Long> acks = result.get(1).stream().map(Received::time).toList();
    assertEquals(List.of(23 * MS, 26 * MS, 29 * MS), acks, "sends depart at the handler's end");
  }

  @Test
  void costTable_chargesNamedOperations() {
    List<List<Received>> result =
        pingPong(
            CpuModel.costTable(TABLE),
            List.of("a", "b"),
            (context, received) -> {
              context.charge(CpuCostTable.BLS_VERIFY);
              context.charge(CpuCostTable.BLS_COMBINE, 100);
            });
    assertEquals(10 * MS + 2_500_000, result.get(0).get(1).time());
  }

  @Test
  void freeModel_namedOperationsCostNothing() {
    List<List<Received>> result =
        pingPong(
            CpuModel.free(),
            List.of("a", "b"),
            (context, received) -> context.charge(CpuCostTable.BLS_VERIFY));
    assertEquals(10 * MS, result.get(0).get(1).time());
  }

  @Test
  void now_advancesWithinAHandlerAndTimersCountFromIt() {
    List<List<Received>> result =
        pingPong(
            CpuModel.free(),
            List.of("a"),
            (context, received) -> {
              context.charge(2 * MS);
              assertEquals(12 * MS, context.now());
              context.setTimer(5 * MS, "t");
            });
    assertEquals(new Received(17 * MS, -1, "timer:t"), result.get(0).get(1));
  }

  @Test
  void unknownOperation_failsTheRunWithTheSeed() {
    SimulationException failure =
        assertThrows(
            SimulationException.class,
            () ->
                pingPong(
                    CpuModel.costTable(TABLE),
                    List.of("a"),
                    (context, received) -> context.charge("bls.unknown")));
    assertEquals(1, failure.seed());
    assertInstanceOf(IllegalArgumentException.class, failure.getCause());
    assertTrue(failure.getMessage().contains("RECV from=0 a"), failure.getMessage());
  }

  @Test
  void measuredModel_chargesRealHandlerTime() {
    List<List<Received>> result =
        pingPong(
            CpuModel.measured(),
            List.of("a", "b"),
            (context, received) -> {
              long until = WallClock.nanoTime() + 2 * MS;
              while (WallClock.nanoTime() < until) {
                Thread.onSpinWait();
              }
            });
    assertTrue(result.get(0).get(1).time() >= 12 * MS, result.toString());
    assertTrue(CpuModel.measured().describe().startsWith("measured"));
  }

  @Test
  void measuredAtStartUp_tableRecordsTheMedianAndSaysSo() {
    CpuCostTable table =
        CpuCostTable.builder()
            .measured(
                "spin",
                () -> {
                  long until = WallClock.nanoTime() + 100_000;
                  while (WallClock.nanoTime() < until) {
                    Thread.onSpinWait();
                  }
                },
                2,
                5)
            .build();
    assertTrue(table.nanos("spin", 1) >= 100_000);
    assertTrue(CpuModel.costTable(table).describe().contains("(measured)"));
  }

  @Test
  void result_namesTheCpuModelThatRan() {
    SimulationResult result =
        Simulation.<String>builder(3)
            .cpu(CpuModel.costTable(TABLE))
            .group(
                "nodes", 1, (id, storage, incarnation) -> ScriptedNode.starting(c -> {}, List.of()))
            .build()
            .runFor(MS);
    assertTrue(result.cpuModel().startsWith("cost-table"), result.cpuModel());
    assertTrue(result.cpuModel().contains("bls.combine=500000ns+k*10000ns"), result.cpuModel());
    assertTrue(result.report().contains("cpu model: cost-table"), result.report());
  }
}
