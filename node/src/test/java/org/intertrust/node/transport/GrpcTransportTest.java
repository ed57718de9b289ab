package org.intertrust.node.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.intertrust.node.runtime.WireCodec;
import org.intertrust.node.runtime.WireDecodingException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The transport over real loopback sockets: identity, refusal, malformed input, overflow. */
@Timeout(30)
class GrpcTransportTest {
  /** Strings as UTF-8; "bad..." does not decode. */
  private static final WireCodec<String> STRINGS =
      new WireCodec<>() {
        @Override
        public byte[] encode(String message) {
          return message.getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public String decode(byte[] bytes) throws WireDecodingException {
          String text = new String(bytes, StandardCharsets.UTF_8);
          if (text.startsWith("bad")) {
            throw new WireDecodingException("test", "refused");
          }
          return text;
        }
      };

  private record Received(int from, String message) {}

  @Test
  void delivers_withTheSenderIdTakenFromItsCertificate() throws Exception {
    NodePki pki = NodePki.generate(List.of(0, 1, 2), new SecureRandom());
    BlockingQueue<Received> inbox = new LinkedBlockingQueue<>();
    try (GrpcTransport<String> transport =
        new GrpcTransport<>(pki, STRINGS, TransportLimits.defaults())) {
      transport.serve(
          1,
          (from, message, done) -> {
            inbox.add(new Received(from, message));
            done.run();
          });
      transport.send(2, 1, "hello");
      transport.send(0, 1, "world");
      List<Received> got = List.of(poll(inbox), poll(inbox));
      assertTrue(got.contains(new Received(2, "hello")), got::toString);
      assertTrue(got.contains(new Received(0, "world")), got::toString);
      assertEquals(2, transport.stats().delivered());
    }
  }

  @Test
  void refusesAPeer_whoseCertificateAnotherAuthorityIssued() throws Exception {
    NodePki trusted = NodePki.generate(List.of(0, 1), new SecureRandom());
    NodePki stranger = NodePki.generate(List.of(0, 1), new SecureRandom());
    BlockingQueue<Received> inbox = new LinkedBlockingQueue<>();
    try (GrpcTransport<String> server =
            new GrpcTransport<>(trusted, STRINGS, TransportLimits.defaults());
        GrpcTransport<String> intruder =
            new GrpcTransport<>(stranger, STRINGS, TransportLimits.defaults())) {
      int port = server.serve(1, (from, message, done) -> inbox.add(new Received(from, message)));
      intruder.address(1, new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
      intruder.send(0, 1, "let me in");
      assertEquals(null, inbox.poll(1_500, TimeUnit.MILLISECONDS));
      assertEquals(0, server.stats().delivered());
      assertTrue(intruder.stats().reconnects() >= 1, intruder.stats()::toString);
    }
  }

  @Test
  void countsAndDropsAMalformedMessage_andKeepsTheStream() throws Exception {
    NodePki pki = NodePki.generate(List.of(0, 1), new SecureRandom());
    BlockingQueue<Received> inbox = new LinkedBlockingQueue<>();
    try (GrpcTransport<String> transport =
        new GrpcTransport<>(pki, STRINGS, TransportLimits.defaults())) {
      transport.serve(
          1,
          (from, message, done) -> {
            inbox.add(new Received(from, message));
            done.run();
          });
      transport.send(0, 1, "bad bytes");
      transport.send(0, 1, "good");
      assertEquals(new Received(0, "good"), poll(inbox));
      assertEquals(1L, transport.stats().rejected().get("decode-test"));
      assertEquals(0, transport.stats().reconnects());
    }
  }

  @Test
  void dropsTheOldest_whenAPeerStopsReading() throws Exception {
    NodePki pki = NodePki.generate(List.of(0, 1), new SecureRandom());
    TransportLimits small = new TransportLimits(1 << 20, 8, 1, 50, 200);
    CountDownLatch first = new CountDownLatch(1);
    String big = "x".repeat(16 * 1024);
    try (GrpcTransport<String> transport = new GrpcTransport<>(pki, STRINGS, small)) {
      // The node never finishes a message: after one envelope of credit the stream stalls.
      transport.serve(1, (from, message, done) -> first.countDown());
      for (int i = 0; i < 400; i++) {
        transport.send(0, 1, big + i);
      }
      assertTrue(first.await(10, TimeUnit.SECONDS));
      assertTrue(transport.stats().droppedOverflow() > 0, transport.stats()::toString);
      assertTrue(transport.stats().delivered() < 400, transport.stats()::toString);
    }
  }

  private static Received poll(BlockingQueue<Received> inbox) throws InterruptedException {
    Received received = inbox.poll(10, TimeUnit.SECONDS);
    assertTrue(received != null, "nothing delivered within ten seconds");
    return received;
  }
}
