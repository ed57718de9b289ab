package org.intertrust.gateway.protocol.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.intertrust.crypto.dealing.DealingContext.Mode;
import org.intertrust.gateway.protocol.certificate.CrossAsStatement;
import org.intertrust.gateway.protocol.collect.WrappedShare;
import org.intertrust.gateway.protocol.dealing.DealingReference;
import org.intertrust.gateway.protocol.lifecycle.CrossAsPhase;
import org.intertrust.gateway.protocol.routing.GatewayId;
import org.intertrust.ledger.tx.Decision;
import org.intertrust.ledger.value.CrossAsTxId;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Over many seeds, one transaction from X (one gateway) to Y (two gateways) over a network that
 * loses 30% or 60% of gateway messages and delays the rest by 10 to 60 ms. The test plays both
 * ledgers: Y decides once (UNLOCK if a checked lock reaches its AS by the deadline, else RELEASE on
 * an expiry request), X applies whatever decision certificate arrives first. Checked: X ends FINAL,
 * X's decision is Y's (atomicity), X applies a decision exactly once, and X never decides before Y
 * did. A failure names its seed; the seed replays the run.
 */
class LossyNetworkTest {
  private static final long HORIZON = 120_000;

  static Stream<Arguments> runs() {
    Stream<Arguments> perTransaction =
        Stream.of(0.3, 0.6)
            .flatMap(
                loss ->
                    LongStream.range(0, 8)
                        .mapToObj(seed -> Arguments.of(seed, loss, Mode.PER_TRANSACTION)));
    Stream<Arguments> perSession =
        LongStream.range(100, 104).mapToObj(seed -> Arguments.of(seed, 0.3, Mode.PER_SESSION));
    return Stream.concat(perTransaction, perSession);
  }

  private record Scheduled(long time, long sequence, GatewayId at, GatewayEvent event) {}

  private static final class Run extends TwoAsGateways {
    private final Random random;
    private final double loss;
    private final PriorityQueue<Scheduled> queue =
        new PriorityQueue<>(
            (a, b) ->
                a.time() != b.time()
                    ? Long.compare(a.time(), b.time())
                    : Long.compare(a.sequence(), b.sequence()));
    private final Map<GatewayId, DealingReference> delivered = new HashMap<>();
    private long sequence;
    private Optional<CrossAsStatement.DecisionStatement> yDecision = Optional.empty();
    private long yDecidedAt = -1;
    private long xDecidedAt = -1;
    private int xApplications;

    Run(long seed, double loss, Mode mode) {
      super(mode);
      this.random = new Random(seed);
      this.loss = loss;
    }

    void schedule(long time, GatewayId at, GatewayEvent event) {
      queue.add(new Scheduled(time, sequence++, at, event));
    }

    GatewayCore core(GatewayId id) {
      return id.equals(gx) ? coreX : coresY.get(id);
    }

    void go(CrossAsTxId tx) {
      schedule(0, gx, new GatewayEvent.ClientRequest(0, tx, DEADLINE));
      while (!queue.isEmpty() && queue.peek().time() < HORIZON) {
        Scheduled next = queue.poll();
        if (next.at().equals(gx)
            && coreX.status(tx).map(s -> s.phase()).orElse(null) == CrossAsPhase.FINAL) {
          continue;
        }
        for (GatewayAction action : core(next.at()).handle(next.event())) {
          act(next.at(), next.time(), tx, action);
        }
      }
    }

    private void act(GatewayId at, long now, CrossAsTxId tx, GatewayAction action) {
      if (action instanceof GatewayAction.SendToGateway send) {
        if (random.nextDouble() >= loss) {
          schedule(
              now + 10 + random.nextInt(50),
              send.to(),
              new GatewayEvent.Received(now, new Sender.Gateway(at), send.message()));
        }
      } else if (action instanceof GatewayAction.SetTimer timer) {
        schedule(now + timer.delayMillis(), at, new GatewayEvent.TimerFired(now, timer.tx()));
      } else if (action instanceof GatewayAction.SendToReplicas replicas) {
        GatewayMessage.DealingDelivery delivery =
            (GatewayMessage.DealingDelivery) replicas.message();
        openShares(at.as(), delivery);
        delivered.put(at, DealingReference.of(delivery.record()));
        if (at.equals(gx)) {
          commitAndShare(at, now + 5, lock(tx));
        }
      } else if (action instanceof GatewayAction.SubmitProof submit) {
        onSubmit(at, now, tx, submit);
      } else if (action instanceof GatewayAction.SubmitExpire) {
        decideAtY(at, now, tx, now <= DEADLINE.millis());
      }
    }

    private void onSubmit(
        GatewayId at, long now, CrossAsTxId tx, GatewayAction.SubmitProof submit) {
      if (at.equals(gx)) {
        xApplications++;
        xDecidedAt = now;
        assertTrue(yDecidedAt >= 0 && yDecidedAt <= now, "X decided before Y");
        assertEquals(yDecision.orElseThrow(), submit.proof().statement(), "X applies Y's decision");
        schedule(now + 5, gx, new GatewayEvent.Finalized(now + 5, tx));
      } else {
        decideAtY(at, now, tx, true);
      }
    }

    /** Y's ledger: the first request decides (UNLOCK for a lock by the deadline), once. */
    private void decideAtY(GatewayId asker, long now, CrossAsTxId tx, boolean lockRequest) {
      if (yDecision.isEmpty()) {
        boolean unlock = lockRequest && now <= DEADLINE.millis();
        yDecision =
            Optional.of(
                unlock
                    ? decision(tx, Decision.UNLOCK, "")
                    : decision(tx, Decision.RELEASE, "DEADLINE_PASSED"));
        yDecidedAt = now;
        for (GatewayId y : coresY.keySet()) {
          commitAndShare(y, now + 5, yDecision.get());
        }
      } else {
        commitAndShare(asker, now + 5, yDecision.get());
      }
    }

    /** The AS of {@code at} commits {@code statement}; its replicas send shares to {@code at}. */
    private void commitAndShare(
        GatewayId at, long time, CrossAsStatement.TransactionStatement statement) {
      schedule(time, at, new GatewayEvent.Committed(time, statement));
      DealingReference dealing = delivered.get(at);
      if (dealing == null) {
        return;
      }
      var replicas = at.equals(gx) ? asX : asY;
      for (int i = 1; i <= replicas.configuration().size(); i++) {
        WrappedShare share =
            WrappedShare.sign(
                replicas.identities().get(i - 1), opened.get(dealing).get(i - 1), statement);
        schedule(
            time + i,
            at,
            new GatewayEvent.Received(
                time + i,
                new Sender.Replica(replicas.identities().get(i - 1).publicKey()),
                new GatewayMessage.ShareSubmission(statement, dealing, share)));
      }
    }
  }

  @ParameterizedTest
  @MethodSource("runs")
  void lossyNetwork_endsFinal_withYsDecision_appliedOnce(long seed, double loss, Mode mode) {
    Run run = new Run(seed, loss, mode);
    CrossAsTxId tx = TwoAsGateways.tx((int) (seed % 100) + 40);
    run.go(tx);
    var status = run.coreX.status(tx).orElseThrow();
    assertEquals(CrossAsPhase.FINAL, status.phase(), "seed " + seed);
    assertEquals(1, run.xApplications, "seed " + seed + ": X applies a decision exactly once");
    assertEquals(
        run.yDecision.orElseThrow().decision(), status.decision().orElseThrow(), "seed " + seed);
    assertTrue(run.xDecidedAt >= run.yDecidedAt, "seed " + seed);
  }
}
