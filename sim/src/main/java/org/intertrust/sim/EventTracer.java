package org.intertrust.sim;

import org.intertrust.sim.trace.Trace;

/**
 * Formats the engine's trace lines. Message descriptions are only computed when the trace is
 * enabled, so a run with tracing off pays nothing for them.
 */
final class EventTracer<M> {
  private final Trace trace;
  private final MessageDescriber<M> describer;
  private final StringBuilder detail = new StringBuilder(128);

  EventTracer(Trace trace, MessageDescriber<M> describer) {
    this.trace = trace;
    this.describer = describer;
  }

  Trace trace() {
    return trace;
  }

  void record(long time, int node, String kind, String text) {
    trace.record(time, node, kind, text);
  }

  @SuppressWarnings("unchecked")
  void execution(long time, int node, Event event) {
    if (!trace.enabled()) {
      return;
    }
    detail.setLength(0);
    switch (event.kind) {
      case Event.START -> trace.record(time, node, "START", "incarnation=" + event.incarnation);
      case Event.MESSAGE -> {
        detail.append("from=").append(event.from).append(' ');
        detail.append(describer.describe((M) event.payload));
        trace.record(time, node, "RECV", detail);
      }
      default -> trace.record(time, node, "TIMER", event.payload.toString());
    }
  }

  /** A message-related line at the receiver or sender, e.g. a drop, a loss, a duplicate. */
  @SuppressWarnings("unchecked")
  void message(long time, int node, String kind, String peerLabel, int peer, Object payload) {
    if (!trace.enabled()) {
      return;
    }
    detail.setLength(0);
    detail.append(peerLabel).append('=').append(peer).append(' ');
    detail.append(describer.describe((M) payload));
    trace.record(time, node, kind, detail);
  }

  void note(long time, int node, String text) {
    trace.record(time, node, "NOTE", text);
  }

  /** The kept tail of the trace as text, one line per row. */
  String tailText() {
    StringBuilder text = new StringBuilder("last trace lines:\n");
    for (String line : trace.tail(Integer.MAX_VALUE)) {
      text.append("  ").append(line).append('\n');
    }
    return text.toString();
  }
}
