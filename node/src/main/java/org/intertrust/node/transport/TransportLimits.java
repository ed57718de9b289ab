package org.intertrust.node.transport;

/**
 * Bounds of the transport.
 *
 * @param maxMessageBytes the largest envelope a node accepts (gRPC's inbound limit); larger ones
 *     fail the sender's stream
 * @param outboundQueue envelopes queued per peer link while the link is not ready; when full, the
 *     oldest is dropped (and counted)
 * @param inboundCredit envelopes one inbound stream may have waiting in the node's event loop
 *     before the server stops reading it (HTTP/2 flow control then holds the sender back)
 * @param minBackoffMillis first reconnect delay after a link fails; doubles up to {@code
 *     maxBackoffMillis}
 * @param maxBackoffMillis the longest reconnect delay
 */
public record TransportLimits(
    int maxMessageBytes,
    int outboundQueue,
    int inboundCredit,
    long minBackoffMillis,
    long maxBackoffMillis) {
  /** Checks the bounds. */
  public TransportLimits {
    if (maxMessageBytes < 1024 || outboundQueue < 1 || inboundCredit < 1) {
      throw new IllegalArgumentException("transport limits too small");
    }
    if (minBackoffMillis < 1 || maxBackoffMillis < minBackoffMillis) {
      throw new IllegalArgumentException("bad reconnect backoff");
    }
  }

  /** 4 MiB messages (a block payload of 256 KiB plus certificates fits), 4096 queued, 64 credit. */
  public static TransportLimits defaults() {
    return new TransportLimits(4 << 20, 4_096, 64, 50, 2_000);
  }
}
