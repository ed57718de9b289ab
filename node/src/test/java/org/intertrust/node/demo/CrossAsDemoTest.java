package org.intertrust.node.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import org.intertrust.crypto.dealing.DealingContext;
import org.intertrust.sim.crossas.CrossAsScenario;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Milestone B: two ASs (four replicas, one of them Byzantine, and two gateways each) over loopback
 * gRPC with mutual TLS, fifty cross-AS transfers to final on both sides, audit passing.
 */
class CrossAsDemoTest {
  private static final int TRANSFERS = 50;

  @TempDir Path data;

  @Test
  @Timeout(180)
  void fiftyTransfers_finalOnBothSides_withOneByzantineReplicaPerAs() throws Exception {
    CrossAsDemo.Options options =
        new CrossAsDemo.Options(
            4,
            2,
            TRANSFERS,
            1,
            5,
            EnumSet.of(CrossAsScenario.Kind.TRANSFER),
            DealingContext.Mode.PER_SESSION,
            25,
            16,
            60_000,
            90_000,
            data);
    CrossAsDemo.Result result = CrossAsDemo.run(options, progress -> {});
    assertEquals(List.of(), result.violations(), () -> result.toString());
    assertTrue(result.auditOk());
    assertEquals(TRANSFERS, result.submitted());
    assertEquals(TRANSFERS, result.finalBothSides());
    assertEquals(TRANSFERS, result.unlocked() + result.released());
    assertEquals(0, result.transport().refusedPeers());
  }
}
