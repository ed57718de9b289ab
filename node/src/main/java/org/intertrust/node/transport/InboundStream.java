package org.intertrust.node.transport;

import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import org.intertrust.node.runtime.WireCodec;
import org.intertrust.node.runtime.WireDecodingException;
import org.intertrust.node.transport.proto.Ack;
import org.intertrust.node.transport.proto.Envelope;

/**
 * One inbound Deliver stream from an authenticated peer: checks and decodes each envelope, posts
 * the message to the node, and asks gRPC for the next envelope only when the node has handled one
 * (credit-based back-pressure, {@link TransportLimits#inboundCredit()} in flight).
 */
final class InboundStream<M> implements StreamObserver<Envelope> {
  private final int self;
  private final WireCodec<M> codec;
  private final GrpcTransport.Inbound<M> inbound;
  private final TransportStats stats;
  private final TransportLimits limits;
  private final int peer;
  private final ServerCallStreamObserver<Ack> responses;
  private long received;

  InboundStream(
      int self,
      WireCodec<M> codec,
      GrpcTransport.Inbound<M> inbound,
      TransportStats stats,
      TransportLimits limits,
      int peer,
      StreamObserver<Ack> responses) {
    this.self = self;
    this.codec = codec;
    this.inbound = inbound;
    this.stats = stats;
    this.limits = limits;
    this.peer = peer;
    this.responses = (ServerCallStreamObserver<Ack>) responses;
    this.responses.disableAutoRequest();
    this.responses.request(limits.inboundCredit());
  }

  @Override
  public void onNext(Envelope envelope) {
    received++;
    if (envelope.getVersion() != GrpcTransport.VERSION) {
      reject("version");
      return;
    }
    if (envelope.getTo() != self) {
      reject("recipient");
      return;
    }
    if (envelope.getPayload().size() > limits.maxMessageBytes()) {
      reject("size");
      return;
    }
    M message;
    try {
      message = codec.decode(envelope.getPayload().toByteArray());
    } catch (WireDecodingException e) {
      reject("decode-" + e.reason());
      return;
    }
    stats.delivered.increment();
    inbound.deliver(peer, message, () -> responses.request(1));
  }

  private void reject(String reason) {
    stats.reject(reason);
    responses.request(1);
  }

  @Override
  public void onError(Throwable t) {}

  @Override
  public void onCompleted() {
    responses.onNext(Ack.newBuilder().setReceived(received).build());
    responses.onCompleted();
  }
}
