package org.intertrust.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * A test node driven by lambdas, recording what it receives: for engine tests that need exact
 * control over one or two nodes.
 */
final class ScriptedNode implements SimNode<String> {
  /** One delivery: when the handler started, from whom, what. */
  record Received(long time, int from, String message) {}

  private final Consumer<NodeContext<String>> onStart;
  private final BiConsumer<NodeContext<String>, Received> onMessage;
  private final List<Received> received;
  private NodeContext<String> context;
  final List<SimTimer> timers = new ArrayList<>();

  ScriptedNode(
      Consumer<NodeContext<String>> onStart,
      BiConsumer<NodeContext<String>, Received> onMessage,
      List<Received> received) {
    this.onStart = onStart;
    this.onMessage = onMessage;
    this.received = received;
  }

  /** A node that does {@code onStart} and records every message, doing nothing else. */
  static ScriptedNode starting(Consumer<NodeContext<String>> onStart, List<Received> received) {
    return new ScriptedNode(onStart, (context, message) -> {}, received);
  }

  @Override
  public void onStart(NodeContext<String> nodeContext) {
    this.context = nodeContext;
    onStart.accept(nodeContext);
  }

  @Override
  public void onMessage(int from, String message) {
    Received delivery = new Received(context.now(), from, message);
    received.add(delivery);
    onMessage.accept(context, delivery);
  }

  @Override
  public void onTimer(SimTimer timer) {
    timers.add(timer);
    received.add(new Received(context.now(), -1, "timer:" + timer.tag()));
  }
}
