package org.intertrust.sim.crossas;

import java.util.Map;
import java.util.TreeMap;

/**
 * Counters of one cross-AS run: rejections by reason, across all gateways (and, for bytes that do
 * not decode, all receivers); the messages carried as wire bytes, by kind; and the crypto work of
 * the cross-AS certificates (partial signatures made by replicas, certificates combined and proof
 * signatures checked by gateways).
 */
final class CrossAsStats {
  /** Cost-table names of the Ed25519 operations, as the consensus replicas charge them. */
  static final String ED25519_SIGN = "ed25519.sign";

  static final String ED25519_VERIFY = "ed25519.verify";

  private final Map<String, Long> rejections = new TreeMap<>();
  private final Map<String, Long> carried = new TreeMap<>();
  private final Map<String, CrossAsMessage> firstCarried = new TreeMap<>();
  private long sharesSigned;
  private long certificatesCombined;
  private long signatureChecks;
  private long rogueAnswered;
  private long resumed;

  synchronized void carried(CrossAsMessage message) {
    String kind = kind(message);
    carried.merge(kind, 1L, Long::sum);
    firstCarried.putIfAbsent(kind, message);
  }

  /** The first message of each kind carried as bytes (test samples from a real run). */
  synchronized Map<String, CrossAsMessage> firstCarried() {
    return Map.copyOf(firstCarried);
  }

  synchronized Map<String, Long> carried() {
    return Map.copyOf(carried);
  }

  /** The kind of {@code message} and of the message it carries, e.g. {@code Protocol/LockRelay}. */
  static String kind(CrossAsMessage message) {
    Object inner = message;
    if (message instanceof CrossAsMessage.Local local) {
      inner = local.message();
    } else if (message instanceof CrossAsMessage.Protocol protocol) {
      inner = protocol.message();
    } else if (message instanceof CrossAsMessage.BetweenGateways between) {
      inner = between.message();
    }
    String outer = message.getClass().getSimpleName();
    return inner == message ? outer : outer + "/" + inner.getClass().getSimpleName();
  }

  /** The rogue gateway received something other than a handshake step. */
  synchronized void rogueAnswered() {
    rogueAnswered++;
  }

  synchronized long rogueAnswers() {
    return rogueAnswered;
  }

  /** A restarted gateway took up a transaction from its stored snapshot (ADR 0015). */
  synchronized void resumed() {
    resumed++;
  }

  synchronized long resumedTransactions() {
    return resumed;
  }

  synchronized void signed() {
    sharesSigned++;
  }

  synchronized void gatewayWork(long combined, long checks) {
    certificatesCombined += combined;
    signatureChecks += checks;
  }

  synchronized long sharesSigned() {
    return sharesSigned;
  }

  synchronized long certificatesCombined() {
    return certificatesCombined;
  }

  synchronized long signatureChecks() {
    return signatureChecks;
  }

  synchronized void rejected(String reason) {
    rejections.merge(reason, 1L, Long::sum);
  }

  synchronized Map<String, Long> rejections() {
    return Map.copyOf(rejections);
  }

  synchronized long rejections(String reason) {
    return rejections.getOrDefault(reason, 0L);
  }
}
