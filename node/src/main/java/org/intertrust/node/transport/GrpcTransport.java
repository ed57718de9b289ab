package org.intertrust.node.transport;

import com.google.protobuf.ByteString;
import io.grpc.ChannelCredentials;
import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.Grpc;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.Server;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerCredentials;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.Status;
import io.grpc.TlsChannelCredentials;
import io.grpc.TlsServerCredentials;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;
import org.intertrust.node.runtime.Outbound;
import org.intertrust.node.runtime.WireCodec;
import org.intertrust.node.transport.proto.Envelope;

/**
 * Loopback gRPC between the nodes of this process, with mutual TLS (ADR 0011). Each node {@link
 * #serve}s on {@code 127.0.0.1} (an ephemeral port); messages to a node go over one {@link
 * PeerLink} per (sender, receiver): a TLS channel presenting the sender's certificate and checking
 * the receiver's DNS name, and one client-streaming Deliver call. The receiver takes the sender's
 * id from its verified, pinned certificate, checks the envelope (version, recipient, size), decodes
 * it with the {@link WireCodec} and posts it to the node; a malformed envelope is counted and
 * dropped, never thrown. Inbound back-pressure: each stream has at most {@link
 * TransportLimits#inboundCredit()} envelopes waiting in the node's loop.
 *
 * @param <M> the protocol's message type
 */
public final class GrpcTransport<M> implements Outbound<M>, AutoCloseable {
  private static final Logger LOG = Logger.getLogger(GrpcTransport.class.getName());
  static final int VERSION = 1;
  private static final Context.Key<Integer> PEER = Context.key("intertrust-peer");

  /** Where a node's inbound messages go. */
  @FunctionalInterface
  public interface Inbound<M> {
    /** Posts {@code message} from {@code from}; {@code done} runs once the node handled it. */
    void deliver(int from, M message, Runnable done);
  }

  private final NodePki pki;
  private final WireCodec<M> codec;
  private final TransportLimits limits;
  private final TransportStats stats = new TransportStats();
  private final ScheduledExecutorService scheduler;
  private final Map<Integer, Server> servers = new ConcurrentHashMap<>();
  private final Map<Integer, InetSocketAddress> addresses = new ConcurrentHashMap<>();
  private final Map<Long, PeerLink> links = new ConcurrentHashMap<>();
  private final List<ManagedChannel> channels = new ArrayList<>();

  public GrpcTransport(NodePki pki, WireCodec<M> codec, TransportLimits limits) {
    this.pki = pki;
    this.codec = codec;
    this.limits = limits;
    this.scheduler =
        Executors.newSingleThreadScheduledExecutor(
            runnable -> {
              Thread thread = new Thread(runnable, "transport-reconnect");
              thread.setDaemon(true);
              return thread;
            });
  }

  /** Starts node {@code id}'s server on a loopback ephemeral port; returns the port. */
  public int serve(int id, Inbound<M> inbound) throws IOException {
    return serve(id, new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), inbound);
  }

  /**
   * Starts node {@code id}'s server on {@code bind} (port 0: an ephemeral one); returns the port.
   * Peers reach it at the address recorded for it, loopback with that port unless {@link #address}
   * says otherwise.
   */
  public int serve(int id, InetSocketAddress bind, Inbound<M> inbound) throws IOException {
    NodeCredentials credentials = pki.credentials(id);
    ServerCredentials tls =
        TlsServerCredentials.newBuilder()
            .keyManager(credentials.keyManagers())
            .trustManager(credentials.trustManagers())
            .clientAuth(TlsServerCredentials.ClientAuth.REQUIRE)
            .build();
    Server server =
        NettyServerBuilder.forAddress(bind, tls)
            .maxInboundMessageSize(limits.maxMessageBytes())
            .maxInboundMetadataSize(8 * 1024)
            .addService(
                ServerInterceptors.intercept(
                    DeliverService.definition(
                        responses ->
                            new InboundStream<>(
                                id, codec, inbound, stats, limits, PEER.get(), responses)),
                    new PeerIdentity()))
            .build()
            .start();
    servers.put(id, server);
    InetSocketAddress bound = (InetSocketAddress) server.getListenSockets().get(0);
    addresses.putIfAbsent(
        id, new InetSocketAddress(InetAddress.getLoopbackAddress(), bound.getPort()));
    return bound.getPort();
  }

  /** Records where node {@code id} listens (for nodes served by another transport). */
  public void address(int id, InetSocketAddress address) {
    addresses.put(id, address);
  }

  @Override
  public void send(int from, int to, M message) {
    byte[] payload = codec.encode(message);
    Envelope envelope =
        Envelope.newBuilder()
            .setVersion(VERSION)
            .setTo(to)
            .setPayload(ByteString.copyFrom(payload))
            .build();
    link(from, to).send(envelope);
  }

  private PeerLink link(int from, int to) {
    return links.computeIfAbsent(
        ((long) from << 32) | (to & 0xffffffffL), key -> newLink(from, to));
  }

  private PeerLink newLink(int from, int to) {
    InetSocketAddress address = addresses.get(to);
    if (address == null) {
      throw new IllegalArgumentException("no address for node " + to);
    }
    NodeCredentials credentials = pki.credentials(from);
    ChannelCredentials tls =
        TlsChannelCredentials.newBuilder()
            .keyManager(credentials.keyManagers())
            .trustManager(credentials.trustManagers())
            .build();
    ManagedChannel channel =
        NettyChannelBuilder.forAddress(address, tls)
            .overrideAuthority(NodePki.hostName(to))
            .maxInboundMessageSize(1024)
            .build();
    synchronized (channels) {
      channels.add(channel);
    }
    return new PeerLink(from, to, channel, limits, stats, scheduler);
  }

  public TransportStats stats() {
    return stats;
  }

  /** Stops accepting new streams on every server (streams already open go on). */
  public void stopAccepting() {
    servers.values().forEach(Server::shutdown);
  }

  /** Closes every link and server and waits for them (up to five seconds each). */
  @Override
  public void close() {
    links.values().forEach(PeerLink::close);
    scheduler.shutdownNow();
    List<ManagedChannel> all;
    synchronized (channels) {
      all = new ArrayList<>(channels);
    }
    all.forEach(ManagedChannel::shutdownNow);
    servers.values().forEach(Server::shutdownNow);
    try {
      for (ManagedChannel channel : all) {
        channel.awaitTermination(5, TimeUnit.SECONDS);
      }
      for (Server server : servers.values()) {
        server.awaitTermination(5, TimeUnit.SECONDS);
      }
      scheduler.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Admits a call only from a peer whose TLS client certificate is one issued to a known node, and
   * puts that node's id in the call's context.
   */
  private final class PeerIdentity implements ServerInterceptor {
    @Override
    public <Q, R> ServerCall.Listener<Q> interceptCall(
        ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
      Optional<Integer> peer = peerOf(call.getAttributes().get(Grpc.TRANSPORT_ATTR_SSL_SESSION));
      if (peer.isEmpty()) {
        stats.refusedPeers.increment();
        LOG.warning("refused a stream from an unknown peer");
        call.close(Status.UNAUTHENTICATED.withDescription("unknown peer"), new Metadata());
        return new ServerCall.Listener<>() {};
      }
      return Contexts.interceptCall(
          Context.current().withValue(PEER, peer.get()), call, headers, next);
    }

    private Optional<Integer> peerOf(SSLSession session) {
      if (session == null) {
        return Optional.empty();
      }
      try {
        Certificate[] chain = session.getPeerCertificates();
        if (chain.length == 0 || !(chain[0] instanceof X509Certificate)) {
          return Optional.empty();
        }
        return pki.nodeOf((X509Certificate) chain[0]);
      } catch (SSLPeerUnverifiedException e) {
        return Optional.empty();
      }
    }
  }
}
