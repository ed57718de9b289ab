package org.intertrust.sim;

/**
 * One entry of the event queue. Mutable and package-private: the engine creates millions of them,
 * so there is one class with a kind tag rather than a hierarchy.
 */
final class Event {
  static final byte START = 0;
  static final byte MESSAGE = 1;
  static final byte TIMER = 2;
  static final byte WAKE = 3;
  static final byte CRASH = 4;
  static final byte RESTART = 5;
  static final byte PARTITION = 6;
  static final byte HEAL = 7;
  static final byte ACTION = 8;

  final long time;
  final long sequence;
  final byte kind;
  final int node;

  /** Sender of a message; -1 otherwise. */
  int from = -1;

  /** Incarnation of the sender (messages) or of the owner (timers, wakes) when scheduled. */
  int incarnation;

  /** When a message left its sender. */
  long departure;

  /** The message, timer, partition or scheduled action. */
  Object payload;

  Event(long time, long sequence, byte kind, int node) {
    this.time = time;
    this.sequence = sequence;
    this.kind = kind;
    this.node = node;
  }

  boolean before(Event other) {
    return time < other.time || (time == other.time && sequence < other.sequence);
  }
}
