package org.intertrust.sim.crossas;

import java.util.Map;
import java.util.TreeMap;

/** Counters of one cross-AS run: rejections by reason, across all gateways. */
final class CrossAsStats {
  private final Map<String, Long> rejections = new TreeMap<>();

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
