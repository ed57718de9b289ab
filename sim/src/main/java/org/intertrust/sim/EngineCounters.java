package org.intertrust.sim;

import org.intertrust.sim.stats.Counters;

/** The engine's own counters, kept as plain fields on the hot path and exported on demand. */
final class EngineCounters {
  long delivered;
  long timersFired;
  long queuedWhileBusy;
  long droppedCrashedReceiver;
  long droppedCrashedSender;
  long droppedPartition;
  long crashes;
  long restarts;
  long lostWrites;

  Counters export(long events, Transport<?> transport) {
    Counters counters = new Counters();
    counters.add("events", events);
    counters.add("messages.sent", transport.sent);
    counters.add("messages.delivered", delivered);
    counters.add("messages.lost", transport.lost);
    counters.add("messages.duplicated", transport.duplicated);
    counters.add("messages.cut_at_departure", transport.cutAtDeparture);
    counters.add("messages.dropped_partition", droppedPartition);
    counters.add("messages.dropped_crashed_receiver", droppedCrashedReceiver);
    counters.add("messages.dropped_crashed_sender", droppedCrashedSender);
    counters.add("events.queued_while_busy", queuedWhileBusy);
    counters.add("timers.fired", timersFired);
    counters.add("nodes.crashes", crashes);
    counters.add("nodes.restarts", restarts);
    counters.add("storage.lost_writes", lostWrites);
    return counters;
  }
}
