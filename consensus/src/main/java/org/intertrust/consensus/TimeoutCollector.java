package org.intertrust.consensus;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.intertrust.consensus.ConsensusMessage.Timeout;

/** Gathers signed timeouts per round into {@link TimeoutCertificate}s of 2f+1 distinct senders. */
final class TimeoutCollector {
  private final ConsensusConfig config;
  private final Map<Long, Map<Integer, Timeout>> pending = new HashMap<>();
  private final Map<Long, TimeoutCertificate> certificates = new HashMap<>();

  TimeoutCollector(ConsensusConfig config) {
    this.config = config;
  }

  /** Adds a verified timeout; returns the certificate when this one completes a quorum. */
  Optional<TimeoutCertificate> add(Timeout timeout) {
    if (certificates.containsKey(timeout.round())) {
      return Optional.empty();
    }
    Map<Integer, Timeout> round =
        pending.computeIfAbsent(timeout.round(), r -> new LinkedHashMap<>());
    round.putIfAbsent(timeout.sender(), timeout);
    if (round.size() < config.quorum()) {
      return Optional.empty();
    }
    List<TimeoutCertificate.Entry> entries = new ArrayList<>();
    for (Timeout t : round.values()) {
      entries.add(new TimeoutCertificate.Entry(t.sender(), t.highQc().round(), t.signature()));
    }
    TimeoutCertificate tc = new TimeoutCertificate(config.as(), timeout.round(), entries);
    certificates.put(timeout.round(), tc);
    pending.keySet().removeIf(r -> r <= timeout.round());
    return Optional.of(tc);
  }

  /** How many distinct replicas sent a timeout for {@code round} (before it was certified). */
  int senders(long round) {
    Map<Integer, Timeout> timeouts = pending.get(round);
    return timeouts == null ? 0 : timeouts.size();
  }

  /** Drops timeouts and certificates of rounds before {@code round}. */
  void forgetBefore(long round) {
    pending.keySet().removeIf(r -> r < round);
    certificates.keySet().removeIf(r -> r < round);
  }

  /** Keeps a verified certificate received from a leader. */
  void adopt(TimeoutCertificate tc) {
    certificates.putIfAbsent(tc.round(), tc);
  }

  Optional<TimeoutCertificate> certificateFor(long round) {
    return Optional.ofNullable(certificates.get(round));
  }
}
