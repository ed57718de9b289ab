package org.intertrust.sim;

import java.util.Arrays;
import java.util.NoSuchElementException;

/**
 * A 4-ary min-heap of events ordered by (time, sequence). Sequence numbers are unique, so the order
 * is total and ties in time break by scheduling order: the queue is deterministic. Four children
 * per node halve the depth of a binary heap, which matters with a million queued events.
 */
final class EventQueue {
  private Event[] heap = new Event[1024];
  private int size;

  int size() {
    return size;
  }

  boolean isEmpty() {
    return size == 0;
  }

  void add(Event event) {
    if (size == heap.length) {
      heap = Arrays.copyOf(heap, size * 2);
    }
    int index = size++;
    while (index > 0) {
      int parent = (index - 1) >>> 2;
      Event above = heap[parent];
      if (!event.before(above)) {
        break;
      }
      heap[index] = above;
      index = parent;
    }
    heap[index] = event;
  }

  /** The first event; the queue must not be empty. */
  Event peek() {
    if (size == 0) {
      throw new NoSuchElementException("event queue is empty");
    }
    return heap[0];
  }

  /** Removes and returns the first event; the queue must not be empty. */
  Event poll() {
    if (size == 0) {
      throw new NoSuchElementException("event queue is empty");
    }
    Event first = heap[0];
    Event last = heap[--size];
    heap[size] = null;
    if (size > 0) {
      siftDown(last);
    }
    return first;
  }

  private void siftDown(Event event) {
    int index = 0;
    while (true) {
      int first = 4 * index + 1;
      if (first >= size) {
        break;
      }
      int child = first;
      Event smallest = heap[first];
      int end = Math.min(first + 4, size);
      for (int candidate = first + 1; candidate < end; candidate++) {
        if (heap[candidate].before(smallest)) {
          child = candidate;
          smallest = heap[candidate];
        }
      }
      if (!smallest.before(event)) {
        break;
      }
      heap[index] = smallest;
      index = child;
    }
    heap[index] = event;
  }
}
