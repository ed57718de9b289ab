package org.intertrust.sim;

import java.util.Arrays;
import java.util.NoSuchElementException;

/**
 * A binary min-heap of events ordered by (time, sequence). Sequence numbers are unique, so the
 * order is total and ties in time break by scheduling order: the queue is deterministic.
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
      int parent = (index - 1) >>> 1;
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
    int half = size >>> 1;
    while (index < half) {
      int child = 2 * index + 1;
      Event smaller = heap[child];
      int right = child + 1;
      if (right < size && heap[right].before(smaller)) {
        child = right;
        smaller = heap[right];
      }
      if (!smaller.before(event)) {
        break;
      }
      heap[index] = smaller;
      index = child;
    }
    heap[index] = event;
  }
}
