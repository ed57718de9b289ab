package org.intertrust.node.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.function.UnaryOperator;
import org.intertrust.crypto.encoding.AsId;
import org.intertrust.ledger.tx.TransactionCodec;
import org.intertrust.ledger.tx.Transfer;
import org.intertrust.ledger.value.AccountId;
import org.intertrust.ledger.value.Amount;
import org.intertrust.ledger.value.Nonce;
import org.intertrust.node.codec.AsMessageCodec;
import org.intertrust.node.runtime.MonotonicClock;
import org.intertrust.node.transport.TransportLimits;
import org.intertrust.sim.consensus.AsCluster;
import org.intertrust.sim.consensus.AsMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Milestone A: one AS of four replicas with ledgers, over loopback gRPC with mutual TLS. */
class OneAsOverGrpcTest {
  private static final AsId AS = new AsId(1);
  private static final int N = 4;
  private static final int TRANSFERS = 24;

  @TempDir Path data;

  @Test
  @Timeout(60)
  void fourReplicas_commitAndExecuteClientTransfers_overLoopbackGrpc() throws Exception {
    AsCluster as = AsCluster.create(AS, N, List.of(), 4, 11);
    AtomicIntegerArray executed = new AtomicIntegerArray(N);
    as.onExecution(
        (replica, block) ->
            block.block().transactions().stream()
                .filter(tx -> tx instanceof Transfer)
                .forEach(tx -> executed.incrementAndGet(replica)));
    TransportLimits limits = TransportLimits.defaults();
    try (LocalCluster<AsMessage> cluster =
        LocalCluster.create(
            List.of(
                new LocalCluster.Group<AsMessage>(
                    "replicas",
                    N,
                    (id, storage, incarnation) -> as.node(id, storage, UnaryOperator.identity()))),
            new AsMessageCodec(limits.maxMessageBytes()),
            limits,
            data,
            new MonotonicClock(),
            true)) {
      cluster.start();
      for (int k = 0; k < TRANSFERS; k++) {
        Transfer transfer =
            Transfer.sign(
                as.account(k % 4),
                AS,
                AccountId.of(as.account((k + 1) % 4).publicKey()),
                AsCluster.coin(),
                Amount.of(1 + k),
                new Nonce(k / 4));
        AsMessage message = new AsMessage.ClientTransaction(TransactionCodec.encode(transfer));
        for (int replica = 0; replica < N; replica++) {
          cluster.inject(replica, message);
        }
      }
      long deadline = System.nanoTime() + 30_000_000_000L;
      while (!allExecuted(executed) && System.nanoTime() < deadline) {
        assertTrue(cluster.failure().isEmpty(), () -> "a node stopped: " + cluster.failure());
        Thread.sleep(50);
      }
      assertTrue(allExecuted(executed), () -> "executed per replica: " + executed);
      assertEquals(List.of(), as.violations());
      assertTrue(cluster.transportStats().delivered() > 0);
      assertEquals(0, cluster.transportStats().refusedPeers());
      assertEquals(0, cluster.transportStats().droppedOverflow());
    }
  }

  private static boolean allExecuted(AtomicIntegerArray executed) {
    for (int i = 0; i < executed.length(); i++) {
      if (executed.get(i) < TRANSFERS) {
        return false;
      }
    }
    return true;
  }
}
