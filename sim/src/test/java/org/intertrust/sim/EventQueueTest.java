package org.intertrust.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class EventQueueTest {
  static LongStream seeds() {
    return LongStream.range(1, 21);
  }

  @ParameterizedTest(name = "seed={0}")
  @MethodSource("seeds")
  void pollsInTimeThenSequenceOrder(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    EventQueue queue = new EventQueue();
    List<Event> added = new ArrayList<>();
    List<Event> polled = new ArrayList<>();
    for (int sequence = 0; sequence < 5000; sequence++) {
      Event event = new Event(random.nextLong(50), sequence, Event.MESSAGE, 0);
      queue.add(event);
      added.add(event);
      if (random.nextInt(4) == 0) {
        polled.add(queue.poll());
      }
    }
    while (!queue.isEmpty()) {
      polled.add(queue.poll());
    }
    assertEquals(added.size(), polled.size(), "seed=" + seed);
    List<Event> tail = polled.subList(polled.size() - queue.size() - 1, polled.size());
    assertTrue(!tail.isEmpty());
    List<Event> sorted = new ArrayList<>(added);
    sorted.sort(Comparator.<Event>comparingLong(e -> e.time).thenComparingLong(e -> e.sequence));
    List<Event> drained = new ArrayList<>();
    EventQueue fresh = new EventQueue();
    added.forEach(fresh::add);
    while (!fresh.isEmpty()) {
      drained.add(fresh.poll());
    }
    assertEquals(sorted, drained, "seed=" + seed);
  }
}
