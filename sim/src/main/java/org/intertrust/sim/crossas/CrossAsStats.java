package org.intertrust.sim.crossas;

import java.util.Map;
import java.util.TreeMap;

/** Counters of one cross-AS run: rejections by reason, across all gateways. */
final class CrossAsStats {
  private final Map<String, Long> rejections = new TreeMap<>();

  void rejected(String reason) {
    rejections.merge(reason, 1L, Long::sum);
  }

  Map<String, Long> rejections() {
    return Map.copyOf(rejections);
  }

  long rejections(String reason) {
    return rejections.getOrDefault(reason, 0L);
  }
}
