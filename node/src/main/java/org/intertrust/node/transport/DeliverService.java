package org.intertrust.node.transport;

import io.grpc.MethodDescriptor;
import io.grpc.ServerServiceDefinition;
import io.grpc.protobuf.ProtoUtils;
import io.grpc.stub.ServerCalls;
import io.grpc.stub.StreamObserver;
import java.util.function.Function;
import org.intertrust.node.transport.proto.Ack;
import org.intertrust.node.transport.proto.Envelope;

/**
 * The transport's gRPC service, written by hand (the gRPC code generator is not available to the
 * build; ADR 0011): {@code intertrust.node.v1.Transport/Deliver}, client streaming, {@link
 * Envelope}s in and one {@link Ack} out when the sender closes its stream.
 */
final class DeliverService {
  static final String SERVICE = "intertrust.node.v1.Transport";

  static final MethodDescriptor<Envelope, Ack> DELIVER =
      MethodDescriptor.<Envelope, Ack>newBuilder()
          .setType(MethodDescriptor.MethodType.CLIENT_STREAMING)
          .setFullMethodName(MethodDescriptor.generateFullMethodName(SERVICE, "Deliver"))
          .setRequestMarshaller(ProtoUtils.marshaller(Envelope.getDefaultInstance()))
          .setResponseMarshaller(ProtoUtils.marshaller(Ack.getDefaultInstance()))
          .build();

  private DeliverService() {}

  /** The service whose Deliver calls are served by {@code handler}. */
  static ServerServiceDefinition definition(
      Function<StreamObserver<Ack>, StreamObserver<Envelope>> handler) {
    return ServerServiceDefinition.builder(SERVICE)
        .addMethod(DELIVER, ServerCalls.asyncClientStreamingCall(handler::apply))
        .build();
  }
}
