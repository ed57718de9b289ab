package org.intertrust.node.transport;

import io.grpc.CallOptions;
import io.grpc.ManagedChannel;
import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientCalls;
import io.grpc.stub.ClientResponseObserver;
import java.util.ArrayDeque;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.intertrust.node.transport.proto.Ack;
import org.intertrust.node.transport.proto.Envelope;

/**
 * One direction of one pair of nodes: a TLS channel from {@code from} to {@code to} and one
 * long-lived Deliver stream on it. Envelopes wait in a bounded queue and go out only while the
 * stream is ready (gRPC flow control), so nothing unbounded builds up in gRPC's buffers. When the
 * queue is full the oldest envelope is dropped and counted: the protocols above tolerate loss
 * (timeouts, re-queries, catch-up) and a stale message is worth less than a fresh one. When the
 * stream fails, it is re-opened after a backoff that doubles from the minimum to the maximum and
 * resets once a stream is ready; envelopes in flight on a failed stream are lost (at most once).
 */
final class PeerLink {
  private static final Logger LOG = Logger.getLogger(PeerLink.class.getName());

  private final int from;
  private final int to;
  private final ManagedChannel channel;
  private final TransportLimits limits;
  private final TransportStats stats;
  private final ScheduledExecutorService scheduler;
  private final ArrayDeque<Envelope> queue = new ArrayDeque<>();
  private ClientCallStreamObserver<Envelope> stream;
  private boolean opening;
  private boolean closed;
  private long backoffMillis;

  PeerLink(
      int from,
      int to,
      ManagedChannel channel,
      TransportLimits limits,
      TransportStats stats,
      ScheduledExecutorService scheduler) {
    this.from = from;
    this.to = to;
    this.channel = channel;
    this.limits = limits;
    this.stats = stats;
    this.scheduler = scheduler;
    this.backoffMillis = limits.minBackoffMillis();
  }

  /** Queues {@code envelope} (dropping the oldest if full) and sends what the stream takes. */
  synchronized void send(Envelope envelope) {
    if (closed) {
      return;
    }
    if (queue.size() == limits.outboundQueue()) {
      queue.poll();
      stats.droppedOverflow.increment();
    }
    queue.add(envelope);
    if (stream == null && !opening) {
      open();
    }
    drain();
  }

  private void open() {
    opening = true;
    ClientCalls.asyncClientStreamingCall(
        channel.newCall(DeliverService.DELIVER, CallOptions.DEFAULT), new Responses());
  }

  private synchronized void drain() {
    while (stream != null && stream.isReady() && !queue.isEmpty()) {
      stream.onNext(queue.poll());
      stats.sent.increment();
    }
  }

  private synchronized void ready(ClientCallStreamObserver<Envelope> ready) {
    if (closed) {
      return;
    }
    if (stream != ready && opening) {
      stream = ready;
      opening = false;
      backoffMillis = limits.minBackoffMillis();
    }
    drain();
  }

  private synchronized void failed(Throwable cause) {
    stream = null;
    opening = false;
    if (closed) {
      return;
    }
    LOG.log(Level.FINE, "link {0} -> {1} failed ({2}); retrying", new Object[] {from, to, cause});
    long delay = backoffMillis;
    backoffMillis = Math.min(limits.maxBackoffMillis(), backoffMillis * 2);
    opening = true;
    scheduler.schedule(this::reopen, delay, TimeUnit.MILLISECONDS);
  }

  private synchronized void reopen() {
    if (closed) {
      return;
    }
    stats.reconnects.increment();
    open();
  }

  /** Ends the stream and drops what is queued. */
  synchronized void close() {
    closed = true;
    queue.clear();
    if (stream != null) {
      stream.onCompleted();
      stream = null;
    }
  }

  /** The stream's callbacks: readiness drains the queue; the end of the call re-opens it. */
  private final class Responses implements ClientResponseObserver<Envelope, Ack> {
    private ClientCallStreamObserver<Envelope> requests;

    @Override
    public void beforeStart(ClientCallStreamObserver<Envelope> requestStream) {
      this.requests = requestStream;
      requestStream.setOnReadyHandler(() -> ready(requests));
    }

    @Override
    public void onNext(Ack ack) {}

    @Override
    public void onError(Throwable t) {
      failed(t);
    }

    @Override
    public void onCompleted() {
      failed(new IllegalStateException("the peer ended the stream"));
    }
  }
}
