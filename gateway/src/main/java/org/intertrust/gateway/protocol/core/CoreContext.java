package org.intertrust.gateway.protocol.core;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.intertrust.crypto.bls.ThresholdCombiner;
import org.intertrust.crypto.bls.ThresholdPublicKey;
import org.intertrust.crypto.dealing.DealingRecord;
import org.intertrust.gateway.protocol.certificate.CrossAsStatement;
import org.intertrust.gateway.protocol.collect.ShareCollector;
import org.intertrust.gateway.protocol.dealing.DealingReference;
import org.intertrust.gateway.protocol.dealing.DealingSchedule;

/** State and helpers shared by the source and destination sides of one gateway core. */
final class CoreContext {
  final GatewayCoreConfig config;
  final DealingSchedule schedule;
  final ThresholdCombiner combiner;
  private final Map<DealingReference, ThresholdPublicKey> ownReplicaKeys = new HashMap<>();
  private final Map<DealingReference, ThresholdPublicKey> relayedOwnAsKeys = new HashMap<>();
  private List<GatewayAction> actions = new ArrayList<>();
  private long certificatesCombined;

  CoreContext(GatewayCoreConfig config, DealingSchedule schedule, ThresholdCombiner combiner) {
    this.config = config;
    this.schedule = schedule;
    this.combiner = combiner;
  }

  void emit(GatewayAction action) {
    actions.add(action);
  }

  void reject(Sender from, RejectReason reason, String detail) {
    actions.add(new GatewayAction.Reject(from, reason, detail));
  }

  List<GatewayAction> drain() {
    List<GatewayAction> out = actions;
    actions = new ArrayList<>();
    return out;
  }

  /**
   * Accepts a dealing the peer made for this AS's replicas if it is signed by an attested peer
   * enclave, names the peer as dealer and this AS as holder, and fits this AS's k and n.
   */
  Optional<String> acceptPeerDealing(DealingRecord record) {
    if (!config.peerEnclaves().contains(record.dealerIdentity())
        || !record.signedBy(record.dealerIdentity())
        || !record.context().dealerAs().equals(config.peer().as())
        || !record.context().holderAs().equals(config.ownAs().as())
        || record.publicKey().threshold() != config.ownAs().threshold()
        || record.publicKey().size() != config.ownAs().size()) {
      return Optional.of("dealing " + record + " is not a peer dealing for " + config.ownAs().as());
    }
    ownReplicaKeys.put(DealingReference.of(record), record.publicKey());
    return Optional.empty();
  }

  /**
   * Accepts a dealing relayed with a lock if one of this AS's gateway enclaves made it for the
   * peer's replicas (the relay may reach another gateway of this AS than the one that dealt).
   */
  boolean acceptOwnAsDealing(DealingRecord record) {
    if (!config.ownEnclaves().contains(record.dealerIdentity())
        || !record.signedBy(record.dealerIdentity())
        || !record.context().dealerAs().equals(config.ownAs().as())
        || !record.context().holderAs().equals(config.peer().as())) {
      return false;
    }
    relayedOwnAsKeys.put(DealingReference.of(record), record.publicKey());
    return true;
  }

  /** Keys of dealings made on this AS's side for the peer's replicas: they verify peer proofs. */
  Optional<ThresholdPublicKey> peerProofKey(DealingReference reference) {
    return schedule.key(reference).or(() -> Optional.ofNullable(relayedOwnAsKeys.get(reference)));
  }

  /** Counts a certificate combined from this AS's replicas' shares. */
  void combined() {
    certificatesCombined++;
  }

  /** Certificates combined so far. */
  long certificatesCombined() {
    return certificatesCombined;
  }

  /** A collector for {@code statement}, signed by this AS's replicas under a peer dealing. */
  Optional<ShareCollector> collector(CrossAsStatement statement, DealingReference dealing) {
    ThresholdPublicKey key = ownReplicaKeys.get(dealing);
    if (key == null) {
      return Optional.empty();
    }
    return Optional.of(new ShareCollector(config.ownAs(), statement, key, dealing, combiner));
  }
}
