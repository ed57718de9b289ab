package org.intertrust.sim.crossas;

import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.intertrust.crypto.dealing.DealingContext;
import org.intertrust.crypto.dealing.DealingException;
import org.intertrust.crypto.dealing.DealingRecord;
import org.intertrust.crypto.encoding.AsId;
import org.intertrust.crypto.identity.IdentityPublicKey;
import org.intertrust.gateway.enclave.GatewayEnclave;
import org.intertrust.gateway.protocol.attestation.AttestationPolicy;
import org.intertrust.gateway.protocol.attestation.AttestationVerifier;
import org.intertrust.gateway.protocol.attestation.HandshakeMessage;
import org.intertrust.gateway.protocol.attestation.MutualAttestation;
import org.intertrust.gateway.protocol.config.AsConfiguration;
import org.intertrust.gateway.protocol.core.GatewayMessage;
import org.intertrust.gateway.protocol.routing.GatewayId;
import org.intertrust.gateway.tee.Measurement;
import org.intertrust.gateway.tee.SoftwarePlatform;
import org.intertrust.ledger.value.ConsensusTime;
import org.intertrust.ledger.value.CrossAsTxId;
import org.intertrust.ledger.value.Sha256;
import org.intertrust.sim.NodeContext;
import org.intertrust.sim.SimNode;
import org.intertrust.sim.SimTimer;

/**
 * The fault unattested-gateway: a node the transport knows as a gateway of an AS (a slot the
 * gateway selector never routes to) whose enclave cannot be attested. Odd seeds: the right code on
 * a platform nobody trusts (rejected UNATTESTED); even seeds: a trusted platform running code whose
 * measurement is not on the allowlist (UNKNOWN_MEASUREMENT). It runs the real handshake with every
 * gateway of the other ASs, then tries to relay anyway: every {@value #INTERVAL_MILLIS} ms, {@value
 * #ROUNDS} times, it asks each of them for a dealing and queries a decision with a dealing of its
 * own (which, taken, would make the peer deliver its key to the peer's replicas and order an
 * expiry). Nothing it sends may take effect: every message other than a handshake step it receives
 * back is counted ({@link CrossAsStats#rogueAnswered}), and a run with any fails its test.
 */
final class RogueGateway implements SimNode<CrossAsMessage> {
  static final long INTERVAL_MILLIS = 50;
  static final int ROUNDS = 10;
  private static final Measurement ROGUE_CODE = Measurement.ofRelease("intertrust-gateway-rogue");

  /**
   * The rogue's identity and enclave.
   *
   * @param id the gateway slot it claims
   * @param enclave its enclave (untrusted platform or unknown code)
   * @param trustedRoot its platform's root, if the honest gateways trust that platform
   * @param seed the run's seed
   */
  record Setup(
      GatewayId id, GatewayEnclave enclave, Optional<IdentityPublicKey> trustedRoot, long seed) {}

  /** The rogue of a run with {@code seed}, claiming slot {@code index} of {@code as}. */
  static Setup setup(long seed, AsId as, int index) {
    SoftwarePlatform platform = SoftwarePlatform.init(new SeededSecureRandom(seed * 977 + 5));
    boolean unknownCode = seed % 2 == 0;
    GatewayEnclave enclave =
        GatewayEnclave.create(
            platform.launch(
                unknownCode ? ROGUE_CODE : TwoAs.CODE,
                () -> 0L,
                new SeededSecureRandom(seed * 977 + 6)),
            new SeededSecureRandom(seed * 977 + 7));
    return new Setup(
        new GatewayId(as, index),
        enclave,
        unknownCode ? Optional.of(platform.rootKey()) : Optional.empty(),
        seed);
  }

  private final Setup setup;
  private final MutualAttestation endpoint;
  private final Map<Integer, AsId> peers;
  private final Map<AsId, AsConfiguration> configurations;
  private final CrossAsStats stats;
  private final SplittableRandom random;
  private NodeContext<CrossAsMessage> context;
  private int round;

  RogueGateway(
      Setup setup,
      AsConfiguration own,
      Map<Integer, AsId> peers,
      Map<AsId, AsConfiguration> configurations,
      AttestationPolicy policy,
      CrossAsStats stats) {
    this.setup = setup;
    this.endpoint =
        new MutualAttestation(
            setup.enclave().attester(own),
            new AttestationVerifier(own.as(), policy, new SplittableRandom(setup.seed() + 3)));
    this.peers = new TreeMap<>(peers);
    this.configurations = Map.copyOf(configurations);
    this.stats = stats;
    this.random = new SplittableRandom(setup.seed() * 7 + 1);
  }

  @Override
  public void onStart(NodeContext<CrossAsMessage> context) {
    this.context = context;
    peers.forEach(
        (node, as) -> context.send(node, new CrossAsMessage.Handshake(endpoint.start(as))));
    context.setTimer(INTERVAL_MILLIS * CrossAsScenario.MILLIS, "rogue");
  }

  @Override
  public void onMessage(int from, CrossAsMessage message) {
    if (message instanceof CrossAsMessage.Handshake handshake) {
      if (handshake.message() instanceof HandshakeMessage.Hello hello) {
        context.send(from, new CrossAsMessage.Handshake(endpoint.onHello(hello)));
      }
      return;
    }
    stats.rogueAnswered();
  }

  @Override
  public void onTimer(SimTimer timer) {
    if (round++ >= ROUNDS) {
      return;
    }
    peers.forEach(this::attack);
    context.setTimer(INTERVAL_MILLIS * CrossAsScenario.MILLIS, "rogue");
  }

  private void attack(int node, AsId peer) {
    byte[] seed = new byte[8];
    random.nextBytes(seed);
    CrossAsTxId tx = new CrossAsTxId(Sha256.hash(seed));
    send(node, new GatewayMessage.DealingRequest(tx));
    try {
      AsConfiguration holders = configurations.get(peer);
      DealingRecord own =
          setup
              .enclave()
              .deal(
                  new DealingContext(
                      DealingContext.Mode.PER_TRANSACTION,
                      setup.id().as(),
                      peer,
                      tx.hash().toBytes()),
                  holders.threshold(),
                  holders.holders());
      send(node, new GatewayMessage.DecisionQuery(tx, peer, ConsensusTime.ofMillis(1), own));
    } catch (DealingException e) {
      throw new IllegalStateException("the rogue's enclave deals like any other", e);
    }
  }

  private void send(int node, GatewayMessage message) {
    context.send(node, new CrossAsMessage.BetweenGateways(message, Optional.empty()));
  }
}
