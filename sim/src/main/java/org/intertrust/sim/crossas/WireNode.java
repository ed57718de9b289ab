package org.intertrust.sim.crossas;

import java.util.Arrays;
import java.util.Objects;
import java.util.function.Predicate;
import org.intertrust.sim.ForwardingContext;
import org.intertrust.sim.NodeContext;
import org.intertrust.sim.SimNode;
import org.intertrust.sim.SimTimer;
import org.intertrust.sim.consensus.AsMessage;

/**
 * Puts a node's messages on the simulated network as {@link CrossAsWire} bytes and decodes the
 * bytes it receives, as a networked node does: the messages {@code carried} selects leave as a
 * {@link CrossAsMessage.Wire}; each receiver decodes them with its own codec and hands the node the
 * decoded message, or counts the rejection ({@code WIRE_<reason>}) and drops it. Decoding costs no
 * virtual time and draws no randomness, so a run traces exactly as it does with objects.
 *
 * <p>With {@code checkRoundTrip}, the sender also decodes what it encoded and counts {@code
 * WIRE_ROUND_TRIP_MISMATCH} unless that gives an equal message whose encoding is the same bytes.
 */
final class WireNode implements SimNode<CrossAsMessage> {
  static final String MISMATCH = "WIRE_ROUND_TRIP_MISMATCH";

  private final SimNode<CrossAsMessage> node;
  private final CrossAsWire wire;
  private final Predicate<CrossAsMessage> carried;
  private final CrossAsStats stats;
  private final boolean checkRoundTrip;
  private final boolean malformed;
  private long broken;

  WireNode(
      SimNode<CrossAsMessage> node,
      CrossAsWire wire,
      Predicate<CrossAsMessage> carried,
      CrossAsStats stats,
      boolean checkRoundTrip) {
    this(node, wire, carried, stats, checkRoundTrip, false);
  }

  /**
   * With {@code malformed}, the node sends before each message it carries as bytes a broken copy,
   * broken in turn: one byte short, one byte too many, wire version 2, kind 0, the first length
   * prefix past the end of the message. Each is refused by every receiver with its reason.
   */
  WireNode(
      SimNode<CrossAsMessage> node,
      CrossAsWire wire,
      Predicate<CrossAsMessage> carried,
      CrossAsStats stats,
      boolean checkRoundTrip,
      boolean malformed) {
    this.node = Objects.requireNonNull(node, "node");
    this.wire = Objects.requireNonNull(wire, "wire");
    this.carried = Objects.requireNonNull(carried, "carried");
    this.stats = Objects.requireNonNull(stats, "stats");
    this.checkRoundTrip = checkRoundTrip;
    this.malformed = malformed;
  }

  @Override
  public void onStart(NodeContext<CrossAsMessage> context) {
    node.onStart(new EncodingContext(context));
  }

  @Override
  public void onMessage(int from, CrossAsMessage message) {
    if (!(message instanceof CrossAsMessage.Wire)) {
      node.onMessage(from, message);
      return;
    }
    CrossAsMessage decoded;
    try {
      decoded = wire.decode(((CrossAsMessage.Wire) message).bytes());
    } catch (CrossAsDecodingException e) {
      stats.rejected("WIRE_" + e.label());
      return;
    }
    node.onMessage(from, decoded);
  }

  @Override
  public void onTimer(SimTimer timer) {
    node.onTimer(timer);
  }

  /** {@code message} as it leaves this node: bytes if it is carried as bytes. */
  CrossAsMessage outgoing(CrossAsMessage message) {
    return outgoing(message, wire, carried, stats, checkRoundTrip);
  }

  static CrossAsMessage outgoing(
      CrossAsMessage message,
      CrossAsWire wire,
      Predicate<CrossAsMessage> carried,
      CrossAsStats stats,
      boolean checkRoundTrip) {
    if (message instanceof CrossAsMessage.Wire || !carried.test(message)) {
      return message;
    }
    byte[] bytes = wire.encode(message);
    stats.carried(message);
    if (checkRoundTrip && !roundTrips(message, bytes, wire)) {
      stats.rejected(MISMATCH);
    }
    return new CrossAsMessage.Wire(bytes, message.toString());
  }

  /**
   * Whether {@code bytes} decode to a message equal to {@code message} that encodes to the same
   * bytes. A Byzantine replica's consensus bytes ({@link AsMessage.Wire}) decode to the message
   * they encode, or not at all (the receiver refuses them, as it did them before): only the bytes
   * are compared.
   */
  private static boolean roundTrips(CrossAsMessage message, byte[] bytes, CrossAsWire wire) {
    boolean byzantineBytes =
        message instanceof CrossAsMessage.Local local && local.message() instanceof AsMessage.Wire;
    try {
      CrossAsMessage decoded = wire.decode(bytes);
      return (byzantineBytes
              || decoded.equals(message)
              || message instanceof CrossAsMessage.Handshake)
          && Arrays.equals(bytes, wire.encode(decoded));
    } catch (CrossAsDecodingException e) {
      return byzantineBytes && e.reason() == CrossAsDecodingException.Reason.CONSENSUS;
    }
  }

  /** A broken copy of {@code sent}, if this node sends them and {@code sent} is bytes. */
  private java.util.Optional<CrossAsMessage> brokenCopy(CrossAsMessage sent) {
    if (!malformed || !(sent instanceof CrossAsMessage.Wire)) {
      return java.util.Optional.empty();
    }
    byte[] bytes = ((CrossAsMessage.Wire) sent).bytes();
    byte[] copy;
    switch ((int) (broken++ % 5)) {
      case 0:
        copy = Arrays.copyOf(bytes, bytes.length - 1);
        break;
      case 1:
        copy = Arrays.copyOf(bytes, bytes.length + 1);
        break;
      case 2:
        copy = bytes.clone();
        copy[0] = 2;
        break;
      case 3:
        copy = bytes.clone();
        copy[1] = 0;
        break;
      default:
        copy = bytes.clone();
        copy[2] = (byte) 0x7f;
        break;
    }
    return java.util.Optional.of(new CrossAsMessage.Wire(copy, "Broken[" + sent + "]"));
  }

  /** The node's context, with every send passed through {@link #outgoing}. */
  private final class EncodingContext extends ForwardingContext<CrossAsMessage, CrossAsMessage> {
    EncodingContext(NodeContext<CrossAsMessage> outer) {
      super(outer);
    }

    @Override
    public void send(int to, CrossAsMessage message) {
      CrossAsMessage sent = outgoing(message);
      brokenCopy(sent).ifPresent(copy -> outer.send(to, copy));
      outer.send(to, sent);
    }

    @Override
    public void broadcast(CrossAsMessage message) {
      CrossAsMessage sent = outgoing(message);
      brokenCopy(sent).ifPresent(outer::broadcast);
      outer.broadcast(sent);
    }

    @Override
    public void multicast(int[] targets, CrossAsMessage message) {
      CrossAsMessage sent = outgoing(message);
      brokenCopy(sent).ifPresent(copy -> outer.multicast(targets, copy));
      outer.multicast(targets, sent);
    }
  }
}
