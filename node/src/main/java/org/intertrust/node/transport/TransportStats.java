package org.intertrust.node.transport;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/** Counters of one transport, safe to read from any thread. */
public final class TransportStats {
  final LongAdder sent = new LongAdder();
  final LongAdder delivered = new LongAdder();
  final LongAdder droppedOverflow = new LongAdder();
  final LongAdder reconnects = new LongAdder();
  final LongAdder refusedPeers = new LongAdder();
  private final Map<String, AtomicLong> rejected = new ConcurrentHashMap<>();

  void reject(String reason) {
    rejected.computeIfAbsent(reason, r -> new AtomicLong()).incrementAndGet();
  }

  /** Envelopes handed to gRPC for sending. */
  public long sent() {
    return sent.sum();
  }

  /** Envelopes decoded and posted to a node. */
  public long delivered() {
    return delivered.sum();
  }

  /** Envelopes dropped because a peer link's queue was full (the oldest went). */
  public long droppedOverflow() {
    return droppedOverflow.sum();
  }

  /** Link streams re-opened after a failure. */
  public long reconnects() {
    return reconnects.sum();
  }

  /** Inbound streams refused: no client certificate, or one not issued to a known node. */
  public long refusedPeers() {
    return refusedPeers.sum();
  }

  /** Inbound envelopes rejected, by reason (version, recipient, size, decoding). */
  public Map<String, Long> rejected() {
    Map<String, Long> copy = new TreeMap<>();
    rejected.forEach((reason, count) -> copy.put(reason, count.get()));
    return copy;
  }

  @Override
  public String toString() {
    return "TransportStats[sent="
        + sent()
        + " delivered="
        + delivered()
        + " dropped="
        + droppedOverflow()
        + " reconnects="
        + reconnects()
        + " refusedPeers="
        + refusedPeers()
        + " rejected="
        + rejected()
        + "]";
  }
}
