package org.intertrust.gateway.protocol.core;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.intertrust.crypto.bls.KeyShare;
import org.intertrust.crypto.bls.ShareIndex;
import org.intertrust.crypto.dealing.DealingContext.Mode;
import org.intertrust.crypto.dealing.DealingRecord;
import org.intertrust.crypto.encoding.AsId;
import org.intertrust.crypto.secret.SecretAccess;
import org.intertrust.gateway.Fixtures;
import org.intertrust.gateway.Fixtures.SeededRandom;
import org.intertrust.gateway.Fixtures.TestAs;
import org.intertrust.gateway.enclave.GatewayEnclave;
import org.intertrust.gateway.protocol.attestation.AttestedPeer;
import org.intertrust.gateway.protocol.certificate.CrossAsStatement;
import org.intertrust.gateway.protocol.collect.WrappedShare;
import org.intertrust.gateway.protocol.dealing.DealingReference;
import org.intertrust.gateway.protocol.dealing.RotationPolicy;
import org.intertrust.gateway.protocol.routing.GatewayId;
import org.intertrust.gateway.protocol.routing.GatewaySelector;
import org.intertrust.gateway.tee.Measurement;
import org.intertrust.gateway.tee.SoftwarePlatform;
import org.intertrust.ledger.tx.Decision;
import org.intertrust.ledger.value.ConsensusTime;
import org.intertrust.ledger.value.CrossAsTxId;
import org.intertrust.ledger.value.Sha256;

/**
 * Drives two gateway cores (X = AS 1 with one gateway, Y = AS 2 with two) and scripted replicas
 * through the cross-AS protocol: the test plays the network (delivering or dropping sends), the
 * replicas (opening dealt shares, signing committed statements) and the ledgers (commit events).
 */
class TwoAsGateways {
  static final AsId X = new AsId(1);
  static final AsId Y = new AsId(2);
  static final Measurement CODE = Measurement.ofRelease("gateway-1.0");
  static final ConsensusTime DEADLINE = ConsensusTime.ofMillis(10_000);
  static final long TIMEOUT = 1_000;

  final TestAs asX = Fixtures.smallAs(1, 11);
  final TestAs asY = Fixtures.smallAs(2, 22);
  final GatewayEnclave enclaveX = enclave(1);
  final GatewayEnclave enclaveY0 = enclave(2);
  final GatewayEnclave enclaveY1 = enclave(3);
  final GatewaySelector selector = new GatewaySelector(Map.of(X, 1, Y, 2), 5);
  final GatewayId gx = new GatewayId(X, 0);
  GatewayCore coreX;
  final Map<GatewayId, GatewayCore> coresY = new HashMap<>();
  final Map<DealingReference, List<KeyShare>> opened = new HashMap<>();

  private final Mode mode;

  TwoAsGateways(Mode mode) {
    this.mode = mode;
    coreX = core(gx, asX, asY, enclaveX, Set.of(enclaveY0, enclaveY1), Set.of(enclaveX), mode);
    coresY.put(
        new GatewayId(Y, 0),
        core(
            new GatewayId(Y, 0),
            asY,
            asX,
            enclaveY0,
            Set.of(enclaveX),
            Set.of(enclaveY0, enclaveY1),
            mode));
    coresY.put(
        new GatewayId(Y, 1),
        core(
            new GatewayId(Y, 1),
            asY,
            asX,
            enclaveY1,
            Set.of(enclaveX),
            Set.of(enclaveY0, enclaveY1),
            mode));
  }

  static GatewayEnclave enclave(long seed) {
    return GatewayEnclave.create(
        SoftwarePlatform.init(new SeededRandom(seed))
            .launch(CODE, () -> 0L, new SeededRandom(seed + 100)),
        new SeededRandom(seed + 200));
  }

  GatewayCore core(
      GatewayId self,
      TestAs own,
      TestAs peer,
      GatewayEnclave enclave,
      Set<GatewayEnclave> peerEnclaves,
      Set<GatewayEnclave> ownEnclaves,
      Mode mode) {
    GatewayEnclave anyPeer = peerEnclaves.iterator().next();
    GatewayCoreConfig config =
        new GatewayCoreConfig(
            self,
            own.configuration(),
            new AttestedPeer(anyPeer.publicKeys(), peer.configuration(), CODE),
            peerEnclaves.stream()
                .map(e -> e.publicKeys().identity())
                .collect(java.util.stream.Collectors.toSet()),
            ownEnclaves.stream()
                .map(e -> e.publicKeys().identity())
                .collect(java.util.stream.Collectors.toSet()),
            mode,
            new RotationPolicy(100, 1_000_000),
            TIMEOUT,
            64);
    return new GatewayCore(config, enclave, selector, new SplittableRandom(self.index() + 7));
  }

  static CrossAsTxId tx(int i) {
    return new CrossAsTxId(Sha256.hash(new byte[] {(byte) i}));
  }

  GatewayId firstY(CrossAsTxId tx) {
    return selector.select(tx, X, Y).destination();
  }

  GatewayId otherY(GatewayId y) {
    return new GatewayId(Y, 1 - y.index());
  }

  // ---- a tiny network: deliver every send, optionally dropping some ---------------------------

  final List<GatewayAction> log = new ArrayList<>();

  /** Delivers the actions of {@code actions} transitively; returns everything that happened. */
  List<GatewayAction> run(GatewayId at, List<GatewayAction> actions, long now) {
    List<GatewayAction> all = new ArrayList<>(actions);
    log.addAll(actions);
    for (GatewayAction action : actions) {
      if (action instanceof GatewayAction.SendToGateway send && !dropped(send)) {
        GatewayCore target = send.to().equals(gx) ? coreX : coresY.get(send.to());
        all.addAll(
            run(
                send.to(),
                target.handle(
                    new GatewayEvent.Received(now, new Sender.Gateway(at), send.message())),
                now));
      } else if (action instanceof GatewayAction.SendToReplicas toReplicas) {
        openShares(at.as(), (GatewayMessage.DealingDelivery) toReplicas.message());
      }
    }
    return all;
  }

  final List<Class<?>> drop = new ArrayList<>();

  boolean dropped(GatewayAction.SendToGateway send) {
    return drop.remove(send.message().getClass());
  }

  void openShares(AsId as, GatewayMessage.DealingDelivery delivery) {
    TestAs replicas = as.equals(X) ? asX : asY;
    DealingRecord record = delivery.record();
    List<KeyShare> shares = new ArrayList<>();
    try {
      for (int i = 1; i <= replicas.configuration().size(); i++) {
        shares.add(
            record.openShare(
                ShareIndex.of(i), replicas.agreements().get(i - 1), SecretAccess.get()));
      }
    } catch (Exception e) {
      throw new AssertionError(e);
    }
    opened.put(DealingReference.of(record), shares);
  }

  /** The replicas of {@code as} commit {@code statement} and replicas {@code signers} sign it. */
  List<GatewayAction> commitAndSign(
      GatewayId gateway,
      CrossAsStatement.TransactionStatement statement,
      DealingReference dealing,
      long now,
      int... signers) {
    GatewayCore core = gateway.equals(gx) ? coreX : coresY.get(gateway);
    TestAs replicas = gateway.equals(gx) ? asX : asY;
    List<GatewayAction> all =
        run(gateway, core.handle(new GatewayEvent.Committed(now, statement)), now);
    for (int i : signers) {
      WrappedShare share =
          WrappedShare.sign(
              replicas.identities().get(i - 1), opened.get(dealing).get(i - 1), statement);
      all.addAll(
          run(
              gateway,
              core.handle(
                  new GatewayEvent.Received(
                      now,
                      new Sender.Replica(replicas.identities().get(i - 1).publicKey()),
                      new GatewayMessage.ShareSubmission(statement, dealing, share))),
              now));
    }
    return all;
  }

  /**
   * Batch mode: the replicas of the gateway's AS commit a block at {@code height} whose records to
   * the peer under {@code dealing} are {@code leaves}; replicas {@code signers} sign the batch.
   */
  List<GatewayAction> commitAndSignBatch(
      GatewayId gateway,
      long height,
      List<CrossAsStatement.TransactionStatement> leaves,
      DealingReference dealing,
      long now,
      int... signers) {
    GatewayCore core = gateway.equals(gx) ? coreX : coresY.get(gateway);
    TestAs replicas = gateway.equals(gx) ? asX : asY;
    CrossAsStatement.TransactionStatement first = leaves.get(0);
    CrossAsStatement.Batch batch =
        org.intertrust.gateway.protocol.certificate.Batches.statement(
            first.sourceAs(), first.destinationAs(), height, leaves);
    List<GatewayAction> all =
        run(
            gateway,
            core.handle(new GatewayEvent.BatchCommitted(now, batch, dealing, leaves)),
            now);
    for (int i : signers) {
      WrappedShare share =
          WrappedShare.sign(
              replicas.identities().get(i - 1), opened.get(dealing).get(i - 1), batch);
      all.addAll(
          run(
              gateway,
              core.handle(
                  new GatewayEvent.Received(
                      now,
                      new Sender.Replica(replicas.identities().get(i - 1).publicKey()),
                      new GatewayMessage.ShareSubmission(batch, dealing, share))),
              now));
    }
    return all;
  }

  static <T> List<T> ofType(List<GatewayAction> actions, Class<T> type) {
    return actions.stream().filter(type::isInstance).map(type::cast).toList();
  }

  /** The lock relays sent among {@code actions}, in order. */
  static List<GatewayMessage.LockRelay> relays(List<GatewayAction> actions) {
    return ofType(actions, GatewayAction.SendToGateway.class).stream()
        .map(GatewayAction.SendToGateway::message)
        .filter(GatewayMessage.LockRelay.class::isInstance)
        .map(GatewayMessage.LockRelay.class::cast)
        .toList();
  }

  /** The first lock relay sent among {@code actions}. */
  static GatewayMessage.LockRelay relay(List<GatewayAction> actions) {
    return relays(actions).stream().findFirst().orElseThrow(() -> new AssertionError(actions));
  }

  DealingReference lastDelivered(List<GatewayAction> actions) {
    List<GatewayAction.SendToReplicas> deliveries =
        ofType(actions, GatewayAction.SendToReplicas.class);
    return DealingReference.of(
        ((GatewayMessage.DealingDelivery) deliveries.get(deliveries.size() - 1).message())
            .record());
  }

  CrossAsStatement.Lock lock(CrossAsTxId tx) {
    return new CrossAsStatement.Lock(X, Y, tx, DEADLINE);
  }

  CrossAsStatement.DecisionStatement decision(CrossAsTxId tx, Decision decision, String reason) {
    return new CrossAsStatement.DecisionStatement(Y, X, tx, DEADLINE, decision, reason);
  }

  /** Client request through to a relayed lock; returns the lock dealing. */
  /**
   * X's gateway crashes and restarts: a new core over the same enclave (the enclave's sealed state
   * restores the same keys and dealing seed), handed the latest snapshot of each transaction the
   * old core persisted (ADR 0015). Returns everything that happened.
   */
  List<GatewayAction> restartX(long now) {
    Map<CrossAsTxId, SourceSnapshot> stored = new java.util.LinkedHashMap<>();
    for (GatewayAction action : log) {
      if (action instanceof GatewayAction.Persist persist) {
        stored.put(persist.snapshot().tx(), persist.snapshot());
      }
    }
    coreX = core(gx, asX, asY, enclaveX, Set.of(enclaveY0, enclaveY1), Set.of(enclaveX), mode);
    List<GatewayAction> all = new ArrayList<>();
    for (SourceSnapshot snapshot : stored.values()) {
      all.addAll(run(gx, coreX.handle(new GatewayEvent.Resumed(now, snapshot)), now));
    }
    return all;
  }

  DealingReference requestAndLock(CrossAsTxId tx, long now) {
    List<GatewayAction> setup =
        run(gx, coreX.handle(new GatewayEvent.ClientRequest(now, tx, DEADLINE)), now);
    DealingReference lockDealing = lastDelivered(setup);
    return lockDealing;
  }
}
